package cn.szcg.intake.security;

import static cn.szcg.intake.security.Fixtures.ADMIN;
import static cn.szcg.intake.security.Fixtures.HOTLINE;
import static cn.szcg.intake.security.Fixtures.OPERATOR;
import static cn.szcg.intake.security.Fixtures.as;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.AuthzMatrix;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in intake-service (docs/security.md): every operation × every realm role, no
 * token, an expired and a foreign-signed token. The matrix's collector is C-MATRIX (its token's
 * collector_id), so the report, attachment and task read here are its own, and the report's case is
 * dispatched to the matrix's unit (U-MATRIX, the unit of the unit roles' tokens): reads are exact
 * (200) for every allowed role, collector and unit roles included.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IntakeAuthorizationMatrixTest {

  /** The command center's people (may see the reporter). */
  static final Set<String> CENTER =
      Set.of("operator", "shift-lead", "dispatcher", "supervision-office", "admin");

  /** Report readers: the center and collectors (their own reports). */
  static final Set<String> REPORT_READERS =
      Set.of("operator", "shift-lead", "dispatcher", "supervision-office", "admin", "collector");

  /**
   * Readers of one report and its attachments: the report readers, the unit roles (a unit holding
   * or having held an order of the case, R-13) and the overseers (效能办, 县政府; ).
   */
  static final Set<String> CASE_READERS =
      Set.of(
          "operator",
          "shift-lead",
          "dispatcher",
          "supervision-office",
          "admin",
          "collector",
          "unit-receiver",
          "unit-leader",
          "unit-handler",
          "efficiency-office",
          "county-government");

  /**
   * Readers of a report's history (办理记录): the report readers and the overseers (效能办, 县政府; R-23,
   *
   */
  static final Set<String> HISTORY_READERS =
      Set.of(
          "operator",
          "shift-lead",
          "dispatcher",
          "supervision-office",
          "admin",
          "collector",
          "efficiency-office",
          "county-government");

  /** Who decides on reports (受理员, 值班长). */
  static final Set<String> DECIDERS = Set.of("operator", "shift-lead");

  /** Collector and collection unit readers. */
  static final Set<String> COLLECTOR_READERS =
      Set.of(
          "operator",
          "shift-lead",
          "dispatcher",
          "supervision-office",
          "admin",
          "efficiency-office");

  static final String COLLECTOR = "C-MATRIX";

  /** Duty roster readers: the center, the efficiency office and collectors (their own shifts). */
  static final Set<String> ROSTER_READERS =
      Set.of(
          "operator",
          "shift-lead",
          "dispatcher",
          "supervision-office",
          "admin",
          "efficiency-office",
          "collector");

  private static String matrixShift;

  /** One shift of the matrix's collector (recorded once per run), so reads are exact for all. */
  static String matrixShift() {
    if (matrixShift == null) {
      java.time.Instant start =
          java.time.Instant.now()
              .plus(java.time.Duration.ofDays(60))
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      matrixShift =
          as(ADMIN)
              .contentType(ContentType.JSON)
              .body(
                  "{\"collectorId\":\""
                      + COLLECTOR
                      + "\",\"gridCodes\":[\"3501241000040007\"],\"start\":\""
                      + start
                      + "\",\"end\":\""
                      + start.plusSeconds(8 * 3600)
                      + "\"}")
              .post("/api/v1/duty-shifts")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
    }
    return matrixShift;
  }

  String report;
  String attachment;
  String task;
  String ticket;

  @BeforeEach
  void setUp() {
    TestTokens.clearDefault();
    Fixtures.eligibleCollector(COLLECTOR);
    String me = Fixtures.collector(COLLECTOR);
    report = Fixtures.register(me, Fixtures.patrol(COLLECTOR, 118.8632, 26.2231));
    attachment =
        as(me)
            .contentType("image/jpeg")
            .body(cn.szcg.intake.api.TestImages.jpeg("matrix"))
            .post("/api/v1/reports/" + report + "/attachments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    ticket = "MATRIX-" + UUID.randomUUID();
    String hotline = Fixtures.register(HOTLINE, Fixtures.hotline(ticket));
    task = Fixtures.verificationTask(hotline, COLLECTOR);
    Fixtures.dispatchedTo(report, AuthzMatrix.MATRIX_UNIT);
  }

  @Test
  void everyOperationTimesEveryRole() {
    String missing = UUID.randomUUID().toString();
    AuthzMatrix m = new AuthzMatrix();

    // --- reports ---------------------------------------------------------------------------------
    // bean validation answers before the channel check, so every role allowed to register gets 400
    m.op("POST", "/api/v1/reports")
        .allow("collector", "operator", "shift-lead", "hotline-platform", "county-system")
        .expect(400)
        .with(r -> r.contentType(ContentType.JSON).body("{}"));
    m.op("GET", "/api/v1/reports").allow(REPORT_READERS).expect(200);
    m.op("GET", "/api/v1/reports/{id}")
        .path("/api/v1/reports/" + report)
        .allow(CASE_READERS)
        .expect(200);
    m.op("GET", "/api/v1/reports/{id}/history")
        .path("/api/v1/reports/" + report + "/history")
        .allow(HISTORY_READERS)
        .expect(200);
    m.op("GET", "/api/v1/reports/{id}/attachments")
        .path("/api/v1/reports/" + report + "/attachments")
        .allow(CASE_READERS)
        .expect(200);
    // the same bytes again: the first upload (200) for those who may attach to this report, 404
    // for the machine clients (they attach only to what they registered)
    m.op("POST", "/api/v1/reports/{id}/attachments")
        .path("/api/v1/reports/" + report + "/attachments")
        .allow("operator", "shift-lead", "collector", "hotline-platform", "county-system")
        .with(
            r -> r.contentType("image/jpeg").body(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}));
    m.op("POST", "/api/v1/reports/{id}/filing")
        .path("/api/v1/reports/" + missing + "/filing")
        .allow(DECIDERS)
        .expect(404)
        .with(r -> r.contentType(ContentType.JSON).body("{\"categoryCode\":\"E-0101\"}"));
    m.op("POST", "/api/v1/reports/{id}/rejection")
        .path("/api/v1/reports/" + missing + "/rejection")
        .allow(DECIDERS)
        .expect(404)
        .with(r -> r.contentType(ContentType.JSON).body("{\"reason\":\"矩阵\"}"));
    m.op("POST", "/api/v1/reports/{id}/merge")
        .path("/api/v1/reports/" + missing + "/merge")
        .allow(DECIDERS)
        .expect(404)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body("{\"intoCaseId\":\"" + UUID.randomUUID() + "\"}"));
    m.op("POST", "/api/v1/reports/{id}/keep-separate")
        .path("/api/v1/reports/" + missing + "/keep-separate")
        .allow(DECIDERS)
        .expect(404);
    m.op("POST", "/api/v1/reports/{id}/answer")
        .path("/api/v1/reports/" + missing + "/answer")
        .allow(DECIDERS)
        .expect(404)
        .with(r -> r.contentType(ContentType.JSON).body("{\"answer\":\"矩阵\"}"));
    m.op("POST", "/api/v1/reports/{id}/verification")
        .path("/api/v1/reports/" + missing + "/verification")
        .allow(DECIDERS)
        .expect(404)
        .with(r -> r.contentType(ContentType.JSON).body("{}"));

    // --- attachments -----------------------------------------------------------------------------
    m.op("GET", "/api/v1/attachments/{id}")
        .path("/api/v1/attachments/" + attachment)
        .allow(CASE_READERS)
        .expect(200);
    m.op("GET", "/api/v1/attachments/{id}/meta")
        .path("/api/v1/attachments/" + attachment + "/meta")
        .allow(CASE_READERS)
        .expect(200);

    // --- resumable uploads (issue 18): who may attach; a session only its uploader sees (404) ----
    m.op("POST", "/api/v1/uploads")
        .allow("operator", "shift-lead", "collector", "hotline-platform", "county-system")
        .expect(404)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body(
                        "{\"reportId\":\""
                            + missing
                            + "\",\"contentType\":\"image/jpeg\",\"length\":10,\"sha256\":\""
                            + "0".repeat(64)
                            + "\"}"));
    m.op("GET", "/api/v1/uploads/{id}")
        .path("/api/v1/uploads/" + missing)
        .allow("operator", "shift-lead", "collector", "hotline-platform", "county-system")
        .expect(404);
    m.op("PATCH", "/api/v1/uploads/{id}")
        .path("/api/v1/uploads/" + missing)
        .allow("operator", "shift-lead", "collector", "hotline-platform", "county-system")
        .expect(404)
        .with(
            r ->
                r.contentType("application/offset+octet-stream")
                    .header("Upload-Offset", "0")
                    .body(new byte[] {1, 2, 3}));

    // --- verification ----------------------------------------------------------------------------
    m.op("GET", "/api/v1/verifications").allow(REPORT_READERS).expect(200);
    m.op("GET", "/api/v1/verifications/{taskId}")
        .path("/api/v1/verifications/" + task)
        .allow(REPORT_READERS)
        .expect(200);
    // the assigned collector passes the gate; no on-site photo yet → 400 (nothing changes)
    m.op("POST", "/api/v1/verifications/{taskId}/result")
        .path("/api/v1/verifications/" + task + "/result")
        .allow("collector")
        .expect(400)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body("{\"collectorId\":\"" + COLLECTOR + "\",\"confirmed\":true}"));

    // --- collectors and collection units
    // -------------------------------------------------------------
    m.op("PUT", "/api/v1/collection-units/{id}")
        .path("/api/v1/collection-units/" + Fixtures.UNIT)
        .allow("admin", "shift-lead")
        .expect(200)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body(
                        "{\"name\":\"安全测试采集单位\",\"contractFrom\":\"2025-01-01\",\"contractTo\":\"2030-12-31\"}"));
    m.op("GET", "/api/v1/collection-units").allow(COLLECTOR_READERS).expect(200);
    m.op("GET", "/api/v1/collection-units/{id}")
        .path("/api/v1/collection-units/" + Fixtures.UNIT)
        .allow(COLLECTOR_READERS)
        .expect(200);
    m.op("PUT", "/api/v1/collectors/{id}")
        .path("/api/v1/collectors/C-MATRIX-2")
        .allow("admin", "shift-lead")
        .expect(200)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body("{\"name\":\"矩阵采集员\",\"unitId\":\"" + Fixtures.UNIT + "\"}"));
    m.op("GET", "/api/v1/collectors").allow(COLLECTOR_READERS).expect(200);
    m.op("GET", "/api/v1/collectors/{id}")
        .path("/api/v1/collectors/" + COLLECTOR)
        .allow(COLLECTOR_READERS)
        .expect(200);
    m.op("POST", "/api/v1/collectors/{id}/deactivation")
        .path("/api/v1/collectors/NO-SUCH-COLLECTOR/deactivation")
        .allow("admin", "shift-lead")
        .expect(404)
        .with(r -> r.contentType(ContentType.JSON).body("{\"reason\":\"矩阵\"}"));
    m.op("POST", "/api/v1/collectors/{id}/reactivation")
        .path("/api/v1/collectors/NO-SUCH-COLLECTOR/reactivation")
        .allow("admin", "shift-lead")
        .expect(404);
    m.op("PUT", "/api/v1/collectors/{id}/position")
        .path("/api/v1/collectors/" + COLLECTOR + "/position")
        .allow("collector")
        .expect(200)
        .with(r -> r.contentType(ContentType.JSON).body("{\"lon\":118.95,\"lat\":26.30}"));

    // --- duty roster (排班, issue 7)
    // ----------------------------------------------------------------
    String shift = matrixShift();
    // an unknown collector: every role allowed to record passes the gate and gets 400
    m.op("POST", "/api/v1/duty-shifts")
        .allow("admin", "shift-lead")
        .expect(400)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body(
                        "{\"collectorId\":\"NO-SUCH-COLLECTOR\",\"gridCodes\":[\"3501241000040007\"],"
                            + "\"start\":\"2026-01-01T08:00:00+08:00\",\"end\":\"2026-01-01T17:00:00+08:00\"}"));
    m.op("GET", "/api/v1/duty-shifts").allow(ROSTER_READERS).expect(200);
    m.op("GET", "/api/v1/duty-shifts/{id}")
        .path("/api/v1/duty-shifts/" + shift)
        .allow(ROSTER_READERS)
        .expect(200);
    m.op("PUT", "/api/v1/duty-shifts/{id}")
        .path("/api/v1/duty-shifts/" + missing)
        .allow("admin", "shift-lead")
        .expect(404)
        .with(
            r ->
                r.contentType(ContentType.JSON)
                    .body(
                        "{\"gridCodes\":[\"3501241000040007\"],\"start\":\"2026-01-01T08:00:00+08:00\","
                            + "\"end\":\"2026-01-01T17:00:00+08:00\",\"reason\":\"矩阵\"}"));
    m.op("POST", "/api/v1/duty-shifts/{id}/cancellation")
        .path("/api/v1/duty-shifts/" + missing + "/cancellation")
        .allow("admin", "shift-lead")
        .expect(404)
        .with(r -> r.contentType(ContentType.JSON).body("{\"reason\":\"矩阵\"}"));

    // --- the filing standard: published, public by design
    // ------------------------------------------
    m.op("GET", "/api/v1/filing-standard").publicOperation().expect(200);
    m.op("GET", "/api/v1/filing-standard/versions").publicOperation().expect(200);
    m.op("GET", "/api/v1/filing-standard/versions/{version}")
        .path("/api/v1/filing-standard/versions/1")
        .publicOperation()
        .expect(200);
    m.op("POST", "/api/v1/filing-standard/versions")
        .allow("admin")
        .expect(400)
        .with(r -> r.contentType(ContentType.JSON).body("{}"));

    // --- Open311 GeoReport v2 (issue 22): public at the HTTP layer like the filing standard; the
    // requests need the app's api_key (an open311-app client of the realm), never a bearer token,
    // so every role without a key is refused in the spec's shape (Open311Test covers the key)
    m.op("GET", "/open311/discovery.{format}")
        .path("/open311/discovery.json")
        .publicOperation()
        .expect(200);
    m.op("GET", "/open311/v2/services.{format}")
        .path("/open311/v2/services.xml")
        .publicOperation()
        .expect(200);
    m.op("GET", "/open311/v2/services/{serviceCode}.{format}")
        .path("/open311/v2/services/E-0101.json")
        .publicOperation()
        .expect(200);
    m.op("POST", "/open311/v2/requests.{format}")
        .path("/open311/v2/requests.json")
        .publicOperation()
        .expect(403)
        .with(r -> r.contentType(ContentType.URLENC).formParam("service_code", "E-0101"));
    m.op("GET", "/open311/v2/requests.{format}")
        .path("/open311/v2/requests.json")
        .publicOperation()
        .expect(403);
    m.op("GET", "/open311/v2/requests/{id}.{format}")
        .path("/open311/v2/requests/MQ20260000001.xml")
        .publicOperation()
        .expect(403);
    m.op("GET", "/open311/v2/tokens/{token}.{format}")
        .path("/open311/v2/tokens/" + UUID.randomUUID() + ".json")
        .publicOperation()
        .expect(403);

    // --- hotline status
    // ------------------------------------------------------------------------------
    m.op("GET", "/api/v1/hotline/tickets/{sourceRef}/status")
        .path("/api/v1/hotline/tickets/" + ticket + "/status")
        .allow("hotline-platform", "operator", "shift-lead", "admin")
        .expect(200);
    m.op("GET", "/api/v1/hotline/status-changes")
        .allow("hotline-platform", "operator", "shift-lead", "admin")
        .expect(200);

    // --- audit trail (platform)
    // --------------------------------------------------------------------
    m.op("GET", "/api/v1/audit").allow("supervision-office", "admin").expect(200);
    m.op("GET", "/api/v1/audit/verification").allow("supervision-office", "admin").expect(200);
    m.verify();
  }

  /** A refused call is recorded too, with who made it; the chain stays intact. */
  @Test
  void theAuditTrailRecordsIntakeCalls() {
    String user = "audit-probe-" + System.nanoTime();
    as(TestTokens.user(user, "dispatcher").build())
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"越权\"}")
        .post("/api/v1/reports/" + report + "/rejection")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(Fixtures.SUPERVISION)
        .queryParam("who", user)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1))
        .body("[0].status", org.hamcrest.Matchers.equalTo(403))
        .body(
            "[0].path", org.hamcrest.Matchers.equalTo("/api/v1/reports/" + report + "/rejection"));
    as(ADMIN)
        .get("/api/v1/audit/verification")
        .then()
        .statusCode(200)
        .body("intact", org.hamcrest.Matchers.equalTo(true));
    // the operator's decision is recorded under the operator's account
    as(OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"矩阵测试\"}")
        .post("/api/v1/reports/" + report + "/rejection")
        .then()
        .statusCode(200)
        .body("decidedBy", org.hamcrest.Matchers.equalTo("sec-operator"));
  }
}
