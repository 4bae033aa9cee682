#!/usr/bin/env bash
# Starts every image (deploy/images/build.sh) against the local PostgreSQL, Kafka and Keycloak and
# checks what the Deployments promise:
#   - /q/health/ready is UP (database, Kafka, OIDC discovery reached from inside the container);
#   - the process runs as the non-root user 185 (podman top), with a read-only root filesystem
#     (writing to / fails) and only the writable path the manifests mount (tmpfs /tmp, 256 MiB),
#     all capabilities dropped, no privilege escalation, the dev overlay's memory limit;
#   - podman stop (SIGTERM) ends it cleanly within terminationGracePeriodSeconds (40 s): the
#     time is measured and printed, exit status 143 (SIGTERM, not the SIGKILL after the grace).
# The containers use the host's network, on SZCG_IMG_PORT_BASE+1..+6 (default 8091-8096).
#
#   SZCG_KAFKA_PORT=9292 SZCG_KEYCLOAK_PORT=8080 SZCG_DB_SUFFIX=_sysimg deploy/images/smoke.sh [module...]
# The databases <role><suffix> must exist (deploy/local/lib.sh ensure_databases) and Kafka and
# Keycloak run (lib.sh start_kafka, start_keycloak).
source "$(dirname "$0")/env.sh"
ensure_image_tools
IMG_PORT_BASE="${SZCG_IMG_PORT_BASE:-8090}"
KAFKA="127.0.0.1:${SZCG_KAFKA_PORT:-9092}"
OIDC="http://127.0.0.1:${SZCG_KEYCLOAK_PORT:-8180}/realms/minqing"
SUFFIX="${SZCG_DB_SUFFIX:-}"
GRACE=40      # terminationGracePeriodSeconds of the Deployments
MEMORY=512m   # the dev overlay's limit
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=("${MODULES[@]}")
declare -A PORT=([gis-service]=1 [intake-service]=2 [dispatch-service]=3 [sla-service]=4 [assessment-service]=5 [console]=6)
declare -A ROLE=([gis-service]=szcg_gis [intake-service]=szcg_intake [dispatch-service]=szcg_dispatch [sla-service]=szcg_sla [assessment-service]=szcg_assessment)
port() { echo $((IMG_PORT_BASE + PORT[$1])); }

run_image() { # module
  local m="$1" env=()
  if [ "$m" = console ]; then
    for s in "${SERVICES[@]}"; do
      local k="${s%-service}"; env+=(-e "SZCG_CONSOLE_UPSTREAM_${k^^}=http://127.0.0.1:$(port "$s")")
    done
    # the push channel (实时推送) reads Kafka and verifies tokens against the realm
    env+=(-e "SZCG_CONSOLE_OIDC_AUTHORITY=$OIDC" -e "KAFKA_BOOTSTRAP_SERVERS=$KAFKA"
      -e "QUARKUS_OIDC_AUTH_SERVER_URL=$OIDC" -e "QUARKUS_OIDC_CLIENT_ID=szcg-web")
  else
    local r="${ROLE[$m]}"
    env+=(-e "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$r$SUFFIX"
      -e "QUARKUS_DATASOURCE_USERNAME=${r}_app" -e "QUARKUS_DATASOURCE_PASSWORD=${r}_app"
      -e "QUARKUS_FLYWAY_USERNAME=$r" -e "QUARKUS_FLYWAY_PASSWORD=$r"
      -e "KAFKA_BOOTSTRAP_SERVERS=$KAFKA" -e "QUARKUS_OIDC_AUTH_SERVER_URL=$OIDC"
      -e "QUARKUS_OIDC_TOKEN_ISSUER=$OIDC"
      -e "QUARKUS_OIDC_CLIENT_ID=$m" -e "SZCG_OIDC_CLIENT_SECRET=$m-local-secret"
      -e "SZCG_GIS_URL=http://127.0.0.1:$(port gis-service)")
  fi
  podman rm -f "szcg-smoke-$m" >/dev/null 2>&1 || true
  podman run -d --name "szcg-smoke-$m" --network host \
    --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=256m,mode=1777 \
    --cap-drop ALL --security-opt no-new-privileges --memory "$MEMORY" \
    -e QUARKUS_HTTP_PORT="$(port "$m")" -e TZ=Asia/Shanghai -e QUARKUS_SHUTDOWN_TIMEOUT=25S \
    "${env[@]}" "$IMAGE_PREFIX/$m:$VERSION" >/dev/null
}

wait_up() { # module seconds
  local m="$1" end=$((SECONDS + $2)) body
  while [ $SECONDS -lt $end ]; do
    body="$(curl -fs "http://127.0.0.1:$(port "$m")/q/health/ready" 2>/dev/null || true)"
    if grep -q '"status": *"UP"' <<<"$body" && ! grep -q '"status": *"DOWN"' <<<"$body"; then return 0; fi
    [ "$(podman inspect -f '{{.State.Running}}' "szcg-smoke-$m")" = true ] || break
    sleep 2
  done
  podman logs --tail 60 "szcg-smoke-$m" >&2; echo "$m: not ready" >&2; return 1
}

fail=0
check() { # module description condition...
  local m="$1" what="$2"; shift 2
  if "$@"; then printf '  %-20s ok    %s\n' "$m" "$what"; else printf '  %-20s FAIL  %s\n' "$m" "$what"; fail=1; fi
}

# the images need the broker and the realm: say so at once instead of waiting for readiness
for dep in "kafka:${KAFKA##*:}" "keycloak:${SZCG_KEYCLOAK_PORT:-8180}"; do
  (exec 3<>"/dev/tcp/127.0.0.1/${dep#*:}") 2>/dev/null \
    || { echo "smoke: ${dep%%:*} is not listening on 127.0.0.1:${dep#*:} (start it first: lib.sh start_${dep%%:*})" >&2; exit 1; }
done

started=$SECONDS
for m in "${modules[@]}"; do ilog "starting $IMAGE_PREFIX/$m:$VERSION on :$(port "$m")"; run_image "$m"; done
for m in "${modules[@]}"; do
  # one budget for all of them (they start together): a broken dependency fails in 5 min, not 5 × 5
  wait_up "$m" $((started + 300 - SECONDS)) || { fail=1; continue; }
  ilog "$m ready after $((SECONDS - started)) s"
  c="szcg-smoke-$m"
  check "$m" "/q/health/ready UP" true
  check "$m" "process user is 185 (podman top: $(podman top "$c" user huser | tail -n +2 | tr -s ' ' | head -1))" \
    test "$(podman top "$c" huser | tail -n +2 | sort -u | tr -d ' ')" = 185
  check "$m" "PID 1 is java" test "$(podman top "$c" pid comm | awk '$1==1 {print $2}')" = java
  check "$m" "root filesystem read-only" test "$(podman inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$c")" = true
  check "$m" "writing to /deployments is refused" bash -c "! podman exec $c sh -c 'echo x > /deployments/x' 2>/dev/null"
  check "$m" "/tmp is writable (tmpfs)" podman exec "$c" sh -c 'echo x > /tmp/probe && rm /tmp/probe'
  check "$m" "no capabilities" test "$(podman exec "$c" sh -c 'grep CapEff /proc/1/status' | awk '{print $2}')" = 0000000000000000
  check "$m" "memory limit $MEMORY" test "$(podman inspect -f '{{.HostConfig.Memory}}' "$c")" = $((512 * 1024 * 1024))
done
for m in "${modules[@]}"; do
  c="szcg-smoke-$m"
  t0=$(date +%s%N)
  podman stop -t "$GRACE" "$c" >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  code="$(podman inspect -f '{{.State.ExitCode}}' "$c")"
  check "$m" "SIGTERM: stopped in $ms ms (grace ${GRACE} s), exit $code" \
    test "$ms" -lt $((GRACE * 1000)) -a "$code" != 137
  podman rm "$c" >/dev/null
done
ilog "smoke test of ${modules[*]}: $([ $fail = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
exit $fail
