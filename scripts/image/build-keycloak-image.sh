#!/usr/bin/env bash
# Builds a Keycloak image without any registry: a Debian root filesystem with a JRE (debootstrap),
# plus the pinned Keycloak distribution from Maven Central. For hosts that cannot pull
# quay.io/keycloak/keycloak (our CI, air-gapped platform teams). Idempotent: an existing image
# of the same tag is reused. Prints the image name on its last line.
#   usage: scripts/image/build-keycloak-image.sh [IMAGE]   (default localhost/kc-assurance/keycloak:<version>)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../.env
source "$root/.env"
image=${1:-$KEYCLOAK_LOCAL_IMAGE:$KEYCLOAK_VERSION}
cli=$(command -v podman || command -v docker) || { echo "need podman or docker" >&2; exit 1; }

exists() { "$cli" image inspect "$1" >/dev/null 2>&1; }

if exists "$image"; then
  echo "reusing $image" >&2
  echo "$image"; exit 0
fi

work=$(mktemp -d /var/tmp/kc-image.XXXXXX)
trap 'rm -rf "$work"' EXIT

base=$(bash "$root/scripts/image/jre-base.sh" | tail -1)

echo "fetching keycloak-quarkus-dist $KEYCLOAK_VERSION through Maven" >&2
mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
  -Dmdep.stripVersion=false -DoutputDirectory="$work" >&2
mv "$work/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" "$work/keycloak-$KEYCLOAK_VERSION.tar.gz"

echo "building $image" >&2
"$cli" build -q -f "$root/scripts/image/Containerfile" --build-arg "BASE=$base" \
  --build-arg "KEYCLOAK_VERSION=$KEYCLOAK_VERSION" -t "$image" "$work" >&2
echo "$image"
