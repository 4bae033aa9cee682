package cn.szcg.intake.security;

import static io.restassured.RestAssured.given;

import cn.szcg.testsupport.security.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Tokens and set-up steps shared by the intake security tests (explicit tokens, no default). */
final class Fixtures {

  private Fixtures() {}

  static final String OPERATOR = TestTokens.user("sec-operator", "operator").build();
  static final String SHIFT_LEAD = TestTokens.user("sec-lead", "shift-lead").build();
  static final String DISPATCHER = TestTokens.user("sec-dispatcher", "dispatcher").build();
  static final String SUPERVISION =
      TestTokens.user("sec-supervision", "supervision-office").build();
  static final String EFFICIENCY = TestTokens.user("sec-efficiency", "efficiency-office").build();
  static final String ADMIN = TestTokens.user("sec-admin", "admin").build();
  static final String HOTLINE =
      TestTokens.user("service-account-hotline-12345", "hotline-platform")
          .client("hotline-12345")
          .build();
  static final String COUNTY =
      TestTokens.user("service-account-county-systems", "county-system")
          .client("county-systems")
          .build();

  static String collector(String id) {
    return TestTokens.user("collector-" + id, "collector")
        .client("szcg-mobile")
        .collector(id)
        .build();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  static final String UNIT = "U-SEC-01";

  /** A certified, active collector of a unit under contract (idempotent). */
  static void eligibleCollector(String id) {
    as(ADMIN)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"安全测试采集单位\",\"contractFrom\":\"2025-01-01\",\"contractTo\":\"2030-12-31\"}")
        .put("/api/v1/collection-units/" + UNIT)
        .then()
        .statusCode(200);
    as(ADMIN)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"采集员"
                + id
                + "\",\"unitId\":\""
                + UNIT
                + "\",\"certificate\":{\"number\":\"SEC-"
                + id
                + "\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2030-12-31\"}}")
        .put("/api/v1/collectors/" + id)
        .then()
        .statusCode(200);
  }

  static String patrol(String collectorId, double lon, double lat) {
    return "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
        + "\"location\":{\"lon\":"
        + lon
        + ",\"lat\":"
        + lat
        + "},\"description\":\"巡查发现\",\"collectorId\":\""
        + collectorId
        + "\"}";
  }

  static String hotline(String sourceRef) {
    return "{\"channel\":\"HOTLINE\",\"kind\":\"REPORT\",\"description\":\"市民来电反映路灯不亮\","
        + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"sourceRef\":\""
        + sourceRef
        + "\",\"reporter\":{\"name\":\"张三丰\",\"phone\":\"13812345678\"}}";
  }

  /** Registers {@code body} as {@code token}; the new report's id. */
  static String register(String token, String body) {
    return as(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * dispatch-service dispatched case {@code caseId} to {@code unitId} (a DISPATCH step on
   * szcg.cases); returns once a user of that unit reads the report (intake learned the holder).
   */
  static void dispatchedTo(String caseId, String unitId) {
    var t =
        new cn.szcg.contracts.events.CaseTransitioned(
            caseId,
            2,
            "DISPATCH",
            "AWAITING_DISPATCH",
            "DISPATCHED",
            "sec-dispatcher",
            "DISPATCHER",
            null,
            java.time.Instant.now(),
            null,
            "O-" + unitId,
            unitId,
            "E-0101",
            cn.szcg.contracts.events.Zone.URBAN,
            false,
            null,
            null,
            null,
            false,
            false,
            java.util.Map.of());
    cn.szcg.testsupport.TestEvents.send(
        cn.szcg.testsupport.KafkaTestResource.kafka().bootstrapServers(),
        cn.szcg.contracts.Topics.CASES,
        cn.szcg.contracts.envelope.EventCodec.wrap(
            "dispatch-service", caseId, java.time.Instant.now(), t));
    String unit = TestTokens.ofUnit("unit-receiver", unitId);
    cn.szcg.testsupport.Await.until(
        "unit " + unitId + " holds " + caseId,
        java.time.Duration.ofSeconds(30),
        () -> as(unit).get("/api/v1/reports/" + caseId).then().extract().statusCode() == 200);
  }

  /** Operator asks collector {@code collectorId} to verify report {@code id}; the task id. */
  static String verificationTask(String id, String collectorId) {
    return as(OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"" + collectorId + "\"}")
        .post("/api/v1/reports/" + id + "/verification")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
