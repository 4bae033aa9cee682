package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal is application/problem+json: illegal transition 409 naming the state and the
 * allowed steps, wrong role or other unit 403, unknown case 404, bad body 400 naming the field —
 * and nothing is half-written.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class ErrorsTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Test
  void illegalTransitionNamesTheStateAndTheAllowedSteps() {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    Response r = post(OPERATOR, caseId, "close", null);
    assertEquals(409, r.statusCode());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    assertEquals("ILLEGAL_TRANSITION", r.jsonPath().getString("code"));
    assertEquals("AWAITING_DISPATCH", r.jsonPath().getString("currentState"));
    assertEquals("CLOSE", r.jsonPath().getString("attempted"));
    List<String> allowed = r.jsonPath().getList("allowedTransitions.transition");
    assertTrue(
        allowed.contains("DISPATCH") && allowed.contains("START_COORDINATION"), allowed.toString());
    assertTrue(r.jsonPath().getString("title").startsWith("状态不允许此操作"));
    assertEquals(1L, given().get("/api/v1/cases/" + caseId).jsonPath().getLong("sequence"));
  }

  @Test
  void wrongRoleIsForbiddenAndAnotherUnitsCaseIsNotFound() {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    Response byUnit = post(receiver("U-WATER"), caseId, "dispatch", body());
    assertEquals(403, byUnit.statusCode());
    assertTrue(byUnit.contentType().startsWith("application/problem+json"), byUnit.contentType());
    Response byOperator = post(OPERATOR, caseId, "coordination", body("reason", "x"));
    assertEquals(403, byOperator.statusCode(), byOperator.asString());
    assertEquals(1L, given().get("/api/v1/cases/" + caseId).jsonPath().getLong("sequence"));
    ok(DISPATCHER, caseId, "dispatch", body());
    // the case is the water company's: for another unit it does not exist
    Response other = post(receiver("U-HOUSING"), caseId, "sign-for", null);
    assertEquals(404, other.statusCode(), other.asString());
    assertEquals(404, receiver("U-HOUSING").spec().get("/api/v1/cases/" + caseId).statusCode());
    // the allowed steps follow the actor
    List<String> forWater =
        receiver("U-WATER")
            .spec()
            .get("/api/v1/cases/" + caseId)
            .jsonPath()
            .getList("allowedTransitions.transition");
    assertEquals(List.of("SIGN_FOR", "REQUEST_RETURN"), forWater);
    List<String> forHandler =
        handler("U-WATER")
            .spec()
            .get("/api/v1/cases/" + caseId)
            .jsonPath()
            .getList("allowedTransitions.transition");
    assertTrue(forHandler.isEmpty(), forHandler.toString());
  }

  @Test
  void unknownCaseIs404() {
    Response r = post(DISPATCHER, "no-such-case", "dispatch", body());
    assertEquals(404, r.statusCode());
    assertEquals(404, given().get("/api/v1/cases/no-such-case").statusCode());
    assertEquals(404, given().get("/api/v1/cases/no-such-case/history").statusCode());
  }

  @Test
  void badBodiesAre400NamingTheField() {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body());
    ok(receiver("U-WATER"), caseId, "sign-for", null);
    ok(leader("U-WATER"), caseId, "leader-approval", null);
    Response noPhotos = post(handler("U-WATER"), caseId, "feedback", body("description", "已处理"));
    assertEquals(400, noPhotos.statusCode());
    assertEquals("photoIds", noPhotos.jsonPath().getString("errors[0].field"));
    Response unknown =
        post(
            handler("U-WATER"),
            caseId,
            "feedback",
            body("description", "x", "photoIds", List.of("p"), "colour", "red"));
    assertEquals(400, unknown.statusCode());
    assertEquals("colour", unknown.jsonPath().getString("errors[0].field"));
    Response badLevel = post(OPERATOR, caseId, "satisfaction", body("level", "THRILLED"));
    assertEquals(400, badLevel.statusCode());
    assertEquals("level", badLevel.jsonPath().getString("errors[0].field"));
    Response noBody = post(SHIFT_LEAD, caseId, "cancel", null);
    assertEquals(400, noBody.statusCode(), noBody.asString());
    Response badUnit = post(leader("U-WATER"), caseId, "sub-orders", body("subUnitId", "NOPE"));
    assertEquals(400, badUnit.statusCode());
    assertEquals("subUnitId", badUnit.jsonPath().getString("errors[0].field"));
    // the water company has no departments
    Response notSub =
        post(leader("U-WATER"), caseId, "sub-orders", body("subUnitId", "T-350124100-ENV"));
    assertEquals(409, notSub.statusCode(), notSub.asString());
    assertEquals("NOT_A_SUB_UNIT", notSub.jsonPath().getString("code"));
    Response badFilter = given().queryParam("state", "SLEEPING").get("/api/v1/cases");
    assertEquals(400, badFilter.statusCode());
    assertEquals("state", badFilter.jsonPath().getString("errors[0].field"));
    Response bigPage = given().queryParam("size", 500).get("/api/v1/cases");
    assertEquals(400, bigPage.statusCode());
    // nothing half-written
    assertEquals(4L, given().get("/api/v1/cases/" + caseId).jsonPath().getLong("sequence"));
    assertEquals(
        4,
        given().get("/api/v1/cases/" + caseId + "/history").jsonPath().getList("sequence").size());
  }

  @Test
  void theOpenApiDocumentDescribesTheCommands() {
    String doc = given().queryParam("format", "json").get("/q/openapi").asString();
    for (String path :
        List.of(
            "/api/v1/cases/{caseId}/dispatch",
            "/api/v1/cases/{caseId}/return-requests/approve",
            "/api/v1/cases/{caseId}/sub-orders/{subOrderId}/feedback",
            "/api/v1/cases/{caseId}/escalation-to-county-government",
            "/api/v1/cases/{caseId}/law-enforcement-transfer",
            "/api/v1/units/{unitId}/accountable",
            "/api/v1/responsibility-rules/{ruleId}")) {
      assertTrue(doc.contains(path), path);
    }
    assertTrue(doc.contains("派遣 / dispatch"));
  }
}
