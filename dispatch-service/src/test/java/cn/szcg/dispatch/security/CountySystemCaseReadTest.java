package cn.szcg.dispatch.security;

import static cn.szcg.dispatch.api.Api.DISPATCHER;
import static cn.szcg.dispatch.api.Api.SHIFT_LEAD;
import static cn.szcg.dispatch.api.Api.body;
import static cn.szcg.dispatch.api.Api.file;
import static cn.szcg.dispatch.api.Api.ok;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.dispatch.api.Api;
import cn.szcg.dispatch.api.GisStub;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A county system (县级其他系统, its own realm client with role county-system; R-07, Art 39) reads a
 * case's state and outcome — nothing about the reporter, no staff names, no comments — changes
 * nothing, and every read is in the audit trail under its client id (docs/api.md, "County
 * systems").
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class CountySystemCaseReadTest {

  static final String WATER =
      TestTokens.user("service-account-county-water", "county-system")
          .client("county-water")
          .build();

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Test
  void readsStateAndOutcomeWithoutReporterAndIsAudited() {
    String caseId = file("C-0101", "350124100", null, false, Channel.HOTLINE);
    ok(DISPATCHER, caseId, "dispatch", body());

    Response open = shared(caseId);
    assertEquals(200, open.statusCode(), open.asString());
    Map<String, Object> v = open.jsonPath().getMap("$");
    assertEquals(caseId, v.get("caseId"));
    assertEquals("DISPATCHED", v.get("state"));
    assertEquals("C-0101", v.get("categoryCode"));
    assertEquals("350124100", v.get("townshipCode"));
    assertNotNull(v.get("responsibleUnitId"), v.toString());
    assertNotNull(v.get("responsibleUnitName"), v.toString());
    assertNotNull(v.get("filedAt"), v.toString());
    assertNotNull(v.get("dispatchedAt"), v.toString());
    assertNull(v.get("closedAt"), v.toString());
    assertNull(v.get("outcome"), v.toString());
    // Art 39 sharing: no reporter identity, no staff, no comments (whatever the case detail has)
    for (String k :
        List.of(
            "reporter",
            "reporterName",
            "reporterPhone",
            "phone",
            "description",
            "outcomeNote",
            "orders",
            "checks",
            "returns",
            "dispatchedBy",
            "checkCollectorId",
            "satisfaction",
            "position")) {
      assertFalse(v.containsKey(k), k + " shared: " + v);
    }

    // by 受理号 as well
    String reportNo = (String) v.get("reportNo");
    Response byNo = shared(reportNo);
    assertEquals(200, byNo.statusCode(), byNo.asString());
    assertEquals(caseId, byNo.jsonPath().getString("caseId"));

    // the outcome once the case is over
    ok(SHIFT_LEAD, caseId, "cancel", body("reason", "重复立案"));
    Map<String, Object> ended = shared(caseId).jsonPath().getMap("$");
    assertEquals("CANCELLED", ended.get("outcome"), ended.toString());
    assertEquals("已作废", ended.get("outcomeLabel"), ended.toString());
    assertNotNull(ended.get("closedAt"), ended.toString());

    // reads only: the case API and its commands stay closed to a county system
    given().auth().oauth2(WATER).get("/api/v1/cases/" + caseId).then().statusCode(403);
    given()
        .auth()
        .oauth2(WATER)
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/cases/" + caseId + "/dispatch")
        .then()
        .statusCode(403);

    // audited with the client id
    List<Map<String, Object>> rows =
        given()
            .auth()
            .oauth2(TestTokens.user("admin-1", "admin").build())
            .queryParam("who", "service-account-county-water")
            .queryParam("limit", 50)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    "GET".equals(r.get("method"))
                        && "county-water".equals(r.get("client"))
                        && ("/api/v1/shared/cases/" + caseId).equals(r.get("path"))
                        && Integer.valueOf(200).equals(r.get("status"))),
        rows.toString());
  }

  @Test
  void unknownCaseIsProblem404() {
    Response r = shared("NO-SUCH-CASE-SHARED");
    assertEquals(404, r.statusCode(), r.asString());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
  }

  @Test
  void otherRolesMayNotReadTheSharedView() {
    given()
        .auth()
        .oauth2(TestTokens.of("operator"))
        .get("/api/v1/shared/cases/NO-SUCH-CASE-SHARED")
        .then()
        .statusCode(403);
  }

  private static Response shared(String id) {
    return given().auth().oauth2(WATER).get("/api/v1/shared/cases/" + id);
  }
}
