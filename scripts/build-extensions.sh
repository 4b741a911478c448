#!/usr/bin/env bash
# Builds the Keycloak provider jar (extensions/) against the pinned Keycloak version from .env.
# Prints the jar's path on its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../.env
source "$root/.env"
command -v mvn >/dev/null || { echo "Maven (mvn) and a JDK 17+ are needed to build extensions/" >&2; exit 1; }
# keycloak-model-jpa (the reset workflow's JPA entity SPI) names a parent POM some Maven mirrors do not
# serve. We compile against its jar alone (provided scope, no transitive dependencies), so where the
# POM cannot be read, the jar is fetched by itself and given a POM of its own in the local repository.
model_jpa="org.keycloak:keycloak-model-jpa:$KEYCLOAK_VERSION"
if ! mvn -q -B dependency:get -Dartifact="$model_jpa" >/dev/null 2>&1; then
  mvn -q -B dependency:get -Dartifact="$model_jpa" -Dtransitive=false >&2
  tmp=$(mktemp -d)
  cp "${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}/org/keycloak/keycloak-model-jpa/$KEYCLOAK_VERSION/keycloak-model-jpa-$KEYCLOAK_VERSION.jar" "$tmp/model-jpa.jar"
  printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>org.keycloak</groupId><artifactId>keycloak-model-jpa</artifactId><version>%s</version></project>\n' "$KEYCLOAK_VERSION" >"$tmp/pom.xml"
  mvn -q -B install:install-file -Dfile="$tmp/model-jpa.jar" -DpomFile="$tmp/pom.xml" >&2
  rm -rf "$tmp"
fi
mvn -q -B -f "$root/extensions/pom.xml" package -Dkeycloak.version="$KEYCLOAK_VERSION" >&2
echo "$root/extensions/target/kc-assurance-extensions.jar"
