#!/usr/bin/env bash
# The console's benchmarks (issue 17, "Tests and figures"), against a running local stack
# (deploy/local/start.sh); outside the test run. Runs every console/web/bench/*.bench.mjs (node +
# playwright-core driving Debian's Chromium, login through the Keycloak page) and prints each
# figure with its goal and PASS/MISS; exit code 1 when a goal is missed. Figures: docs/console.md
# (Benchmarks).
#   deploy/local/console-bench.sh                    # every benchmark, the demo stack's console
#   deploy/local/console-bench.sh lists arrival      # only the benchmarks whose file name has a word
#   CONSOLE_URL=http://127.0.0.1:8906 deploy/local/console-bench.sh
# Before the list benchmark the stack is filled up to SZCG_BENCH_CASES (default 10,000) cases
# awaiting dispatch (bench/seed-cases.mjs: reports registered by the demo collectors and filed by
# operator1 through the console's proxy; it only adds what is missing, a few minutes the first
# time). SZCG_BENCH_SEED=0 skips that. Installs chromium and fonts-noto-cjk if missing.
source "$(dirname "$0")/lib.sh"
ensure_console_browser
export CONSOLE_URL="${CONSOLE_URL:-http://127.0.0.1:$CONSOLE_PORT}"
curl -fs "$CONSOLE_URL/q/health/ready" >/dev/null || { echo "no console at $CONSOLE_URL: start the stack (deploy/local/start.sh) or set CONSOLE_URL" >&2; exit 1; }
cd "$REPO/console/web"
if [ "${SZCG_BENCH_SEED:-1}" != 0 ] && { [ $# = 0 ] || [[ " $* " == *" lists "* ]]; }; then
  node bench/seed-cases.mjs "${SZCG_BENCH_CASES:-10000}"
fi
npm run --silent bench -- "$@"
