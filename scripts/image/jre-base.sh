#!/usr/bin/env bash
# The Debian root filesystem our locally built images start from (debootstrap, no registry): bookworm
# with a JRE for Keycloak. The PostgreSQL image starts from it too, so a machine that built the
# Keycloak image (scripts/setup.sh does, where none can be pulled) adds only Debian's postgresql
# packages. Idempotent: an existing base is reused. Prints the base's name on its last line.
set -euo pipefail
base=localhost/kc-assurance/jre:bookworm-17
cli=$(command -v podman || command -v docker) || { echo "need podman or docker" >&2; exit 1; }

if ! "$cli" image inspect "$base" >/dev/null 2>&1; then
  work=$(mktemp -d /var/tmp/jre-base.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  command -v debootstrap >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "building base $base with debootstrap" >&2
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
  tar -C "$work/rootfs" -c . | "$cli" import - "$base" >/dev/null
fi
echo "$base"
