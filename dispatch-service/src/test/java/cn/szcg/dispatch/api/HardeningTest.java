package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 in dispatch-service (docs/security.md "Hardening"): a control character in a list
 * filter, a path id or a step's JSON body is a 400 naming it (was a 500 from PostgreSQL), paging is
 * bounded, and the API answers carry the security headers.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class HardeningTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Test
  void aNulInAListFilterIsA400NamingIt() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/cases?township=35%00124")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("township"))
        .body("errors[0].code", equalTo("control-character"));
  }

  @Test
  void aNulInAPathIdIsA400NamingIt() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/units/U-WATER%00")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("unitId"));
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/cases/C%01X/history")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("caseId"));
  }

  @Test
  void aNulInAStepBodyIsA400NamingTheField() {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    Response r = post(DISPATCHER, caseId, "coordination", body("reason", "权属\u0000不清"));
    assertEquals(400, r.statusCode(), r.asString());
    assertEquals("reason", r.jsonPath().getString("errors[0].field"));
    assertEquals("control-character", r.jsonPath().getString("errors[0].code"));
    assertEquals(1L, given().get("/api/v1/cases/" + caseId).jsonPath().getLong("sequence"));
  }

  @Test
  void pagingIsBounded() {
    given()
        .queryParam("page", Integer.MAX_VALUE)
        .get("/api/v1/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("page"));
    given()
        .queryParam("size", 0)
        .get("/api/v1/units")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
  }

  @Test
  void apiAnswersAreNotSniffedFramedOrStored() {
    Response r = given().get("/api/v1/units");
    assertEquals(200, r.statusCode());
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    assertEquals("DENY", r.header("X-Frame-Options"));
    assertEquals("no-store", r.header("Cache-Control"));
  }
}
