#!/usr/bin/env python3
"""Turns the rendered dev overlay (kubectl kustomize deploy/k8s/overlays/dev) into what
`podman kube play` can run on one machine against the local PostgreSQL, Kafka and Keycloak.

Kept unchanged, so that they are what the play proves: the Deployments' containers, env and
envFrom wiring, named ports, the startup/liveness/readiness probes, securityContext (pod and
container), resources, the /tmp emptyDir; the ConfigMaps' keys.
Changed, each for a reason printed into the output's header:
  - ConfigMaps: the in-cluster addresses (Strimzi bootstrap, CloudNativePG -rw services,
    Keycloak service, gis-service) become the local ones; the token issuer becomes the local
    Keycloak's (the dev issuer is the public https host name);
  - Deployments: hostNetwork (no cluster network; the pods cannot share port 8080 on the host, so
    each container gets QUARKUS_HTTP_PORT = its local port, the probes' named port "http" becomes
    that number and the ports list is dropped: podman refuses port mappings on the host
    network), the image from the local store (localhost/szcg/<name>:<version>, pull policy Never instead of the overlay's Always);
  - env values with $(VAR) references: expanded as the kubelet does (podman 4.3 does not);
  - Secrets: created here with the local roles (ops creates them in a cluster, never committed),
    as podman secrets (secrets/<name>.json beside the output; kube-play.sh creates them);
  - dropped: operator custom resources (Kafka, KafkaNodePool, KafkaTopic, Cluster, Database,
    Keycloak, KeycloakRealmImport), NetworkPolicy, Ingress, Service, ServiceAccount, Namespace —
    podman has no API server, controllers or network policies (docs/operations.md says what this
    leaves unproven).
Usage: kube-local.py RENDERED.yaml OUT.yaml --version V --port-base 8090 --kafka 127.0.0.1:9292
       --oidc http://127.0.0.1:8080/realms/minqing --db-suffix _sysimg
"""
import argparse
import re
import sys

import yaml

PORT_OFFSET = {"gis-service": 1, "intake-service": 2, "dispatch-service": 3,
               "sla-service": 4, "assessment-service": 5, "console": 6}
KEEP = {"Deployment", "ConfigMap", "Secret"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rendered")
    ap.add_argument("out")
    ap.add_argument("--version", required=True)
    ap.add_argument("--prefix", default="szcg")
    ap.add_argument("--port-base", type=int, default=8090)
    ap.add_argument("--kafka", required=True)
    ap.add_argument("--oidc", required=True)
    ap.add_argument("--db-host", default="127.0.0.1:5432")
    ap.add_argument("--db-suffix", default="")
    a = ap.parse_args()
    port = {s: a.port_base + o for s, o in PORT_OFFSET.items()}

    docs = [d for d in yaml.safe_load_all(open(a.rendered)) if d]
    dropped = sorted({d["kind"] for d in docs if d["kind"] not in KEEP})
    out = []
    secrets = {}
    for d in docs:
        kind, name = d["kind"], d["metadata"]["name"]
        d["metadata"].pop("namespace", None)
        if kind == "ConfigMap":
            data = d.get("data", {})
            # podman 4.3 lets envFrom win over env (Kubernetes: env wins), so the shared
            # QUARKUS_HTTP_PORT=8080 of szcg-common would beat the per-pod port: each service's
            # own ConfigMap (the later envFrom) carries its local port
            svc = name[:-len("-config")] if name.endswith("-config") else None
            if svc in port:
                data["QUARKUS_HTTP_PORT"] = str(port[svc])
            for k, v in list(data.items()):
                if k == "KAFKA_BOOTSTRAP_SERVERS":
                    data[k] = a.kafka
                elif k in ("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_ISSUER"):
                    data[k] = a.oidc
                elif k == "QUARKUS_DATASOURCE_JDBC_URL":
                    m = re.match(r"jdbc:postgresql://[^/]+/(\w+)$", v)
                    data[k] = "jdbc:postgresql://%s/%s%s" % (a.db_host, m.group(1), a.db_suffix)
                elif (re.match(r"SZCG_\w+_URL$", k) or k.startswith("SZCG_CONSOLE_UPSTREAM_")) and v:
                    svc = re.match(r"https?://([\w-]+)", v).group(1)
                    if svc in port:
                        data[k] = "http://127.0.0.1:%d" % port[svc]
            out.append(d)
        elif kind == "Deployment":
            spec = d["spec"]["template"]["spec"]
            spec["hostNetwork"] = True
            c = spec["containers"][0]
            c["image"] = "localhost/%s/%s:%s" % (a.prefix, name, a.version)
            c["imagePullPolicy"] = "Never"
            # podman 4.3 refuses container ports on the host network ("PortMappings can only be
            # used with Bridge or slirp4netns networking"): the probes' named port is resolved to
            # the local number and the ports list dropped (the named-port wiring of the manifest is
            # still checked offline by ConsistencyTest)
            named = {p["name"]: p["containerPort"] for p in c["ports"]}
            for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
                g = c.get(probe, {}).get("httpGet")
                if g and g["port"] in named:
                    g["port"] = port[name]
            del c["ports"]
            # podman 4.3 makes an emptyDir a named volume shared by every pod using that name
            # (all five call it "tmp": one /tmp for five JVMs); one volume per Deployment
            for v in spec.get("volumes", []):
                if "emptyDir" in v:
                    old_name, v["name"] = v["name"], name + "-" + v["name"]
                    for m in c.get("volumeMounts", []):
                        if m["name"] == old_name:
                            m["name"] = v["name"]
            c.setdefault("env", []).insert(0, {"name": "QUARKUS_HTTP_PORT", "value": str(port[name])})
            role = "szcg_" + name.replace("-service", "")
            for e in c["env"]:
                ref = e.get("valueFrom", {}).get("secretKeyRef")
                if not ref:
                    continue
                sname = ref["name"]
                if sname.endswith("-db-app"):
                    secrets[sname] = {"username": role + "_app", "password": role + "_app"}
                elif sname.endswith("-db"):
                    secrets[sname] = {"username": role, "password": role}
                elif sname.endswith("-oidc-client"):
                    secrets[sname] = {"secret": name + "-local-secret"}
                # optional Secrets (the hotline webhook's) stay absent, as in dev
            out.append(d)
    # podman 4.3 passes "$(VAR)" in an env value on literally; the kubelet expands it from the
    # variables defined before it (envFrom first, then env in order; "$$(" stays "$(" ). Done here
    # the kubelet's way, after the ConfigMaps above got their local values (the console's
    # SZCG_CONSOLE_OIDC_AUTHORITY = $(QUARKUS_OIDC_TOKEN_ISSUER)); the deploy module's tests check
    # offline that every reference resolves (Consistency, "as the kubelet does").
    maps = {o["metadata"]["name"]: o.get("data", {}) for o in out if o["kind"] == "ConfigMap"}
    for o in out:
        if o["kind"] != "Deployment":
            continue
        c = o["spec"]["template"]["spec"]["containers"][0]
        known = {}
        for ef in c.get("envFrom", []):
            known.update(maps.get(ef.get("configMapRef", {}).get("name"), {}))
        for e in c.get("env", []):
            if "value" in e:
                e["value"] = re.sub(r"\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_]*)\)",
                                    lambda m: "$(" if m.group(1) is None else known.get(m.group(1), m.group(0)),
                                    str(e["value"]))
                known[e["name"]] = e["value"]
    # podman 4.3 resolves secretKeyRef from a podman secret whose content is the Secret's data
    # map in JSON, values base64 (a Secret object in the played YAML, or the whole object as
    # the secret, it cannot parse): one file per Secret beside the output, created by kube-play.sh
    import base64, json, os
    sdir = os.path.join(os.path.dirname(os.path.abspath(a.out)), "secrets")
    os.makedirs(sdir, exist_ok=True)
    for f in os.listdir(sdir):
        os.remove(os.path.join(sdir, f))
    for sname, data in sorted(secrets.items()):
        obj = {k: base64.b64encode(v.encode()).decode() for k, v in data.items()}
        with open(os.path.join(sdir, sname + ".json"), "w") as f:
            json.dump(obj, f)
    header = ("# Generated by deploy/images/kube-local.py from the dev overlay for podman kube play;\n"
              "# dropped kinds: %s\n" % ", ".join(dropped))
    with open(a.out, "w") as f:
        f.write(header)
        yaml.safe_dump_all(out, f, sort_keys=False, allow_unicode=True)
    print("kept %d objects (%s), %d Secrets to create, dropped %s" % (
        len(out), ", ".join(sorted({o["kind"] for o in out})), len(secrets), ", ".join(dropped)), file=sys.stderr)


if __name__ == "__main__":
    main()
