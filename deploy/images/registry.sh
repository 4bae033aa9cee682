#!/usr/bin/env bash
# A local OCI registry for proving publish.sh: Debian's docker-registry (the CNCF distribution
# registry) on 127.0.0.1:5000 (SZCG_REGISTRY_PORT), storage under .local/registry, plain HTTP.
#   deploy/images/registry.sh start | stop
source "$(dirname "$0")/env.sh"
port="${SZCG_REGISTRY_PORT:-5000}"
dir="$REPO/.local/registry"
mkdir -p "$dir/data"
case "${1:-start}" in
  start)
    command -v docker-registry >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null; }
    if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then exit 0; fi
    cat >"$dir/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
CONF
    nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.5; done
    ilog "registry on 127.0.0.1:$port (pid $(cat "$dir/pid"))" ;;
  stop)
    [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
    rm -f "$dir/pid" ;;
esac
