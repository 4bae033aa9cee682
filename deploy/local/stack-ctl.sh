#!/usr/bin/env bash
# Kills (kill -9) and restarts one part of a running local stack, for the fault campaign (issue 10).
# Called by system-tests' FaultCampaignTest with the stack's environment (SZCG_PORT_BASE,
# SZCG_KAFKA_PORT, SZCG_KEYCLOAK_PORT, SZCG_DB_SUFFIX, SZCG_HOME, SZCG_APPS) inherited from
# deploy/local/fault-campaign.sh.
#   stack-ctl.sh kill  <gis-service|intake-service|dispatch-service|sla-service|assessment-service|kafka|postgres>
#   stack-ctl.sh start <same>     # returns once the process is started (services: not yet ready)
#   stack-ctl.sh ready <service>  # waits until /q/health/ready answers (240 s at most)
# PostgreSQL is the machine's shared cluster 15/main: its postmaster is killed and started again
# at once (other stacks on this machine lose their connections for a few seconds).
source "$(dirname "$0")/lib.sh"
cmd="${1:?kill|start|ready}" what="${2:?component}"

pg_datadir() { pg_lsclusters -h | awk '$1==15 && $2=="main" {print $6}'; }

case "$cmd:$what" in
  kill:postgres)
    pid="$(head -1 "$(pg_datadir)/postmaster.pid")"
    log "kill -9 PostgreSQL postmaster $pid"
    kill -9 "$pid"
    ;;
  start:postgres)
    for i in $(seq 1 80); do
      if pg_ctlcluster 15 main start >/dev/null 2>&1; then break; fi
      sleep 0.25  # the killed postmaster's backends are still leaving the shared memory
    done
    for i in $(seq 1 40); do psql_su -c 'select 1' >/dev/null 2>&1 && exit 0; sleep 0.25; done
    echo "PostgreSQL did not come back" >&2; exit 1
    ;;
  kill:kafka | kill:*-service)
    pid="$(cat "$RUN/$what.pid")"
    log "kill -9 $what $pid"
    kill -9 "$pid"
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$RUN/$what.pid"
    ;;
  start:kafka) start_kafka ;;
  start:*-service) start_service "$what" ;;
  ready:*-service) wait_ready "$what" 240 ;;
  ready:*) ;;
  *) echo "unknown: $cmd $what" >&2; exit 2 ;;
esac
