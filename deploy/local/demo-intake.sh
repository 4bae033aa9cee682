#!/usr/bin/env bash
# Demo collectors for the local stack (idempotent): a contracted collection unit (信息采集单位) and
# ten certified collectors C0001…C0010 on patrol around the county seat 梅城镇, so that patrol
# reports (R-09) and on-site verification of public reports work out of the box.
source "$(dirname "$0")/lib.sh"
INTAKE="http://127.0.0.1:${PORT[intake-service]}"
# put PATH BODY TOKEN
put() { curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$2" "$INTAKE$1"; }
ADMIN="$(kc_token admin1)"   # collection units and collectors are kept by administrators

put /api/v1/collection-units/U-MQ-CS01 \
  '{"name":"闽清县城市服务有限公司（信息采集）","contractFrom":"2025-01-01","contractTo":"2027-12-31"}' "$ADMIN"
for i in $(seq 1 10); do
  id=$(printf 'C%04d' "$i")
  put "/api/v1/collectors/$id" \
    "{\"name\":\"采集员$i\",\"unitId\":\"U-MQ-CS01\",\"certificate\":{\"number\":\"MQ-CERT-$id\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2027-12-31\"}}" "$ADMIN"
  lon=$(awk -v i="$i" 'BEGIN { printf "%.5f", 118.855 + (i % 5) * 0.004 }')
  lat=$(awk -v i="$i" 'BEGIN { printf "%.5f", 26.215 + int(i / 5) * 0.004 }')
  # a position is reported by the collector's own device (token of collector$i = $id)
  put "/api/v1/collectors/$id/position" "{\"lon\":$lon,\"lat\":$lat}" "$(kc_token "collector$i")"
done
log "demo collectors C0001…C0010 of collection unit U-MQ-CS01 registered in intake-service"

# Today's duty roster (排班, issue 7): each collector on duty from the current hour for 12 h over the
# unit grids (万米单元网格) around their position, as gis-service locates them — so that a hotline or
# video report there, once filed, shows up as a missed report (漏报) in assessment-service. Re-running
# leaves the existing shifts (409 overlap is expected then).
GIS="http://127.0.0.1:${PORT[gis-service]}"
LEAD="$(kc_token shiftlead1)"
start=$(date -u +%Y-%m-%dT%H:00:00Z)
end=$(date -u -d "$start + 12 hours" +%Y-%m-%dT%H:%M:%SZ)
for i in $(seq 1 10); do
  id=$(printf 'C%04d' "$i")
  grids=$(for dx in -0.002 0 0.002; do for dy in -0.002 0 0.002; do
      lon=$(awk -v i="$i" -v d="$dx" 'BEGIN { printf "%.5f", 118.855 + (i % 5) * 0.004 + d }')
      lat=$(awk -v i="$i" -v d="$dy" 'BEGIN { printf "%.5f", 26.215 + int(i / 5) * 0.004 + d }')
      curl -fsS -H "Authorization: Bearer $ADMIN" "$GIS/api/v1/locate?lon=$lon&lat=$lat" 2>/dev/null \
        | python3 -c 'import json,sys; g=json.load(sys.stdin).get("gridCode"); print(g or "")' 2>/dev/null || true
    done; done | { grep -E "^[0-9]{16}$" || true; } | sort -u | python3 -c 'import json,sys; print(json.dumps([l.strip() for l in sys.stdin if l.strip()]))')
  if [ "$grids" = "[]" ] || [ -z "$grids" ]; then
    log "no grid found around $id's position (is the demo map loaded?) — no shift for $id"
    continue
  fi
  code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' \
    -d "{\"collectorId\":\"$id\",\"gridCodes\":$grids,\"start\":\"$start\",\"end\":\"$end\"}" "$INTAKE/api/v1/duty-shifts" || true)
  case "$code" in
    201|409) ;;
    *) log "duty shift of $id: HTTP $code" ;;
  esac
done
log "demo duty shifts $start – $end recorded for C0001…C0010 (GET $INTAKE/api/v1/duty-shifts)"
