#!/usr/bin/env bash
# Starts the whole suite locally with demo data for Minqing (闽清县): PostgreSQL + PostGIS,
# a Kafka broker, the five services and the console (the browser workbench). Idempotent: run it
# again to start what is not running.
# Stop with deploy/local/stop.sh. Logs: .local/logs/, PIDs: .local/run/.
source "$(dirname "$0")/lib.sh"

ensure_postgres
ensure_databases
start_kafka
start_keycloak
if [ "${SZCG_SKIP_BUILD:-0}" != 1 ]; then build_services; fi
start_services
start_console
wait_keycloak 300
wait_console 120
"$REPO/deploy/local/demo-data.sh"
"$REPO/deploy/local/demo-intake.sh"

cat <<MSG

The suite is running:
  gis-service         http://127.0.0.1:8081   (Swagger UI: /q/swagger-ui)
  intake-service      http://127.0.0.1:8082
  dispatch-service    http://127.0.0.1:8083
  sla-service         http://127.0.0.1:8084
  assessment-service  http://127.0.0.1:8085
  console: http://127.0.0.1:$CONSOLE_PORT/   (log in as operator1 / Minqing2026; docs/console.md)
  Kafka               127.0.0.1:9092
  Keycloak            http://127.0.0.1:8180  (realm minqing; admin console: admin / admin)
  PostgreSQL          127.0.0.1:5432  (databases szcg_*, role = password = database name)
Logs in $LOGS; stop with deploy/local/stop.sh
MSG
