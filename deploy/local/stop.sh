#!/usr/bin/env bash
# Stops the services and the Kafka broker started by start.sh (PostgreSQL keeps running;
# pass --all to stop it too).
source "$(dirname "$0")/lib.sh"
stop_services
stop_pid kafka
stop_pid keycloak
if [ "${1:-}" = "--all" ]; then pg_ctlcluster 15 main stop || true; fi
log "stopped"
