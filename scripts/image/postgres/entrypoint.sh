#!/bin/sh
# The official image's start-up contract, in short: on an empty PGDATA, a cluster whose superuser is
# POSTGRES_USER (password POSTGRES_PASSWORD, required) with a database POSTGRES_DB; then the server,
# listening on every address with password authentication for remote clients.
set -eu
[ "${1:-}" = postgres ] && shift
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  # Single-user mode: no server listens while the database is made, so a client that connects
  # (a health check, Keycloak) never meets a half-initialised cluster.
  if [ "$db" != postgres ]; then echo "CREATE DATABASE \"$db\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null; fi
fi
exec postgres -D "$PGDATA" "$@"
