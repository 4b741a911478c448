#!/usr/bin/env bash
# Makes a Docker-compatible container API available on a host without a Docker engine,
# using rootful podman with runc. Idempotent: safe to run again; it changes nothing that already works.
# Afterwards testcontainers finds the API at /var/run/docker.sock, as it would find Docker's.
set -euo pipefail

sock=/run/podman/podman.sock
log=/run/podman/service.log

api_answers() { curl -sf --unix-socket "$1" http://d/_ping >/dev/null 2>&1; }

if api_answers /var/run/docker.sock; then
  echo "container API: already answering at /var/run/docker.sock"
  exit 0
fi

if ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc >/dev/null
fi

# crun fails on these hosts ("cgroups in hybrid mode not supported"); limits must stay under the host's hard nofile limit.
conf=/etc/containers/containers.conf
if ! grep -q 'kc-assurance' "$conf" 2>/dev/null; then
  mkdir -p /etc/containers
  cat > "$conf" <<'CONF'
# written by kc-assurance scripts/host/setup-podman.sh
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
fi

if ! api_answers "$sock"; then
  mkdir -p /run/podman
  # From /: the service's conmon processes need its working directory, which must outlive the caller's
  # (a removed checkout made every later container fail with "Failed to get working directory").
  (cd / && setsid podman system service --time=0 "unix://$sock" >"$log" 2>&1 < /dev/null &)
  for _ in $(seq 1 50); do api_answers "$sock" && break; sleep 0.2; done
  api_answers "$sock" || { echo "podman API did not come up; see $log" >&2; exit 1; }
fi

ln -sfn "$sock" /var/run/docker.sock
echo "container API: podman $(podman --version | awk '{print $3}') at /var/run/docker.sock"
