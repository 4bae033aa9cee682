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
# SZCG_BENCH_FILL=clone N: registers and files N reports through the API (bench/seed-cases.mjs),
# then copies them in SQL (intake's report rows and dispatch-service's case rows, same new ids in
# both, each copy a day older) up to SZCG_BENCH_CASES — for a machine too loaded to file 10,000
# reports through the whole pipeline in time (sla and assessment know only the API-filed ones; the
# list benchmarks read intake's and dispatch's lists only). Local stack only (needs psql as postgres).
clone_cases() { # target
  local need sql
  need=$(psql_su -d "szcg_dispatch$SZCG_DB_SUFFIX" -c "select greatest(0, $1 - count(*)) from dispatch_case where state = 'AWAITING_DISPATCH'")
  [ "$need" -gt 0 ] || return 0
  log "copying $need benchmark cases in SQL (intake report + dispatch case rows)"
  sql="create temp table c as select r.*, k from report r, generate_series(1, 200) k
         where r.description like '基准测试%' order by k, r.registered_at limit $need;
       update c set id = md5(id::text || ':' || k)::uuid, report_no = report_no || '-' || k,
         registered_at = registered_at - k * interval '1 day', decided_at = decided_at - k * interval '1 day',
         idempotency_key = null, request_hash = null;
       alter table c drop column k;
       insert into report select * from c;"
  psql_su -d "szcg_intake$SZCG_DB_SUFFIX" -c "$sql" >/dev/null
  sql="create temp table c as select d.*, k from dispatch_case d, generate_series(1, 200) k
         where d.state = 'AWAITING_DISPATCH' and d.snapshot is not null order by k, d.filed_at limit $need;
       update c set case_id = md5(case_id || ':' || k)::uuid::text, report_no = report_no || '-' || k,
         registered_at = registered_at - k * interval '1 day', filed_at = filed_at - k * interval '1 day',
         updated_at = updated_at - k * interval '1 day';
       update c set snapshot = jsonb_set(jsonb_set(snapshot, '{caseId}', to_jsonb(case_id)), '{filedAt}',
         to_jsonb(to_char(filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
       alter table c drop column k;
       insert into dispatch_case select * from c;"
  psql_su -d "szcg_dispatch$SZCG_DB_SUFFIX" -c "$sql" >/dev/null
}
if [ "${SZCG_BENCH_SEED:-1}" != 0 ] && { [ $# = 0 ] || [[ " $* " == *" lists "* ]]; }; then
  if [[ "${SZCG_BENCH_FILL:-api}" == clone* ]]; then
    node bench/seed-cases.mjs "${SZCG_BENCH_FILL#clone }"
    clone_cases "${SZCG_BENCH_CASES:-10000}"
  else
    node bench/seed-cases.mjs "${SZCG_BENCH_CASES:-10000}"
  fi
fi
npm run --silent bench -- "$@"
