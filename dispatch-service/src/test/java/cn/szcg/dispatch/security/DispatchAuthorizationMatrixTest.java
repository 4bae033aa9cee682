package cn.szcg.dispatch.security;

import static cn.szcg.dispatch.api.Api.DISPATCHER;
import static cn.szcg.dispatch.api.Api.body;
import static cn.szcg.dispatch.api.Api.file;
import static cn.szcg.dispatch.api.Api.ok;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.dispatch.api.Api;
import cn.szcg.dispatch.api.GisStub;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.AuthzMatrix;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in dispatch-service (docs/security.md): every operation × every realm role, no
 * token, an expired and a foreign-signed token. Allowed roles are the union of the roles the domain
 * ever lets perform the endpoint's transition; the domain then checks the exact role, the unit
 * (OTHER_UNIT) and the collector (NOT_ASSIGNED_COLLECTOR). Unit roles' tokens carry unit U-MATRIX.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class DispatchAuthorizationMatrixTest {

  static final String OP = "operator";
  static final String SL = "shift-lead";
  static final String DI = "dispatcher";
  static final String SO = "supervision-office";
  static final String EO = "efficiency-office";
  static final String CG = "county-government";
  static final String AD = "admin";
  static final String UR = "unit-receiver";
  static final String UL = "unit-leader";
  static final String UH = "unit-handler";
  static final String CO = "collector";
  static final String HP = "hotline-platform";
  static final String CS = "county-system";

  /** Read cases: the center, the offices, the administrator; units and collectors scoped. */
  static final Set<String> CASE_READERS = Set.of(OP, SL, DI, SO, EO, CG, AD, UR, UL, UH, CO);

  /** Read units, contacts and a unit's orders: units scoped to their own. */
  static final Set<String> UNIT_READERS = Set.of(OP, SL, DI, SO, EO, CG, AD, UR, UL, UH);

  /** A case that does not exist: allowed roles reach the service and get 404. */
  static final String NONE = "/api/v1/cases/MATRIX-NO-SUCH-CASE";

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Test
  void everyOperationTimesEveryRole() {
    // a real case (dispatched to the water company) for the reads; the matrix's unit U-MATRIX
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body());
    int registered =
        given()
            .auth()
            .oauth2(TestTokens.of(AD))
            .contentType("application/json")
            .body(Map.of("unitId", "U-MATRIX", "name", "矩阵测试单位", "kind", "COMPANY"))
            .post("/api/v1/units")
            .statusCode();
    assertTrue(registered == 201 || registered == 409, "U-MATRIX: " + registered);
    String c = "/api/v1/cases/" + caseId;

    AuthzMatrix m = new AuthzMatrix();
    // ------------------------------------------------------------------ cases: reads
    m.op("GET", "/api/v1/cases").allow(CASE_READERS).expect(200);
    // the map's case layer: the center and the offices only
    m.op("GET", "/api/v1/cases/positions")
        .allow(OP, SL, DI, SO, EO, CG, AD)
        .expect(200)
        .with(r -> r.queryParam("bbox", "118.3,25.9,119.2,26.6"));
    // U-MATRIX holds no order of the case and C-MATRIX was ordered no check: 404 for them
    m.op("GET", "/api/v1/cases/{caseId}").path(c).allow(CASE_READERS).expect(200, 404);
    m.op("GET", "/api/v1/cases/{caseId}/history")
        .path(c + "/history")
        .allow(OP, SL, DI, SO, EO, CG, AD, UR, UL, UH)
        .expect(200, 404);
    m.op("GET", "/api/v1/cases/{caseId}/dispatch-proposal")
        .path(c + "/dispatch-proposal")
        .allow(OP, SL, DI, SO, AD)
        .expect(200);
    // Art 39 sharing: a case's state and outcome, for county systems only
    m.op("GET", "/api/v1/shared/cases/{caseId}")
        .path("/api/v1/shared/cases/" + caseId)
        .allow(CS)
        .expect(200);
    // ------------------------------------------------------------------ cases: commands
    command(m, "dispatch", Map.of(), OP, SL, DI);
    command(m, "sign-for", Map.of(), UR, UL);
    command(m, "leader-approval", Map.of(), UL);
    command(m, "return-requests", Map.of("reason", "非本单位", "proposedUnitId", "U-HOUSING"), UR, UL);
    command(m, "return-requests/approve", Map.of(), SL);
    command(m, "return-requests/refuse", Map.of("reason", "属本单位"), SL);
    command(
        m,
        "extension-requests",
        Map.of("reason", "材料未到", "requestedDeadline", "2099-01-01T00:00:00Z"),
        UH,
        UL);
    command(
        m, "extension-requests/approve", Map.of("grantedDeadline", "2099-01-01T00:00:00Z"), SL, DI);
    command(m, "extension-requests/refuse", Map.of("reason", "理由不足"), SL, DI);
    command(m, "suspension", Map.of("reasonCode", "WEATHER", "reason", "台风过境"), SL);
    command(m, "resumption", Map.of(), SL);
    command(m, "sub-orders", Map.of("subUnitId", "T-350124100-ENV"), UL, UR);
    m.op("POST", "/api/v1/cases/{caseId}/sub-orders/{subOrderId}/sign-for")
        .path(NONE + "/sub-orders/MATRIX-O1-S1/sign-for")
        .allow(UR, UL)
        .expect(404)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("POST", "/api/v1/cases/{caseId}/sub-orders/{subOrderId}/feedback")
        .path(NONE + "/sub-orders/MATRIX-O1-S1/feedback")
        .allow(UH, UL)
        .expect(404)
        .with(
            r ->
                r.contentType("application/json")
                    .body(Map.of("description", "已处理", "photoIds", List.of("p1"))));
    m.op("POST", "/api/v1/cases/{caseId}/sub-orders/{subOrderId}/return-requests")
        .path(NONE + "/sub-orders/MATRIX-O1-S1/return-requests")
        .allow(UR, UL)
        .expect(404)
        .with(
            r ->
                r.contentType("application/json")
                    .body(Map.of("reason", "非本部门职责", "suggestedUnitId", "U-WATER")));
    m.op("POST", "/api/v1/cases/{caseId}/sub-orders/{subOrderId}/return-requests/approve")
        .path(NONE + "/sub-orders/MATRIX-O1-S1/return-requests/approve")
        .allow(UL, UR)
        .expect(404)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("POST", "/api/v1/cases/{caseId}/sub-orders/{subOrderId}/return-requests/refuse")
        .path(NONE + "/sub-orders/MATRIX-O1-S1/return-requests/refuse")
        .allow(UL, UR)
        .expect(404)
        .with(r -> r.contentType("application/json").body(Map.of("reason", "属本部门职责")));
    command(m, "feedback", Map.of("description", "已处理", "photoIds", List.of("p1")), UH, UL);
    command(m, "check-orders", Map.of("collectorId", "C-MATRIX"), OP, SL, DI);
    command(m, "checks/pass", Map.of("photoIds", List.of("k1")), CO);
    command(m, "checks/fail", Map.of("reason", "未处理", "photoIds", List.of("k1")), CO);
    // evidence photos (docs/evidence.md): units and collectors upload; case readers read
    m.op("POST", "/api/v1/cases/{caseId}/photos")
        .path(NONE + "/photos")
        .allow(UR, UL, UH, CO)
        .expect(404)
        .with(
            r -> r.queryParam("purpose", "AFTER").contentType("image/png").body(Api.png("matrix")));
    // resumable photo uploads (issue 18): who may upload; a session only its uploader sees (404)
    String missingUpload = "/api/v1/uploads/00000000-0000-0000-0000-000000000000";
    m.op("POST", "/api/v1/uploads")
        .allow(UR, UL, UH, CO)
        .expect(404)
        .with(
            r ->
                r.contentType("application/json")
                    .body(
                        Map.of(
                            "caseId", "MATRIX-NO-SUCH-CASE",
                            "purpose", "AFTER",
                            "contentType", "image/png",
                            "length", 10,
                            "sha256", "0".repeat(64))));
    m.op("GET", "/api/v1/uploads/{id}").path(missingUpload).allow(UR, UL, UH, CO).expect(404);
    m.op("PATCH", "/api/v1/uploads/{id}")
        .path(missingUpload)
        .allow(UR, UL, UH, CO)
        .expect(404)
        .with(
            r ->
                r.contentType("application/offset+octet-stream")
                    .header("Upload-Offset", "0")
                    .body(new byte[] {1, 2, 3}));
    m.op("GET", "/api/v1/cases/{caseId}/photos")
        .path(c + "/photos")
        .allow(CASE_READERS)
        .expect(200, 404);
    m.op("GET", "/api/v1/cases/{caseId}/photos/{photoId}/content")
        .path(NONE + "/photos/00000000-0000-0000-0000-000000000000/content")
        .allow(CASE_READERS)
        .expect(404);
    command(m, "close", Map.of(), OP, SL);
    // the 12345 platform: its own tickets (HOTLINE cases) only — any other case is 404 for it
    command(m, "satisfaction", Map.of("level", "SATISFIED"), OP, HP);
    command(m, "coordination", Map.of("reason", "责任不清"), DI, SL);
    command(
        m,
        "coordination/agreement",
        Map.of("agreedUnitId", "U-WATER", "agreementText", "协调一致由自来水公司处置"),
        SL);
    command(m, "escalation-to-county-government", Map.of("reason", "协调未果"), SL);
    command(m, "designation", Map.of("unitId", "U-WATER"), CG, SL);
    command(m, "emergency-arrangement", Map.of("reason", "危及安全"), SL, CG);
    command(m, "emergency-arrangement/measures", Map.of("measures", "拉警戒"), CG, SL);
    command(
        m,
        "law-enforcement-transfer",
        Map.of("enforcementBody", "县城市管理综合执法大队", "reason", "涉嫌违法"),
        SL,
        DI);
    command(m, "cancel", Map.of("reason", "重复立案"), SL, AD);
    // ------------------------------------------------------------------ units
    m.op("GET", "/api/v1/units").allow(UNIT_READERS).expect(200);
    m.op("GET", "/api/v1/units/{unitId}")
        .path("/api/v1/units/U-MATRIX")
        .allow(UNIT_READERS)
        .expect(200);
    m.op("GET", "/api/v1/units/{unitId}/accountable")
        .path("/api/v1/units/U-MATRIX/accountable")
        .allow(UNIT_READERS)
        .expect(200);
    m.op("GET", "/api/v1/units/open-load").allow(OP, SL, DI, SO, EO, CG, AD).expect(200);
    m.op("GET", "/api/v1/units/{unitId}/orders")
        .path("/api/v1/units/U-MATRIX/orders")
        .allow(UNIT_READERS)
        .expect(200);
    m.op("POST", "/api/v1/units")
        .allow(AD)
        .expect(400)
        .with(r -> r.contentType("application/json").body("{}"));
    // 责任单位导入: an empty file is refused (400) before anything is written
    m.op("POST", "/api/v1/units/import")
        .allow(AD)
        .expect(400)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("PUT", "/api/v1/units/{unitId}")
        .path("/api/v1/units/U-MATRIX")
        .allow(AD)
        .expect(400)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("POST", "/api/v1/units/{unitId}/contacts")
        .path("/api/v1/units/U-MATRIX/contacts")
        .allow(AD)
        .expect(400)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("POST", "/api/v1/units/{unitId}/contacts/{role}/{personId}/end")
        .path("/api/v1/units/U-MATRIX/contacts/DAILY_RECEIVER/nobody/end")
        .allow(AD)
        .with(r -> r.contentType("application/json").body("{}"));
    // ------------------------------------------------------------------ responsibility matrix
    m.op("GET", "/api/v1/responsibility-rules").allow(DI, SL, AD, SO).expect(200);
    m.op("GET", "/api/v1/responsibility-rules/{ruleId}")
        .path("/api/v1/responsibility-rules/C-0101")
        .allow(DI, SL, AD, SO)
        .expect(200);
    m.op("PUT", "/api/v1/responsibility-rules/{ruleId}")
        .path("/api/v1/responsibility-rules/MATRIX")
        .allow(AD)
        .expect(400)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("DELETE", "/api/v1/responsibility-rules/{ruleId}")
        .path("/api/v1/responsibility-rules/MATRIX-NO-SUCH-RULE")
        .allow(AD)
        .expect(404);
    // ------------------------------------------------------------------ audit trail (platform)
    m.op("GET", "/api/v1/audit").allow(SO, AD).expect(200);
    m.op("GET", "/api/v1/audit/verification").allow(SO, AD).expect(200);
    m.verify();
  }

  /** A command row: a valid body on a case that does not exist, so allowed roles get 404. */
  private static void command(AuthzMatrix m, String action, Object body, String... roles) {
    m.op("POST", "/api/v1/cases/{caseId}/" + action)
        .path(NONE + "/" + action)
        .allow(roles)
        .expect(404)
        .with(r -> r.contentType("application/json").body(body));
  }
}
