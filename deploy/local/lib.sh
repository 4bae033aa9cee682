# Shared functions of the local stack scripts (sourced, not run). Idempotent; runs as root on a
# fresh Debian machine with a JDK. Everything lives under $SZCG_HOME (default: <repo>/.local).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SZCG_HOME="${SZCG_HOME:-$REPO/.local}"
RUN="$SZCG_HOME/run"
LOGS="$SZCG_HOME/logs"
mkdir -p "$RUN" "$LOGS"

# The test command runs its own stack beside a developer's demo stack: other ports, other
# databases, other state directory (SZCG_PORT_BASE, SZCG_KAFKA_PORT, SZCG_DB_SUFFIX, SZCG_HOME).
SZCG_PORT_BASE="${SZCG_PORT_BASE:-8080}"
SZCG_KAFKA_PORT="${SZCG_KAFKA_PORT:-9092}"
SZCG_DB_SUFFIX="${SZCG_DB_SUFFIX:-}"
SERVICES=(gis-service intake-service dispatch-service sla-service assessment-service)
declare -A PORT=([gis-service]=$((SZCG_PORT_BASE + 1)) [intake-service]=$((SZCG_PORT_BASE + 2)) [dispatch-service]=$((SZCG_PORT_BASE + 3)) [sla-service]=$((SZCG_PORT_BASE + 4)) [assessment-service]=$((SZCG_PORT_BASE + 5)))
# role per service (role = password locally); the stack's database is role + SZCG_DB_SUFFIX
declare -A DB=([gis-service]=szcg_gis [intake-service]=szcg_intake [dispatch-service]=szcg_dispatch [sla-service]=szcg_sla [assessment-service]=szcg_assessment)
KAFKA_BOOTSTRAP=127.0.0.1:$SZCG_KAFKA_PORT
TOPICS=(szcg.intake szcg.cases szcg.clocks szcg.assessment szcg.notifications szcg.dead-letter)

log() { printf '\033[1m[szcg]\033[0m %s\n' "$*" >&2; }

as_postgres() { runuser -u postgres -- "$@"; }

psql_su() { as_postgres psql -v ON_ERROR_STOP=1 -qtAX "$@"; }

# --- PostgreSQL 15 + PostGIS from the OS packages ---------------------------------------------
ensure_postgres() {
  if ! dpkg -s postgresql-15 >/dev/null 2>&1 || ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
    log "installing PostgreSQL 15 and PostGIS (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main'; then
    pg_createcluster 15 main >/dev/null
  fi
  if ! pg_lsclusters -h | awk '$1==15 && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL 15"
    pg_ctlcluster 15 main start
  fi
  for i in $(seq 1 30); do
    psql_su -c 'select 1' >/dev/null 2>&1 && break
    sleep 1
  done
  # Enough connections for five services, their tests and the benchmarks.
  if [ "$(psql_su -c 'show max_connections')" -lt 300 ]; then
    psql_su -c "ALTER SYSTEM SET max_connections = 300" >/dev/null
    pg_ctlcluster 15 main restart
    sleep 2
  fi
}

# One role and one database per service (and a *_test database for its @QuarkusTest run).
# Local credentials only: role name = password. Production takes them from Secrets.
ensure_databases() {
  for svc in "${SERVICES[@]}"; do
    local db="${DB[$svc]}"
    local role="$db"
    if [ "$(psql_su -c "select 1 from pg_roles where rolname='$role'")" != "1" ]; then
      psql_su -c "CREATE ROLE $role LOGIN PASSWORD '$role'" >/dev/null
    fi
    # the application role: the services connect as it; it owns nothing (it cannot rewrite the
    # audit trail), the owner role above runs the migrations and grants it its rights
    if [ "$(psql_su -c "select 1 from pg_roles where rolname='${role}_app'")" != "1" ]; then
      psql_su -c "CREATE ROLE ${role}_app LOGIN PASSWORD '${role}_app'" >/dev/null
    fi
    for d in "$db" "${db}_test" ${SZCG_DB_SUFFIX:+"${db}${SZCG_DB_SUFFIX}"}; do
      if [ "$(psql_su -c "select 1 from pg_database where datname='$d'")" != "1" ]; then
        psql_su -c "CREATE DATABASE $d OWNER $role" >/dev/null
      fi
      if [ "$svc" = gis-service ]; then
        # PostGIS lives in its own schema so that Flyway's clean of 'public' in tests keeps it.
        psql_su -d "$d" -c "CREATE SCHEMA IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS postgis SCHEMA postgis; GRANT USAGE ON SCHEMA postgis TO $role, ${role}_app; ALTER DATABASE $d SET search_path = public, postgis" >/dev/null
      fi
    done
  done
}

# Drops and recreates the stack's databases (the test command starts from empty ones; stop.sh
# --reset empties the demo stack's).
reset_stack_databases() {
  for svc in "${SERVICES[@]}"; do
    local d="${DB[$svc]}${SZCG_DB_SUFFIX}"
    psql_su -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null
  done
  ensure_databases
}

# --- Kafka (KRaft) from Maven Central ---------------------------------------------------------
kafka_classpath() {
  local cp="$SZCG_HOME/kafka.classpath"
  if [ ! -s "$cp" ]; then
    log "resolving the Kafka broker from Maven Central"
    (cd "$REPO/deploy/local/kafka" && "$REPO/mvnw" -B -q dependency:build-classpath -Dmdep.outputFile="$cp")
  fi
  cat "$cp"
}

kafka_java() {
  java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$REPO/deploy/local/kafka/log4j2.properties" \
    -cp "$(kafka_classpath)" "$@"
}

is_running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

wait_port() { # host port seconds
  local end=$((SECONDS + $3))
  while [ $SECONDS -lt $end ]; do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}

start_kafka() {
  local data="$SZCG_HOME/kafka-data" conf="$SZCG_HOME/kafka-server.properties"
  if is_running kafka; then
    # already running (a rerun, maybe after a start that timed out before its topics existed):
    # the topics are still ensured, or the services could not publish
    wait_port 127.0.0.1 "$SZCG_KAFKA_PORT" 60 && ensure_topics
    return 0
  fi
  { sed -e "s/9092/$SZCG_KAFKA_PORT/g" -e "s/9093/$((SZCG_KAFKA_PORT + 1))/g" \
      "$REPO/deploy/local/kafka/server.properties"; echo "log.dirs=$data"; } >"$conf"
  if [ ! -f "$data/meta.properties" ]; then
    log "formatting Kafka storage"
    mkdir -p "$data"
    kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$conf" >/dev/null
  fi
  log "starting Kafka on $KAFKA_BOOTSTRAP"
  nohup java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$REPO/deploy/local/kafka/log4j2.properties" \
    -cp "$(kafka_classpath)" kafka.Kafka "$conf" >"$LOGS/kafka.log" 2>&1 &
  echo $! >"$RUN/kafka.pid"
  wait_port 127.0.0.1 "$SZCG_KAFKA_PORT" 60 || { tail -50 "$LOGS/kafka.log"; echo "Kafka did not start" >&2; return 1; }
  ensure_topics
}

ensure_topics() {
  local existing
  existing="$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server $KAFKA_BOOTSTRAP --list 2>/dev/null || true)"
  for t in "${TOPICS[@]}"; do
    if ! grep -qx "$t" <<<"$existing"; then
      kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server $KAFKA_BOOTSTRAP --create \
        --if-not-exists --topic "$t" --partitions 4 --replication-factor 1 >/dev/null
    fi
  done
}

stop_pid() { # name
  if is_running "$1"; then
    local pid; pid="$(cat "$RUN/$1.pid")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$1.pid"
}

# --- Keycloak (identity provider) from Maven Central ------------------------------------------
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT="${SZCG_KEYCLOAK_PORT:-8180}"
SZCG_OIDC_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/minqing"
KEYCLOAK_DIR="$SZCG_HOME/keycloak-$KEYCLOAK_VERSION"

ensure_keycloak_dist() {
  [ -x "$KEYCLOAK_DIR/bin/kc.sh" ] && return 0
  command -v unzip >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq unzip >/dev/null; }
  log "fetching Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist) from Maven Central"
  (cd "$REPO" && ./mvnw -B -q -N dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$SZCG_HOME/dist")
  unzip -q -o "$SZCG_HOME/dist/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$SZCG_HOME"
}

# Starts Keycloak in dev mode on 127.0.0.1:$KEYCLOAK_PORT with the Minqing realm imported (once:
# an existing realm is kept; delete $KEYCLOAK_DIR/data to import the file again).
start_keycloak() {
  if is_running keycloak; then return 0; fi
  ensure_keycloak_dist
  mkdir -p "$KEYCLOAK_DIR/data/import"
  # a changed realm file is imported afresh (start-dev keeps its H2 database otherwise)
  local sum; sum=$(sha256sum "$REPO/deploy/local/keycloak/minqing-realm.json" | cut -c1-64)
  if [ "$(cat "$KEYCLOAK_DIR/data/realm.sha256" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$KEYCLOAK_DIR/data/h2"
    echo "$sum" >"$KEYCLOAK_DIR/data/realm.sha256"
  fi
  cp "$REPO/deploy/local/keycloak/minqing-realm.json" "$KEYCLOAK_DIR/data/import/minqing-realm.json"
  log "starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT (first start takes about a minute)"
  env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" \
    nohup "$KEYCLOAK_DIR/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 \
    --hostname="http://127.0.0.1:$KEYCLOAK_PORT" --http-port="$KEYCLOAK_PORT" --http-management-port="$((KEYCLOAK_PORT + 10))" \
    >"$LOGS/keycloak.log" 2>&1 &
  echo $! >"$RUN/keycloak.pid"
}

wait_keycloak() { # seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    curl -fs "http://127.0.0.1:$KEYCLOAK_PORT/realms/minqing/.well-known/openid-configuration" >/dev/null 2>&1 && return 0
    is_running keycloak || { tail -40 "$LOGS/keycloak.log"; echo "Keycloak died" >&2; return 1; }
    sleep 2
  done
  tail -40 "$LOGS/keycloak.log"; echo "Keycloak not ready after $1 s" >&2; return 1
}

# An access token of a local demo user (password grant on the szcg-web client, local only):
#   curl -H "Authorization: Bearer $(kc_token operator1)" ...
kc_token() { # user
  curl -fsS -X POST "$SZCG_OIDC_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=szcg-web -d username="$1" -d password=Minqing2026 |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# --- the services ------------------------------------------------------------------------------
build_services() {
  # install, not package: the system-tests module (load.sh, bad-input.sh, the fault campaign) is
  # run on its own with -pl and resolves contracts from the local Maven repository
  log "building the services (./mvnw install -DskipTests)"
  (cd "$REPO" && ./mvnw -B -q install -DskipTests)
}

start_service() { # name [extra env...]
  local svc="$1"; shift
  if is_running "$svc"; then return 0; fi
  local role="${DB[$svc]}" db="${DB[$svc]}${SZCG_DB_SUFFIX}"
  # SZCG_APPS: a copy of the packaged apps (the campaigns snapshot them, so a rebuild running
  # beside them cannot change what a restarted service runs); default: the build output
  local jar="${SZCG_APPS:-$REPO}/$svc/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || { echo "missing $jar: build first" >&2; return 1; }
  log "starting $svc on :${PORT[$svc]}"
  # the local demo only: dispatch-service loads the Minqing demo units with their fictitious
  # contacts (U-WATER, U-SANITATION, T-350124100 …, which the system tests and the fault campaign
  # use); production leaves it off and starts with an empty unit register (docs/operations.md)
  local demo=()
  if [ "$svc" = dispatch-service ]; then demo=(SZCG_DISPATCH_SEED_ENABLED=true); fi
  # sla-service's notify part: the demo realm's users as its contact directory (fictitious phones;
  # SMS stays off without an SMSC, docs/notifications.md §8)
  if [ "$svc" = sla-service ]; then demo=(SZCG_NOTIFY_SEED_ENABLED=true); fi
  env QUARKUS_HTTP_PORT="${PORT[$svc]}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    QUARKUS_DATASOURCE_USERNAME="${role}_app" QUARKUS_DATASOURCE_PASSWORD="${role}_app" \
    QUARKUS_FLYWAY_USERNAME="$role" QUARKUS_FLYWAY_PASSWORD="$role" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$SZCG_OIDC_URL" \
    QUARKUS_OIDC_CLIENT_ID="$svc" SZCG_OIDC_CLIENT_SECRET="$svc-local-secret" \
    SZCG_SECURITY_ALLOWED_CLIENTS="${SZCG_SECURITY_ALLOWED_CLIENTS:-szcg-web,szcg-mobile,hotline-12345,county-systems,county-housing,county-water,intake-service,dispatch-service,gis-service,sla-service,assessment-service}" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    SZCG_GIS_URL="http://127.0.0.1:${PORT[gis-service]}" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${SZCG_DB_ACQUISITION_TIMEOUT:-30S}" \
    ${demo[@]+"${demo[@]}"} \
    "$@" \
    nohup java ${SZCG_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC} -jar "$jar" >"$LOGS/$svc.log" 2>&1 &
  echo $! >"$RUN/$svc.pid"
}

wait_ready() { # name seconds
  local svc="$1" end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ]; do
    if curl -fs "http://127.0.0.1:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1; then return 0; fi
    is_running "$svc" || { tail -60 "$LOGS/$svc.log"; echo "$svc died" >&2; return 1; }
    sleep 1
  done
  tail -60 "$LOGS/$svc.log"; echo "$svc not ready after $2 s" >&2; return 1
}

# SZCG_READY_TIMEOUT (s, default 240): how long each service may take to be ready (a loaded machine)
start_services() {
  for svc in "${SERVICES[@]}"; do start_service "$svc"; done
  for svc in "${SERVICES[@]}"; do wait_ready "$svc" "${SZCG_READY_TIMEOUT:-240}"; done
}

# --- the console (console/: the command center's browser workbench) ----------------------------
# Serves the web app and proxies /api/<service>/... to the services above (same origin, no CORS);
# the browser logs in at Keycloak ($SZCG_OIDC_URL, client szcg-web, code + PKCE).
CONSOLE_PORT=$((SZCG_PORT_BASE + 6))

start_console() {
  if is_running console; then return 0; fi
  local jar="$REPO/console/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || { echo "missing $jar: build first" >&2; return 1; }
  log "starting console on :$CONSOLE_PORT"
  local up=()
  for svc in "${SERVICES[@]}"; do
    up+=("-Dszcg.console.upstream.${svc%-service}=http://127.0.0.1:${PORT[$svc]}")
  done
  # the push channel (GET /live/events) reads Kafka and verifies the stream's token at the realm
  env KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" QUARKUS_OIDC_AUTH_SERVER_URL="$SZCG_OIDC_URL" \
    nohup java -Xms32m -Xmx160m -XX:+UseSerialGC -Dquarkus.http.port="$CONSOLE_PORT" "${up[@]}" \
    -Dszcg.console.oidc.authority="$SZCG_OIDC_URL" -jar "$jar" >"$LOGS/console.log" 2>&1 &
  echo $! >"$RUN/console.pid"
}

wait_console() { # seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    curl -fs "http://127.0.0.1:$CONSOLE_PORT/q/health/ready" >/dev/null 2>&1 && return 0
    is_running console || { tail -40 "$LOGS/console.log"; echo "console died" >&2; return 1; }
    sleep 1
  done
  tail -40 "$LOGS/console.log"; echo "console not ready after $1 s" >&2; return 1
}

# The CJK font assessment-service embeds in its periodic 通报 PDF (szcg.assessment.report-font;
# docs/assessment.md): its tests render and parse the PDF, so test.sh installs it before the build.
ensure_report_fonts() {
  if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
    log "installing fonts-noto-cjk (apt-get): the 通报 PDF's font"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq fonts-noto-cjk >/dev/null
  fi
}

# What the console's browser tests and benchmarks need (console-e2e.sh, console-bench.sh): Debian's
# Chromium and the CJK fonts (apt-get when missing; Playwright never downloads a browser), and the
# console's npm packages from its lock file.
ensure_console_browser() {
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; then  # not -q: with pipefail, grep -q quitting early fails fc-list (SIGPIPE)
    log "installing chromium and fonts-noto-cjk (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  [ -d "$REPO/console/web/node_modules/playwright-core" ] || (cd "$REPO/console/web" && npm ci --no-audit --no-fund)
}

# The console's end-to-end tests (console/web/e2e: Chromium, the real Keycloak login page) on this
# stack, as test.sh runs them after the system tests: the demo map (gis: townships, grids,
# components, pipes, cameras) and the demo collectors C0001… with their positions and shifts
# (intake) that the tests work with — dispatch's demo units and matrix come with its seed, the
# filing standard with intake —, then the console, then deploy/local/console-e2e.sh (Chromium and
# fonts installed when missing; screenshots in console/web/e2e/artifacts). Stops the console.
run_console_e2e() {
  "$REPO/deploy/local/demo-data.sh"
  "$REPO/deploy/local/demo-intake.sh"
  start_console
  wait_console 120
  local rc=0
  CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT" "$REPO/deploy/local/console-e2e.sh" || rc=$?
  stop_pid console
  return $rc
}

# The system tests' own stack (see test.sh): fresh databases and broker, services started.
start_fresh_stack() {
  stop_services; stop_pid kafka
  rm -rf "$SZCG_HOME/kafka-data"
  reset_stack_databases
  start_kafka
  start_services
}

# Maven arguments pointing the system tests at this stack.
system_test_args() {
  for svc in "${SERVICES[@]}"; do
    printf -- '-Dszcg.%s.url=http://127.0.0.1:%s ' "${svc%-service}" "${PORT[$svc]}"
  done
  printf -- '-Dszcg.oidc.url=%s ' "$SZCG_OIDC_URL"
  printf -- '-Dszcg.logs.dir=%s ' "$LOGS"
  printf -- '-Dszcg.db.suffix=%s' "$SZCG_DB_SUFFIX"
}

# Copies the packaged apps to $SZCG_HOME/apps and points start_service at the copy (SZCG_APPS).
snapshot_apps() {
  export SZCG_APPS="$SZCG_HOME/apps"
  rm -rf "$SZCG_APPS"
  for svc in "${SERVICES[@]}"; do
    mkdir -p "$SZCG_APPS/$svc/target"
    cp -r "$REPO/$svc/target/quarkus-app" "$SZCG_APPS/$svc/target/"
  done
}

stop_services() {
  for svc in "${SERVICES[@]}"; do stop_pid "$svc"; done
}
