#!/usr/bin/env bash
# The bad-input campaign (issue 10) at full size: for every endpoint of the five OpenAPI documents,
# N malformed requests (default 1000) against a fresh local stack; prints one line per endpoint and
# the totals. Target: 0 responses 5xx, every 4xx a problem+json naming the problem, no stored row
# changed. Usage: deploy/local/bad-input.sh [N]   (builds the services first unless SZCG_SKIP_BUILD=1)
source "$(dirname "$0")/test-stack.sh"
ensure_postgres
ensure_databases
if [ "${SZCG_SKIP_BUILD:-0}" != 1 ]; then build_services; fi
cleanup() { stop_services; stop_pid kafka; stop_pid keycloak; }
trap cleanup EXIT
start_keycloak
wait_keycloak 300
start_fresh_stack
# shellcheck disable=SC2046
(cd "$REPO" && ./mvnw -B -o -pl system-tests test -Psystem -Dtest=BadInputCampaignTest \
  -Dszcg.badinput.per-endpoint="${1:-1000}" $(system_test_args))
