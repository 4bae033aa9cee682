package cn.szcg.assessment.security;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.AuthzMatrix;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in assessment-service (docs/security.md): every operation × every role, no
 * token, an expired and a foreign-signed token. Unit roles' tokens carry unit U-MATRIX, so the unit
 * leader's row of /figures/units/U-MATRIX is its own unit (200); other units are in
 * AssessmentScopingTest.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AssessmentAuthorizationMatrixTest {

  /** Read every figure, ranking, notice and commendation. */
  static final Set<String> READERS =
      Set.of("efficiency-office", "supervision-office", "county-government", "shift-lead", "admin");

  /** Export reports. */
  static final Set<String> EXPORTERS =
      Set.of("efficiency-office", "supervision-office", "county-government", "admin");

  static final String DEFAULT_WEIGHTS =
      "{\"weights\":{\"HANDLING_RATE\":30,\"ON_TIME_HANDLING_RATE\":20,\"REWORK_RATE\":20,"
          + "\"OVERDUE_RATE\":20,\"EXTENSION_RATE\":10},\"reason\":\"authorization matrix\"}";

  @BeforeEach
  void noDefaultToken() {
    TestTokens.clearDefault();
  }

  @Test
  void everyOperationTimesEveryRole() {
    AuthzMatrix m = new AuthzMatrix();
    m.op("GET", "/api/v1/figures/units/{unitId}")
        .path("/api/v1/figures/units/" + AuthzMatrix.MATRIX_UNIT)
        .allow(READERS)
        .allow("unit-leader", "county-system")
        .expect(200)
        .with(r -> r.queryParam("period", "2026-03"));
    m.op("GET", "/api/v1/rankings")
        .allow(READERS)
        .allow("county-system")
        .expect(200)
        .with(r -> r.queryParam("period", "2026-03"));
    m.op("GET", "/api/v1/notices").allow(READERS).allow("unit-leader").expect(200);
    m.op("GET", "/api/v1/commendations")
        .allow(READERS)
        .expect(200)
        .with(r -> r.queryParam("year", "2026"));
    m.op("GET", "/api/v1/config/weights").allow(READERS).allow("unit-leader").expect(200);
    m.op("PUT", "/api/v1/config/weights")
        .allow("efficiency-office", "admin")
        .expect(200)
        .with(r -> r.contentType("application/json").body(DEFAULT_WEIGHTS));
    m.op("POST", "/api/v1/admin/figures/recompute")
        .allow("admin")
        .expect(200)
        .with(r -> r.queryParam("period", "2026-03"));
    m.op("GET", "/api/v1/figures/collectors")
        .allow(READERS)
        .allow("collector")
        .expect(200)
        .with(r -> r.queryParam("period", "2026-03"));
    m.op("GET", "/api/v1/figures/collection-units")
        .allow(READERS)
        .expect(200)
        .with(r -> r.queryParam("period", "2026-03"));
    m.op("GET", "/api/v1/figures/operators")
        .allow(READERS)
        .expect(200)
        .with(r -> r.queryParam("period", "2026-03"));
    m.op("GET", "/api/v1/figures/intake")
        .allow(READERS)
        .expect(200)
        .with(r -> r.queryParam("month", "2026-03"));
    m.op("GET", "/api/v1/cases/{caseId}").path("/api/v1/cases/MATRIX-1").allow(READERS).expect(404);
    m.op("POST", "/api/v1/exports")
        .allow(EXPORTERS)
        .expect(202)
        .with(
            r ->
                r.contentType("application/json")
                    .body(
                        "{\"report\":\"COUNTY_RANKING\",\"period\":\"2026-03\",\"format\":\"CSV\"}"));
    m.op("GET", "/api/v1/exports/{id}")
        .path("/api/v1/exports/MATRIX-1")
        .allow(EXPORTERS)
        .expect(404);
    m.op("GET", "/api/v1/exports/{id}/file")
        .path("/api/v1/exports/MATRIX-1/file")
        .allow(EXPORTERS)
        .expect(404);
    // the periodic 通报 and 效能告诫
    m.op("GET", "/api/v1/periodic-reports").allow(EXPORTERS).allow("unit-leader").expect(200);
    m.op("GET", "/api/v1/periodic-reports/verification")
        .allow("efficiency-office", "supervision-office", "admin")
        .expect(200);
    m.op("GET", "/api/v1/periodic-reports/{reportId}")
        .path("/api/v1/periodic-reports/MONTH-2001-01")
        .allow(EXPORTERS)
        .allow("unit-leader")
        .expect(404);
    m.op("GET", "/api/v1/periodic-reports/{reportId}/pdf")
        .path("/api/v1/periodic-reports/MONTH-2001-01/pdf")
        .allow(EXPORTERS)
        .allow("unit-leader")
        .expect(404);
    m.op("GET", "/api/v1/periodic-reports/{reportId}/xlsx")
        .path("/api/v1/periodic-reports/MONTH-2001-01/xlsx")
        .allow(EXPORTERS)
        .allow("unit-leader")
        .expect(404);
    m.op("POST", "/api/v1/periodic-reports/{reportId}/seal")
        .path("/api/v1/periodic-reports/MONTH-2099-01/seal")
        .allow("efficiency-office", "admin")
        .expect(409);
    m.op("POST", "/api/v1/notices/{actionId}/efficiency-warnings")
        .path("/api/v1/notices/MATRIX-1/efficiency-warnings")
        .allow("efficiency-office")
        .expect(404)
        .with(r -> r.contentType("application/json").body("{\"reasonZh\":\"矩阵\"}"));
    m.op("GET", "/api/v1/efficiency-warnings")
        .allow("efficiency-office", "supervision-office", "county-government", "admin")
        .expect(200);
    m.op("GET", "/api/v1/efficiency-warnings/mine")
        .allow("unit-leader", "unit-receiver", "unit-handler")
        .expect(200);
    m.op("POST", "/api/v1/efficiency-warnings/{warningId}/acknowledgement")
        .path("/api/v1/efficiency-warnings/MATRIX-1/acknowledgement")
        .allow("unit-leader", "unit-receiver", "unit-handler")
        .expect(404);
    m.op("GET", "/api/v1/audit").allow("supervision-office", "admin").expect(200);
    m.op("GET", "/api/v1/audit/verification").allow("supervision-office", "admin").expect(200);
    m.verify();
  }
}
