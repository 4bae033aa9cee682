package cn.szcg.sla.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.AuthzMatrix;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in sla-service (docs/security.md): every operation × every role, no token, an
 * expired and a foreign-signed token.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SlaAuthorizationMatrixTest {

  static final Set<String> CLOCK_READERS =
      Set.of(
          "operator",
          "shift-lead",
          "dispatcher",
          "supervision-office",
          "efficiency-office",
          "county-government",
          "admin",
          "unit-receiver",
          "unit-leader",
          "unit-handler");

  /** Every person (the machine clients have no inbox). */
  static final Set<String> PEOPLE =
      Set.of(
          "collector",
          "operator",
          "shift-lead",
          "dispatcher",
          "unit-receiver",
          "unit-leader",
          "unit-handler",
          "efficiency-office",
          "supervision-office",
          "county-government",
          "admin");

  @Test
  void everyOperationTimesEveryRole() {
    AuthzMatrix m = new AuthzMatrix();
    m.op("GET", "/api/v1/calendar/years/{year}")
        .path("/api/v1/calendar/years/2026")
        .allow(AuthzMatrix.ANY_ROLE)
        .expect(200);
    m.op("GET", "/api/v1/calendar/revisions").allow(AuthzMatrix.ANY_ROLE).expect(200);
    m.op("PUT", "/api/v1/calendar/years/{year}")
        .path("/api/v1/calendar/years/2031")
        .allow("admin")
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("POST", "/api/v1/calendar/years/{year}")
        .path("/api/v1/calendar/years/2031")
        .allow("admin")
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("POST", "/api/v1/calendar/ics")
        .allow("admin")
        .with(r -> r.contentType("text/calendar").body("not a calendar"));
    m.op("POST", "/api/v1/deadlines")
        .allow(AuthzMatrix.ANY_ROLE)
        .expect(200)
        .with(
            r ->
                r.contentType("application/json")
                    .body(
                        "{\"start\":\"2026-09-30T09:00:00+08:00\",\"amount\":2,\"unit\":\"WORKING_HOURS\"}"));
    m.op("GET", "/api/v1/deadlines")
        .allow(AuthzMatrix.ANY_ROLE)
        .expect(200)
        .with(
            r ->
                r.queryParam("start", "2026-09-30T09:00:00+08:00")
                    .queryParam("amount", 2)
                    .queryParam("unit", "WORKING_HOURS"));
    m.op("GET", "/api/v1/cases/{caseId}/clocks")
        .path("/api/v1/cases/MATRIX-1/clocks")
        .allow(CLOCK_READERS);
    m.op("GET", "/api/v1/clocks").allow(CLOCK_READERS).expect(200);
    m.op("GET", "/api/v1/audit").allow("supervision-office", "admin").expect(200);
    m.op("GET", "/api/v1/audit/verification").allow("supervision-office", "admin").expect(200);
    // notifications to people (issue 21, docs/notifications.md)
    m.op("GET", "/api/v1/notifications/mine").allow(PEOPLE).expect(200);
    m.op("POST", "/api/v1/notifications/mine/{id}/read")
        .path("/api/v1/notifications/mine/MATRIX-1/read")
        .allow(PEOPLE)
        .expect(404);
    m.op("GET", "/api/v1/notifications/preferences").allow(PEOPLE).expect(200);
    m.op("PUT", "/api/v1/notifications/preferences")
        .allow(PEOPLE)
        .expect(200)
        .with(r -> r.contentType("application/json").body("{}"));
    m.op("GET", "/api/v1/notifications")
        .allow("operator", "shift-lead", "dispatcher", "supervision-office", "admin")
        .expect(200);
    m.verify();
  }

  @Test
  void theAuditTrailRecordsTheCallerAndStaysIntact() {
    String user = "audit-probe-" + System.nanoTime();
    given()
        .auth()
        .oauth2(TestTokens.user(user, "admin").build())
        .contentType("text/calendar")
        .body("not a calendar")
        .post("/api/v1/calendar/ics")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(TestTokens.of("supervision-office"))
        .queryParam("who", user)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].method", equalTo("POST"))
        .body("[0].path", equalTo("/api/v1/calendar/ics"))
        .body("[0].status", equalTo(400))
        .body("[0].roles", equalTo("admin"));
    given()
        .auth()
        .oauth2(TestTokens.of("admin"))
        .get("/api/v1/audit/verification")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true));
  }

  @Test
  void aWriteRefusedForAnInvalidTokenIsAuditedToo() {
    String requestId = "refused-" + System.nanoTime();
    given()
        .auth()
        .oauth2(TestTokens.user("someone", "admin").expired().build())
        .header("X-Request-Id", requestId)
        .contentType("text/calendar")
        .body("x")
        .post("/api/v1/calendar/ics")
        .then()
        .statusCode(401);
    cn.szcg.testsupport.Await.until(
        "the refused call in the audit trail",
        java.time.Duration.ofSeconds(10),
        () ->
            given()
                    .auth()
                    .oauth2(TestTokens.of("admin"))
                    .queryParam("limit", 1000)
                    .get("/api/v1/audit")
                    .jsonPath()
                    .getList("findAll { it.requestId == '" + requestId + "' && it.status == 401 }")
                    .size()
                == 1);
  }
}
