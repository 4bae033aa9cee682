# Sourced by test.sh and the campaign scripts: the system tests get a stack of their own, beside
# any demo stack — ports 8181-8185, Kafka on 9192, Keycloak on 8280 (management 8290), databases szcg_*_sys recreated empty, state
# under .local/test.
# (SZCG_TEST_PORT_BASE, SZCG_TEST_KAFKA_PORT, SZCG_TEST_KEYCLOAK_PORT, SZCG_SYS_DB_SUFFIX move it,
# for a second test stack on the same machine.)
export SZCG_PORT_BASE="${SZCG_TEST_PORT_BASE:-8180}" SZCG_KAFKA_PORT="${SZCG_TEST_KAFKA_PORT:-9192}" \
  SZCG_DB_SUFFIX="${SZCG_SYS_DB_SUFFIX:-_sys}" SZCG_KEYCLOAK_PORT="${SZCG_TEST_KEYCLOAK_PORT:-8280}"
# The periodic 通报 is sealed by assessment's job on its own clock: on a fresh test stack it would
# seal the last closed month, quarter and year at start, inside the bad-input campaign's "nothing
# stored changed" window. Its own tests (PeriodicReportFlowTest) drive it in simulated time.
export SZCG_ASSESSMENT_PERIODIC_REPORTS_ENABLED=false
export SZCG_HOME="${SZCG_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/test}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
