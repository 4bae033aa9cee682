#!/usr/bin/env bash
# Stops the console, the services, Kafka and Keycloak started by start.sh. PostgreSQL keeps
# running; pass --all to stop it too, or --reset to also empty the demo stack (its databases, Kafka data and
# Keycloak realm) so that the next start.sh begins from nothing.
source "$(dirname "$0")/lib.sh"
stop_pid console
stop_services
stop_pid kafka
stop_pid keycloak
case "${1:-}" in
  --all) pg_ctlcluster 15 main stop || true ;;
  --reset)
    ensure_postgres
    reset_stack_databases
    rm -rf "$SZCG_HOME/kafka-data" "$SZCG_HOME/demo-data" "$KEYCLOAK_DIR/data/h2"
    log "demo stack emptied"
    ;;
esac
log "stopped"
