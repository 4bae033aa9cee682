#!/usr/bin/env bash
# The client-ready API documents (docs/api.md, issue 22), after a build that packaged the services
# and clients/ (./mvnw package or install): Redocly CLI lints the five stored OpenAPI documents
# (<service>/target/openapi/openapi.yaml) with its recommended rules (api/redocly.yaml) — any
# error fails, warnings are listed — and tsc type-checks the TypeScript clients generated from them
# (clients/target/generated-ts). The npm packages come from api/package-lock.json (npm ci).
# Exits non-zero on any failure; test.sh runs it after tier 1+2.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO/api"
for s in gis intake dispatch sla assessment; do
  [ -f "$REPO/$s-service/target/openapi/openapi.yaml" ] \
    || { echo "missing $s-service/target/openapi/openapi.yaml: package the services first (./mvnw package)" >&2; exit 1; }
  [ -f "$REPO/clients/target/generated-ts/$s/index.ts" ] \
    || { echo "missing clients/target/generated-ts/$s: package clients/ first (./mvnw package)" >&2; exit 1; }
done
npm ci --no-audit --no-fund --loglevel=error
echo "== redocly lint (recommended rules): 0 errors required"
npx --no-install redocly lint --format=summary
echo "== tsc: the generated TypeScript clients compile"
npx --no-install tsc -p tsconfig.json
echo "API documents: lint and TypeScript clients OK"
