#!/usr/bin/env bash
# Prints an access token of the local Keycloak (local stack only):
#   deploy/local/token.sh operator1              a demo user (password grant on szcg-web)
#   deploy/local/token.sh --client hotline-12345 a machine client (client credentials, local secret)
# Use it as: curl -H "Authorization: Bearer $(deploy/local/token.sh operator1)" ...
# SZCG_KEYCLOAK_PORT selects another stack's Keycloak (the test stack's is 8280).
set -euo pipefail
url="http://127.0.0.1:${SZCG_KEYCLOAK_PORT:-8180}/realms/minqing/protocol/openid-connect/token"
if [ "${1:-}" = --client ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 --client CLIENT_ID" >&2; exit 2; }
  form=(-d grant_type=client_credentials -d client_id="$2" -d client_secret="$2-local-secret")
else
  [ -n "${1:-}" ] || { echo "usage: $0 USER | --client CLIENT_ID" >&2; exit 2; }
  form=(-d grant_type=password -d client_id=szcg-web -d username="$1" -d password=Minqing2026)
fi
resp=$(curl -fsS -X POST "$url" "${form[@]}") ||
  { echo "no token from $url (is the local Keycloak up? deploy/local/start.sh)" >&2; exit 1; }
printf '%s' "$resp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
