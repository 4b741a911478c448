#!/usr/bin/env bash
# Builds a PostgreSQL image without any registry, as build-keycloak-image.sh builds Keycloak's: our
# Debian base (jre-base.sh; already there wherever the Keycloak image was built) plus Debian's
# postgresql-<POSTGRES_VERSION>, and a start-up script that honours the official image's variables
# (scripts/image/postgres/). About a minute where the base exists. Idempotent: an existing image of
# the same tag is reused. Prints the image name on its last line.
#   usage: scripts/image/build-postgres-image.sh [IMAGE]   (default localhost/kc-assurance/postgres:<version>)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../.env
source "$root/.env"
image=${1:-$POSTGRES_LOCAL_IMAGE:$POSTGRES_VERSION}
cli=$(command -v podman || command -v docker) || { echo "need podman or docker" >&2; exit 1; }

if "$cli" image inspect "$image" >/dev/null 2>&1; then
  echo "reusing $image" >&2
  echo "$image"; exit 0
fi

base=$(bash "$root/scripts/image/jre-base.sh" | tail -1)
echo "building $image" >&2
"$cli" build -q -f "$root/scripts/image/postgres/Containerfile" --build-arg "BASE=$base" \
  --build-arg "POSTGRES_VERSION=$POSTGRES_VERSION" -t "$image" "$root/scripts/image/postgres" >&2
echo "$image"
