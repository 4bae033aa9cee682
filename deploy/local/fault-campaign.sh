#!/usr/bin/env bash
# The fault campaign (issue 10): under a steady load of reports from every channel (with the
# center filing and dispatching, units signing for, handling and collectors checking), kill -9 in
# turn each of the five services, the Kafka broker and the PostgreSQL postmaster, restart each
# after a pause and wait for full recovery; then check the invariants from the databases and print
# one table (fault, reports acknowledged, lost, duplicated, time to recovery). Exits non-zero when
# a report is lost or doubled, an invariant is broken or a component does not recover.
#   deploy/local/fault-campaign.sh           # full: 200 reports/s, 10 s dead, 20 s between faults
#   deploy/local/fault-campaign.sh --short   # CI: 3 reports/s, 3 s dead, 5 s between faults
# Runs its own stack (ports 8381-8385, Kafka 9392, Keycloak 8480, databases szcg_*_fault, state
# in .local/fault) unless SZCG_PORT_BASE etc. are already set (test.sh runs it on its test stack).
# The PostgreSQL fault kills the machine's shared cluster for a few seconds; it comes last.
# SZCG_FAULT_RATE overrides the reports/s. SZCG_SKIP_BUILD=1 uses the services as last built.
export SZCG_PORT_BASE="${SZCG_PORT_BASE:-8380}" SZCG_KAFKA_PORT="${SZCG_KAFKA_PORT:-9392}" \
  SZCG_KEYCLOAK_PORT="${SZCG_KEYCLOAK_PORT:-8480}" SZCG_DB_SUFFIX="${SZCG_DB_SUFFIX-_fault}"
export SZCG_HOME="${SZCG_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/fault}"
source "$(dirname "$0")/lib.sh"

ARGS=(-Dszcg.fault.rate="${SZCG_FAULT_RATE:-200}" -Dszcg.fault.pause=10 -Dszcg.fault.settle=20 -Dszcg.fault.deep=0.05)
if [ "${1:-}" = --short ]; then
  ARGS=(-Dszcg.fault.rate="${SZCG_FAULT_RATE:-3}" -Dszcg.fault.pause=3 -Dszcg.fault.settle=5 -Dszcg.fault.deep=0.1)
fi

ensure_postgres
ensure_databases
if [ "${SZCG_SKIP_BUILD:-0}" != 1 ]; then build_services; fi
# what ran before the campaign runs after it (test.sh's tier 4 needs the broker and Keycloak)
kc_was_running=0; is_running keycloak && kc_was_running=1
kafka_was_running=0; is_running kafka && kafka_was_running=1
cleanup() {
  stop_services
  if [ $kafka_was_running = 1 ]; then start_kafka; else stop_pid kafka; fi
  [ $kc_was_running = 1 ] || stop_pid keycloak
}
trap cleanup EXIT
start_keycloak
snapshot_apps   # a rebuild beside the campaign cannot change what a restarted service runs
wait_keycloak 300
start_fresh_stack
SZCG_DEMO_GRIDS=400 SZCG_DEMO_COMPONENTS=3000 SZCG_DEMO_PIPES=50 SZCG_DEMO_CAMERAS=20 \
  "$REPO/deploy/local/demo-data.sh" >/dev/null
"$REPO/deploy/local/demo-intake.sh"
disown -a  # the campaign kills these processes itself: no job notices from this shell
export SZCG_HOME SZCG_APPS
log "fault campaign ${1:-(full)} on ports ${PORT[intake-service]}…, Kafka $KAFKA_BOOTSTRAP"
# shellcheck disable=SC2046
(cd "$REPO" && ./mvnw -B -o -q -pl system-tests test -Psystem -Dszcg.excludedGroups=none \
  -Dgroups=benchmark -Dtest=FaultCampaignTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dszcg.repo="$REPO" -Dszcg.kafka="$KAFKA_BOOTSTRAP" "${ARGS[@]}" $(system_test_args))
