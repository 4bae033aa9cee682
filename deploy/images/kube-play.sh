#!/usr/bin/env bash
# The manifests played, not only validated: renders the dev overlay (kubectl kustomize), keeps
# its Deployments and ConfigMaps, adds the Secrets ops would create, points the addresses at the
# local PostgreSQL, Kafka and Keycloak (kube-local.py says exactly what it changes and why) and
# runs them with podman kube play on the host network. Then it checks, on the running containers:
#   - every probe of every Deployment (startup, liveness, readiness: path + named port) answers UP;
#   - the env wiring: ConfigMap (envFrom) and Secret (secretKeyRef) values arrived in the process;
#   - the security contexts: user 185, read-only root filesystem, no capabilities, no privilege
#     escalation; the dev overlay's memory limit;
#   - podman kube down (SIGTERM) ends every pod within terminationGracePeriodSeconds.
#
#   SZCG_KAFKA_PORT=9292 SZCG_KEYCLOAK_PORT=8080 SZCG_DB_SUFFIX=_sysimg deploy/images/kube-play.sh
source "$(dirname "$0")/env.sh"
ensure_image_tools
IMG_PORT_BASE="${SZCG_IMG_PORT_BASE:-8090}"
OIDC="http://127.0.0.1:${SZCG_KEYCLOAK_PORT:-8180}/realms/minqing"
work="$REPO/.local/kube-play"
mkdir -p "$work"
kubectl kustomize "$REPO/deploy/k8s/overlays/dev" >"$work/dev.yaml"
python3 "$IMG_DIR/kube-local.py" "$work/dev.yaml" "$work/play.yaml" --version "$VERSION" \
  --prefix "$IMAGE_PREFIX" --port-base "$IMG_PORT_BASE" --kafka "127.0.0.1:${SZCG_KAFKA_PORT:-9092}" \
  --oidc "$OIDC" --db-suffix "${SZCG_DB_SUFFIX:-}"

fail=0
check() { # name description condition...
  local n="$1" what="$2"; shift 2
  if "$@"; then printf '  %-20s ok    %s\n' "$n" "$what"; else printf '  %-20s FAIL  %s\n' "$n" "$what"; fail=1; fi
}
# deployment -> "port path path path" of its probes, from the played manifest
probes() {
  python3 - "$work/play.yaml" <<'PY'
import sys, yaml
for d in yaml.safe_load_all(open(sys.argv[1])):
    if not d or d["kind"] != "Deployment": continue
    c = d["spec"]["template"]["spec"]["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in c.get("ports", [])}
    for kind in ("startupProbe", "livenessProbe", "readinessProbe"):
        g = c[kind]["httpGet"]
        port = ports.get(g["port"], g["port"])
        print(d["metadata"]["name"], kind, port, g["path"],
              d["spec"]["template"]["spec"]["terminationGracePeriodSeconds"])
PY
}

started=$SECONDS
podman kube down "$work/play.yaml" >/dev/null 2>&1 || true
# pods left by an interrupted run (kube down/--replace of podman 4.3 miss the "-0" pod names)
for p in $(podman pod ps --format '{{.Name}}' | grep -E '^((gis|intake|dispatch|sla|assessment)-service|console)-pod' || true); do
  podman pod rm -f "$p" >/dev/null
done
ilog "podman kube play (${work#$REPO/}/play.yaml)"
for f in "$work"/secrets/*.json; do
  podman secret rm "$(basename "$f" .json)" >/dev/null 2>&1 || true
  podman secret create "$(basename "$f" .json)" "$f" >/dev/null
done
podman kube play --replace "$work/play.yaml" >"$work/play.log" 2>&1 || { cat "$work/play.log"; exit 1; }
podman ps -a --format '{{.Names}}\t{{.Image}}\t{{.Status}}' | grep -v -- '-infra' | grep -- '-pod-' || true

declare -A GRACE
while read -r dep kind port path grace; do
  GRACE[$dep]=$grace
  end=$((SECONDS + ${SZCG_PROBE_WAIT:-600})); ok=false
  while [ $SECONDS -lt $end ]; do
    if curl -fs "http://127.0.0.1:$port$path" | grep -q '"status": *"UP"'; then ok=true; break; fi
    sleep 2
  done
  check "$dep" "$kind GET :$port$path UP ($((SECONDS - started)) s)" $ok
done < <(probes)

# podman names the pod of a Deployment <name>-pod-0 and its container <pod>-<container>
pod() { podman pod ps --format '{{.Name}}' | grep -E "^$1-pod(-0)?$" | head -1; }
for dep in "${!GRACE[@]}"; do
  c="$(pod "$dep")-$dep"
  envs="$(podman inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$c")"
  check "$dep" "envFrom szcg-common: KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${SZCG_KAFKA_PORT:-9092}" grep -qx "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${SZCG_KAFKA_PORT:-9092}" <<<"$envs"
  check "$dep" "envFrom szcg-common: TZ, QUARKUS_SHUTDOWN_TIMEOUT" bash -c "grep -qx TZ=Asia/Shanghai <<<'$envs' && grep -qx QUARKUS_SHUTDOWN_TIMEOUT=25S <<<'$envs'"
  if [ "$dep" = console ]; then
    # the console: no database, no Secret; it verifies the push channel's tokens as szcg-web and
    # proxies /api/<service>/ to the played services
    check "$dep" "envFrom console-config: QUARKUS_OIDC_CLIENT_ID=szcg-web" grep -qx "QUARKUS_OIDC_CLIENT_ID=szcg-web" <<<"$envs"
    check "$dep" "console-config: SZCG_CONSOLE_UPSTREAM_GIS=http://127.0.0.1:$((IMG_PORT_BASE + 1))" grep -qx "SZCG_CONSOLE_UPSTREAM_GIS=http://127.0.0.1:$((IMG_PORT_BASE + 1))" <<<"$envs"
    # what the browser gets: the app, the login it is told (SZCG_CONSOLE_OIDC_AUTHORITY is
    # $(QUARKUS_OIDC_TOKEN_ISSUER) in the manifest: the dependent variable expanded), and a call
    # through its proxy to a played service (401 problem+json without a token = gis answered)
    cport=$((IMG_PORT_BASE + 6))
    check "$dep" "GET / serves the app" bash -c "curl -fs http://127.0.0.1:$cport/ | grep -q 'id=\"app\"'"
    check "$dep" "GET /config.json: oidcAuthority = $OIDC" bash -c "curl -fs http://127.0.0.1:$cport/config.json | grep -q '\"oidcAuthority\":\"$OIDC\"'"
    check "$dep" "GET /api/gis/v1/areas through the proxy reaches the played gis (401)" test "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$cport/api/gis/v1/areas)" = 401
    mem=384
  else
    check "$dep" "envFrom $dep-config: QUARKUS_OIDC_CLIENT_ID=$dep" grep -qx "QUARKUS_OIDC_CLIENT_ID=$dep" <<<"$envs"
    check "$dep" "secretKeyRef: QUARKUS_DATASOURCE_USERNAME=szcg_${dep%-service}_app" grep -qx "QUARKUS_DATASOURCE_USERNAME=szcg_${dep%-service}_app" <<<"$envs"
    mem=512
  fi
  check "$dep" "user 185 ($(podman top "$c" huser | tail -n +2 | sort -u | tr -d ' '))" test "$(podman top "$c" huser | tail -n +2 | sort -u | tr -d ' ')" = 185
  check "$dep" "readOnlyRootFilesystem" test "$(podman inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$c")" = true
  check "$dep" "emptyDir /tmp writable, / not" podman exec "$c" sh -c 'echo x >/tmp/p && rm /tmp/p && ! (echo x >/deployments/p) 2>/dev/null'
  check "$dep" "capabilities: none" test "$(podman exec "$c" sh -c 'grep CapEff /proc/1/status' | awk '{print $2}')" = 0000000000000000
  check "$dep" "no privilege escalation (NoNewPrivs)" test "$(podman exec "$c" sh -c 'grep NoNewPrivs /proc/1/status' | awk '{print $2}')" = 1
  check "$dep" "memory limit ${mem}Mi (dev overlay)" test "$(podman inspect -f '{{.HostConfig.Memory}}' "$c")" = $((mem * 1024 * 1024))
done

for dep in "${!GRACE[@]}"; do
  t0=$(date +%s%N)
  p="$(pod "$dep")"
  podman pod stop -t "${GRACE[$dep]}" "$p" >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  code="$(podman inspect -f '{{.State.ExitCode}}' "$p-$dep")"
  check "$dep" "SIGTERM: pod stopped in $ms ms (grace ${GRACE[$dep]} s), exit $code" test "$ms" -lt $((GRACE[$dep] * 1000)) -a "$code" != 137
done
podman kube down "$work/play.yaml" >/dev/null 2>&1 || true
ilog "kube play of the dev overlay: $([ $fail = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
exit $fail
