#!/usr/bin/env bash
# Copies a built jar into dist/ under its release name, <name>-<version>.jar, with the pack's version
# (package.json; test/unit/packages.test.ts keeps every component's version equal to it). The jar
# also stays where it was built, under its usual name: docker-compose.yml, the launcher and the
# benches load it from there. Prints the release jar's path.
#   bash scripts/release-artefact.sh extensions/target/kc-assurance-extensions.jar kc-assurance-extensions
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ $# == 2 && -f $1 ]] || { echo "usage: release-artefact.sh <built jar> <artefact name> (the jar must exist: build it first)" >&2; exit 1; }
version=$(node -p 'require(process.argv[1]).version' "$root/package.json")
mkdir -p "$root/dist"
cp "$1" "$root/dist/$2-$version.jar"
echo "$root/dist/$2-$version.jar"
