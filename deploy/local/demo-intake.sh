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
