#!/usr/bin/env bash
# Loads the deterministic Minqing (闽清县) demo map into the running gis-service through its import
# API (POST /api/v1/imports/{kind}): 16 townships and their communities, unit grids around the
# county seat with a fringe ring, components of every class, pipes and cameras.
# Idempotent: skipped when the last demo camera is already there; imports upsert by id anyway.
# Sizes: SZCG_DEMO_GRIDS (2000), SZCG_DEMO_COMPONENTS (30000), SZCG_DEMO_PIPES (300),
# SZCG_DEMO_CAMERAS (100), seed SZCG_DEMO_SEED (350124). Force a reload with SZCG_DEMO_FORCE=1.
source "$(dirname "$0")/lib.sh"

GIS_URL="${SZCG_GIS_URL:-http://127.0.0.1:${PORT[gis-service]}}"
GRIDS="${SZCG_DEMO_GRIDS:-2000}"
COMPONENTS="${SZCG_DEMO_COMPONENTS:-30000}"
PIPES="${SZCG_DEMO_PIPES:-300}"
CAMERAS="${SZCG_DEMO_CAMERAS:-100}"
SEED="${SZCG_DEMO_SEED:-350124}"
DIR="$SZCG_HOME/demo-data/minqing-$SEED-$GRIDS-$COMPONENTS-$PIPES-$CAMERAS"
APP="$REPO/gis-service/target/quarkus-app"
# the generator is a tool, not product: the tools module's GisDemoData over gis-service's test-jar
TOOLS_CP="$REPO/tools/target/tools-0.1.0-SNAPSHOT.jar:$REPO/gis-service/target/gis-service-0.1.0-SNAPSHOT-tests.jar"

curl -fs "$GIS_URL/q/health/live" >/dev/null || { echo "gis-service is not up at $GIS_URL" >&2; exit 1; }
AUTH="Authorization: Bearer $(kc_token admin1)"   # imports are for administrators

# 1. generate once (deterministic: same seed and sizes give byte-identical files)
if [ ! -s "$DIR/cameras.geojson" ]; then
  [ -d "$APP/lib/main" ] || { echo "missing $APP: build gis-service first" >&2; exit 1; }
  for j in ${TOOLS_CP//:/ }; do
    [ -f "$j" ] || { echo "missing $j: build the tools module first (./mvnw package -DskipTests)" >&2; exit 1; }
  done
  log "generating the Minqing demo map into $DIR"
  mkdir -p "$DIR.tmp"
  java -Xmx512m -cp "$TOOLS_CP:$APP/app/*:$APP/lib/main/*" cn.szcg.tools.GisDemoData "$DIR.tmp" \
    --grids "$GRIDS" --components "$COMPONENTS" --pipes "$PIPES" --cameras "$CAMERAS" --seed "$SEED" >&2
  rm -rf "$DIR" && mv "$DIR.tmp" "$DIR"
fi

# 2. skip when already loaded: cameras are imported last
last_camera="$(grep -o '"id":"[^"]*"' "$DIR/cameras.geojson" | tail -1 | cut -d'"' -f4)"
if [ "${SZCG_DEMO_FORCE:-0}" != 1 ] && [ -n "$last_camera" ] \
  && curl -fs -H "$AUTH" "$GIS_URL/api/v1/cameras/$last_camera" >/dev/null 2>&1; then
  log "demo map already loaded into gis-service (camera $last_camera present)"
  exit 0
fi

# 3. import in dependency order; every feature must be accepted
for kind in areas grids components pipes cameras; do
  start=$SECONDS
  report="$(curl -fsS -X POST -H "$AUTH" -H 'Content-Type: application/geo+json; charset=UTF-8' \
    --data-binary "@$DIR/$kind.geojson" "$GIS_URL/api/v1/imports/$kind")"
  if ! grep -q '"rejectedFeatures":0' <<<"$report"; then
    echo "demo import of $kind rejected features: ${report:0:2000}" >&2
    exit 1
  fi
  total="$(grep -o '"total":[0-9]*' <<<"$report" | cut -d: -f2)"
  log "loaded $total demo $kind into gis-service ($((SECONDS - start)) s)"
done
