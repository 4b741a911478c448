#!/usr/bin/env bash
# Prepares a machine to run `npm start` and `npm test`, then installs the npm dependencies.
# - On Debian/Ubuntu as root, installs missing system packages (container tools, Chromium for tests).
# - Where no Docker engine answers, serves podman's Docker-compatible API (scripts/host/setup-podman.sh).
# - Where the official Keycloak image cannot be pulled, builds one locally (scripts/image/build-keycloak-image.sh);
#   the launcher prefers that local image of the pinned version when it exists.
# Idempotent: a second run changes nothing and takes seconds. With KEYCLOAK_URL set, only npm ci runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=../.env
source .env

engine_answers() { curl -sf -m 3 --unix-socket /var/run/docker.sock http://d/_ping >/dev/null 2>&1; }

if [[ -z "${KEYCLOAK_URL:-}" ]]; then
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    need=()
    pkgs=(curl chromium)
    engine_answers || pkgs+=(podman runc uidmap slirp4netns fuse-overlayfs debootstrap)
    # The README's compose path (scripts/compose/smoke.sh) where Docker's compose plugin is missing.
    docker compose version >/dev/null 2>&1 || pkgs+=(podman-compose)
    for pkg in "${pkgs[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
    if ((${#need[@]})); then
      echo "installing system packages: ${need[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
  fi

  if ! engine_answers; then
    if [[ $(id -u) == 0 ]]; then bash scripts/host/setup-podman.sh
    else echo "no container engine at /var/run/docker.sock: start Docker (or podman's API service), or set KEYCLOAK_URL" >&2; exit 1
    fi
  fi

  official="quay.io/keycloak/keycloak:$KEYCLOAK_VERSION"
  cli=$(command -v docker || command -v podman)
  if [[ -n "${KEYCLOAK_IMAGE:-}" ]]; then
    echo "using KEYCLOAK_IMAGE=$KEYCLOAK_IMAGE"
  elif "$cli" image inspect "$official" >/dev/null 2>&1 || timeout 120 "$cli" pull -q "$official" >/dev/null 2>&1; then
    echo "using $official"
  else
    echo "$official cannot be pulled here; building a local image"
    bash scripts/image/build-keycloak-image.sh >/dev/null
  fi
fi

npm ci --no-audit --no-fund
# The theme is its own npm project (Keycloakify), as in the Keycloakify starter.
if [[ -f theme/package-lock.json ]]; then npm ci --prefix theme --no-audit --no-fund; fi
