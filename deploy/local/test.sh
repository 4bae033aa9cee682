#!/usr/bin/env bash
# Runs every test: unit tests, the per-service @QuarkusTest suites (local PostgreSQL + an in-process
# Kafka broker), the Kubernetes manifest validation, then starts the real local stack and runs the
# system tests against it. Installs what it needs (PostgreSQL, PostGIS) on a fresh Debian machine.
# Exits non-zero on any failure. CI (.ci/run) calls exactly this.
# The system tests get a stack of their own, beside any demo stack: ports 8181-8185, Kafka on
# 9192, databases szcg_*_sys recreated empty, state under .local/test.
export SZCG_PORT_BASE=8180 SZCG_KAFKA_PORT=9192 SZCG_DB_SUFFIX=_sys
export SZCG_HOME="${SZCG_HOME:-$(cd "$(dirname "$0")/../.." && pwd)/.local/test}"
source "$(dirname "$0")/lib.sh"
started=$(date +%s)

ensure_postgres
ensure_databases

log "tier 1+2: unit tests, @QuarkusTest per service, manifest validation (./mvnw verify)"
(cd "$REPO" && ./mvnw -B verify)

log "tier 3: system tests against the running local stack"
cleanup() { stop_services; stop_pid kafka; }
trap cleanup EXIT
cleanup
rm -rf "$SZCG_HOME/kafka-data"
reset_stack_databases
start_kafka
start_services
(cd "$REPO" && ./mvnw -B -o -pl system-tests test -Psystem \
  -Dszcg.gis.url="http://127.0.0.1:${PORT[gis-service]}" \
  -Dszcg.intake.url="http://127.0.0.1:${PORT[intake-service]}" \
  -Dszcg.dispatch.url="http://127.0.0.1:${PORT[dispatch-service]}" \
  -Dszcg.sla.url="http://127.0.0.1:${PORT[sla-service]}" \
  -Dszcg.assessment.url="http://127.0.0.1:${PORT[assessment-service]}")

log "all tests passed in $(( $(date +%s) - started )) s"
