#!/usr/bin/env bash
# The README's compose path, end to end, as a user takes it: `docker compose up` (podman-compose
# where there is no Docker), `kc-assurance apply --create-realm` against it, then a sign-in through
# our theme in Chromium; the stack is removed at the end. Needs `npm run build` (the jars) first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# shellcheck source=../../.env
source .env

if docker compose version >/dev/null 2>&1; then compose=(docker compose)
elif command -v podman-compose >/dev/null; then compose=(podman-compose)
else echo "compose smoke test: needs docker compose or podman-compose" >&2; exit 1
fi
official="quay.io/keycloak/keycloak:$KEYCLOAK_VERSION"
cli=$(command -v docker || command -v podman)
# Where the official image cannot be pulled (air-gapped hosts, our CI), the image built from the same
# distribution (scripts/image/build-keycloak-image.sh) stands in under its name.
if ! "$cli" image inspect "$official" >/dev/null 2>&1 && ! timeout 120 "$cli" pull -q "$official" >/dev/null 2>&1; then
  "$cli" tag "localhost/kc-assurance/keycloak:$KEYCLOAK_VERSION" "$official"
fi

down() { "${compose[@]}" down >/dev/null 2>&1 || true; }
trap down EXIT
# podman reports, harmlessly, that it cannot schedule healthchecks without systemd.
"${compose[@]}" up -d > /dev/null 2> >(grep -v "systemd" >&2)
for _ in $(seq 1 120); do
  curl -sf -m 2 http://localhost:9000/health/ready >/dev/null && break
  sleep 2
done
curl -sf -m 2 http://localhost:9000/health/ready >/dev/null || { echo "compose: Keycloak did not become ready" >&2; "${compose[@]}" logs | tail -40 >&2; exit 1; }

export KEYCLOAK_URL=http://localhost:8080 KEYCLOAK_ADMIN_PASSWORD=admin
realm="compose-smoke-$$"
node bin/kc-assurance.js apply policies/example.yaml --realm "$realm" --create-realm >/dev/null
npx tsx scripts/compose/sign-in.ts "$realm"
