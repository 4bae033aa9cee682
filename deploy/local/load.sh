#!/usr/bin/env bash
# The whole-pipeline load benchmark (issue 10): an open-loop load of reports from every channel
# (real Keycloak tokens) on a fresh local stack, a simulated center filing each report at once and
# a simulated dispatcher dispatching each case as soon as it has arrived; prints the rate of every
# stage end to end (intake → dispatched order → the order's clock in sla → assessment's figures),
# p50/p95/p99 latency from registration to the dispatched order, consumer lag and each process's
# RSS. Results and how to read them: docs/stress.md.
#   deploy/local/load.sh [reports/s] [seconds]     # default 300 reports/s, 120 s after 30 s warm-up
#   (SZCG_LOAD_WARMUP: other warm-up seconds; SZCG_PG_STATEMENTS=1 loads pg_stat_statements — one
#   restart of the machine's PostgreSQL cluster the first time — so the table of CPU per case also
#   counts each service's statements per case, its database round trips)
# Its own stack: ports 8381-8385, Kafka 9392, Keycloak 8480, databases szcg_*_fault, state in
# .local/fault (the fault campaign's; not at the same time). SZCG_SKIP_BUILD=1 skips the build.
export SZCG_PORT_BASE="${SZCG_PORT_BASE:-8380}" SZCG_KAFKA_PORT="${SZCG_KAFKA_PORT:-9392}" \
  SZCG_KEYCLOAK_PORT="${SZCG_KEYCLOAK_PORT:-8480}" SZCG_DB_SUFFIX="${SZCG_DB_SUFFIX-_fault}"
export SZCG_HOME="${SZCG_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/fault}"
source "$(dirname "$0")/lib.sh"

ensure_postgres
ensure_databases
if [ "${SZCG_PG_STATEMENTS:-0}" = 1 ] && ! psql_su -c 'show shared_preload_libraries' | grep -q pg_stat_statements; then
  log "loading pg_stat_statements: restarting the PostgreSQL cluster once"
  psql_su -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  pg_ctlcluster 15 main restart
  sleep 2
fi
if [ "${SZCG_SKIP_BUILD:-0}" != 1 ]; then build_services; fi
kc_was_running=0; is_running keycloak && kc_was_running=1
cleanup() { stop_services; stop_pid kafka; [ $kc_was_running = 1 ] || stop_pid keycloak; }
trap cleanup EXIT
start_keycloak
snapshot_apps
wait_keycloak 300
start_fresh_stack
"$REPO/deploy/local/demo-data.sh" >/dev/null   # the full demo map: locate as in production
"$REPO/deploy/local/demo-intake.sh"
if psql_su -c 'show shared_preload_libraries' | grep -q pg_stat_statements; then
  for svc in "${SERVICES[@]}"; do
    psql_su -d "${DB[$svc]}$SZCG_DB_SUFFIX" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' >/dev/null
  done
fi
disown -a  # the campaign kills these processes itself: no job notices from this shell
export SZCG_HOME
# shellcheck disable=SC2046
(cd "$REPO" && ./mvnw -B -o -q -pl system-tests test -Psystem -Dszcg.excludedGroups=none \
  -Dgroups=benchmark -Dtest=LoadBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dszcg.kafka="$KAFKA_BOOTSTRAP" -Dszcg.load.rate="${1:-300}" -Dszcg.load.duration="${2:-120}" \
  -Dszcg.load.warmup="${SZCG_LOAD_WARMUP:-30}" \
  $(system_test_args))
