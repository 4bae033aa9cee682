#!/usr/bin/env bash
# Runs the console's end-to-end test (console/web/e2e: the real Keycloak login page, the real
# services, Debian's Chromium driven by playwright-core) against a running local stack
# (deploy/local/start.sh). Installs chromium and fonts-noto-cjk with apt-get when missing, and the
# console's npm packages from its lock file. Screenshots: console/web/e2e/artifacts/.
#   deploy/local/console-e2e.sh            # the demo stack's console, http://127.0.0.1:8086
#   CONSOLE_URL=http://127.0.0.1:8186 deploy/local/console-e2e.sh
# test.sh runs it on its test stack (lib.sh run_console_e2e: demo data, console, this script).
source "$(dirname "$0")/lib.sh"
ensure_console_browser
cd "$REPO/console/web"
CONSOLE_URL="${CONSOLE_URL:-http://127.0.0.1:8086}" npm run e2e
