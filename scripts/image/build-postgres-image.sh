#!/usr/bin/env bash
# Builds a PostgreSQL image without any registry, as build-keycloak-image.sh builds Keycloak's: a
# Debian root filesystem with Debian's postgresql-<POSTGRES_VERSION> (debootstrap), plus a start-up
# script that honours the official image's variables (scripts/image/postgres/). Idempotent: an
# existing image of the same tag is reused. Prints the image name on its last line.
#   usage: scripts/image/build-postgres-image.sh [IMAGE]   (default localhost/kc-assurance/postgres:<version>)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../.env
source "$root/.env"
image=${1:-$POSTGRES_LOCAL_IMAGE:$POSTGRES_VERSION}
base=localhost/kc-assurance/postgres-base:bookworm-$POSTGRES_VERSION
cli=$(command -v podman || command -v docker) || { echo "need podman or docker" >&2; exit 1; }

exists() { "$cli" image inspect "$1" >/dev/null 2>&1; }

if exists "$image"; then
  echo "reusing $image" >&2
  echo "$image"; exit 0
fi

work=$(mktemp -d /var/tmp/pg-image.XXXXXX)
trap 'rm -rf "$work"' EXIT

if ! exists "$base"; then
  command -v debootstrap >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "building base $base with debootstrap" >&2
  debootstrap --variant=minbase --include="postgresql-$POSTGRES_VERSION" \
    bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # The package's own cluster (15/main) is not the one the image starts; PGDATA gets a fresh one.
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
    "$work"/rootfs/var/lib/postgresql/"$POSTGRES_VERSION" "$work"/rootfs/etc/postgresql/"$POSTGRES_VERSION"
  tar -C "$work/rootfs" -c . | "$cli" import - "$base" >/dev/null
  rm -rf "$work/rootfs"
fi

echo "building $image" >&2
"$cli" build -q -f "$root/scripts/image/postgres/Containerfile" --build-arg "BASE=$base" \
  --build-arg "POSTGRES_VERSION=$POSTGRES_VERSION" -t "$image" "$root/scripts/image/postgres" >&2
echo "$image"
