#!/usr/bin/env bash
# Makes the cluster topology's PostgreSQL image available, chosen as scripts/setup.sh chooses
# Keycloak's: POSTGRES_IMAGE if set, else the official postgres:<POSTGRES_VERSION> if present or
# pullable, else one built from Debian's packages (build-postgres-image.sh). Only the cluster paths
# call it (npm run test:cluster, the compose profile), so `npm run setup` stays as fast as it was.
# Prints the image name on its last line; a locally built image is also tagged with the official name.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../.env
source "$root/.env"
official="docker.io/library/postgres:$POSTGRES_VERSION"
cli=$(command -v docker || command -v podman) || { echo "need podman or docker" >&2; exit 1; }

if [[ -n "${POSTGRES_IMAGE:-}" ]]; then
  echo "$POSTGRES_IMAGE"
elif "$cli" image inspect "$official" >/dev/null 2>&1 || timeout 120 "$cli" pull -q "$official" >/dev/null 2>&1; then
  echo "$official"
else
  echo "$official cannot be pulled here; building a local image" >&2
  local_image=$(bash "$root/scripts/image/build-postgres-image.sh" | tail -1)
  # Under the official name too, for docker-compose.cluster.yml (as scripts/compose/smoke.sh does for Keycloak's).
  "$cli" tag "$local_image" "$official"
  echo "$official"
fi
