#!/usr/bin/env bash
# Builds the Keycloak provider jar (extensions/) against the pinned Keycloak version from .env.
# Prints the jar's path on its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../.env
source "$root/.env"
command -v mvn >/dev/null || { echo "Maven (mvn) and a JDK 17+ are needed to build extensions/" >&2; exit 1; }
mvn -q -B -f "$root/extensions/pom.xml" package -Dkeycloak.version="$KEYCLOAK_VERSION" >&2
echo "$root/extensions/target/kc-assurance-extensions.jar"
