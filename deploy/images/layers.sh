#!/usr/bin/env bash
# Compares the layers of two images of the local store, bottom first: "same" or "CHANGED", with
# each layer's size. Proves that a code change re-ships only the application's layers:
#   deploy/images/layers.sh szcg/gis-service:0.1.0-SNAPSHOT-<old> szcg/gis-service:0.1.0-SNAPSHOT-<new>
source "$(dirname "$0")/env.sh"
q() { case "$1" in localhost/*) echo "$1" ;; *) echo "localhost/$1" ;; esac; }
python3 - "$(skopeo inspect --raw "$STORE$(q "$1")")" "$(skopeo inspect --raw "$STORE$(q "$2")")" <<'PY'
import json, sys
a, b = (json.loads(x)["layers"] for x in sys.argv[1:3])
ship = 0
for i in range(max(len(a), len(b))):
    la = a[i] if i < len(a) else {}
    lb = b[i] if i < len(b) else {}
    same = la.get("digest") == lb.get("digest")
    ship += 0 if same else lb.get("size", 0)
    l = lb or la
    print("layer %d  %-8s %12d bytes  %s" % (i + 1, "same" if same else "CHANGED", l["size"], l["digest"][:23]))
print("bytes a registry or node holding the first image receives for the second: %d" % ship)
PY
