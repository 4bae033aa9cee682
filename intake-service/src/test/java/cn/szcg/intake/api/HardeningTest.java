package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 in intake-service (docs/security.md "Hardening"): control characters, paging bounds,
 * idempotency that remembers the body, a hotline ticket registered once, the security headers and a
 * sanitised request id in the audit trail.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HardeningTest {

  static final String SUPERVISION = TestTokens.user("hd-supervision", "supervision-office").build();

  @BeforeEach
  void signIn() {
    Api.signIn(Api.OPERATOR);
  }

  // --- control characters -------------------------------------------------------------------

  @Test
  void aNulInAQueryParameterIsA400NamingIt() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/collectors?unitId=U%00X")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("unitId"))
        .body("errors[0].code", equalTo("control-character"));
  }

  @Test
  void aNulInAPathParameterIsA400NamingIt() {
    Api.as(Api.HOTLINE)
        .urlEncodingEnabled(false)
        .get("/api/v1/hotline/tickets/T%00X/status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("sourceRef"))
        .body("detail", containsString("U+0000"));
  }

  @Test
  void aNulOrAnotherControlCharacterInAJsonStringIsA400NamingItsPath() {
    for (String bad : List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f")) {
      Api.sender(Api.hotline("HD-CC-" + UUID.randomUUID(), "REPORT").replace("路灯", "路" + bad))
          .post("/api/v1/reports")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("description"))
          .body("errors[0].code", equalTo("control-character"));
    }
    // nested: the reporter's name
    Api.sender(Api.hotline("HD-CC-" + UUID.randomUUID(), "REPORT").replace("张三", "张\\u0000三"))
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reporter.name"));
    // line breaks and tabs are text
    Api.sender(Api.hotline("HD-CC-" + UUID.randomUUID(), "REPORT").replace("路灯", "路\\n\\t灯\\r\\n"))
        .post("/api/v1/reports")
        .then()
        .statusCode(201);
  }

  // --- paging -------------------------------------------------------------------------------

  @Test
  void pagingParametersAreBounded() {
    for (String page : List.of("2147483647", "100001", "-1", "99999999999999999999")) {
      given()
          .queryParam("page", page)
          .get("/api/v1/reports")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("page"));
    }
    for (String size : List.of("0", "501", "-5", "2147483648")) {
      given()
          .queryParam("size", size)
          .get("/api/v1/verifications")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("size"));
    }
    given()
        .queryParam("page", 100000)
        .queryParam("size", 200)
        .get("/api/v1/reports")
        .then()
        .statusCode(200);
  }

  // --- idempotency ----------------------------------------------------------------------------

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    String key = "hd-" + UUID.randomUUID();
    String body = Api.hotline("HD-K-" + UUID.randomUUID(), "REPORT");
    String id =
        Api.sender(body)
            .header("Idempotency-Key", key)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // the same body, spaced differently: the first report
    Api.sender(body.replace(",", " , "))
        .header("Idempotency-Key", key)
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    // another body under the same key
    Api.sender(Api.hotline("HD-K-" + UUID.randomUUID(), "REPORT"))
        .header("Idempotency-Key", key)
        .post("/api/v1/reports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void aHotlineTicketIsRegisteredOnce() {
    String ticket = "HD-T-" + UUID.randomUUID();
    String body = Api.hotline(ticket, "REPORT");
    String id = Api.register(body);
    // pushed again without a key, and under a key: the first report
    Api.sender(body).post("/api/v1/reports").then().statusCode(200).body("id", equalTo(id));
    Api.sender(body)
        .header("Idempotency-Key", "hd-" + UUID.randomUUID())
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    // the same ticket with other content: 409 naming sourceRef
    Api.sender(body.replace("路灯不亮", "井盖缺失"))
        .post("/api/v1/reports")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("sourceRef"));
    List<String> ids =
        Api.as(Api.OPERATOR)
            .queryParam("channel", "HOTLINE")
            .queryParam("size", 200)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .path("items.findAll { it.sourceRef == '" + ticket + "' }.id");
    assertEquals(List.of(id), ids);
  }

  // --- headers ------------------------------------------------------------------------------

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    Response api = given().get("/api/v1/reports");
    assertEquals(200, api.statusCode());
    assertEquals("nosniff", api.header("X-Content-Type-Options"));
    assertEquals("no-store", api.header("Cache-Control"));
    assertEquals("DENY", api.header("X-Frame-Options"));
    // refusals too
    Response refused = given().header("Authorization", "Bearer x").get("/api/v1/reports");
    assertEquals(401, refused.statusCode());
    assertEquals("nosniff", refused.header("X-Content-Type-Options"));
    assertEquals("no-store", refused.header("Cache-Control"));
    // Swagger UI may not be framed
    Response ui = given().redirects().follow(true).get("/q/swagger-ui/");
    assertEquals(200, ui.statusCode());
    assertEquals("DENY", ui.header("X-Frame-Options"));
    assertTrue(ui.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("nosniff", ui.header("X-Content-Type-Options"));
  }

  @Test
  void theRequestIdIsStoredSanitised() {
    String marker = "hd-" + UUID.randomUUID();
    String raw = marker + "<é>" + "x".repeat(300);
    Api.as(Api.OPERATOR)
        .header("X-Request-Id", raw)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400);
    List<Map<String, Object>> rows =
        Api.as(SUPERVISION)
            .queryParam("limit", 1000)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.requestId != null && it.requestId.startsWith('" + marker + "') }");
    assertEquals(1, rows.size(), rows.toString());
    String stored = (String) rows.get(0).get("requestId");
    assertNotNull(stored);
    assertEquals(128, stored.length(), stored);
    assertEquals(marker + "<_>", stored.substring(0, marker.length() + 3));
    assertTrue(stored.chars().allMatch(c -> c >= 0x20 && c < 0x7f), stored);
  }

  // --- tokens meant for someone else ------------------------------------------------------------

  @Test
  void tokensOfKeycloaksOwnClientsAreRefused() {
    for (String client : List.of("admin-cli", "account-console", "security-admin-console")) {
      String token = TestTokens.user("hd-" + client, "operator").client(client).build();
      Api.as(token)
          .get("/api/v1/reports")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", containsString("Bearer"));
      // also where the token would only be recorded (a refused write)
      Api.as(token)
          .contentType(ContentType.JSON)
          .body("{}")
          .post("/api/v1/reports")
          .then()
          .statusCode(401);
    }
    for (String client : List.of("szcg-web", "szcg-mobile")) {
      Api.as(TestTokens.user("hd-" + client, "operator").client(client).build())
          .get("/api/v1/reports")
          .then()
          .statusCode(200);
    }
  }
}
