package cn.szcg.dispatch.security;

import static cn.szcg.dispatch.api.Api.DISPATCHER;
import static cn.szcg.dispatch.api.Api.body;
import static cn.szcg.dispatch.api.Api.file;
import static cn.szcg.dispatch.api.Api.handler;
import static cn.szcg.dispatch.api.Api.leader;
import static cn.szcg.dispatch.api.Api.ok;
import static cn.szcg.dispatch.api.Api.photo;
import static cn.szcg.dispatch.api.Api.post;
import static cn.szcg.dispatch.api.Api.receiver;
import static cn.szcg.dispatch.api.Api.state;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scoping by token (issue 8): a unit user sees and acts on the cases its unit holds an order of,
 * nothing else — another unit's case does not exist for it (404); a collector sees and reports only
 * the checks it was ordered to do (collector_id claim); a token with several roles acts in the one
 * the transition allows.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class CrossUnitAccessTest {

  static final Api.As WATER = receiver("U-WATER");
  static final Api.As SANITATION = receiver("U-SANITATION");

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Test
  void aWaterCompanyReceiverNeverSeesNorSignsForASanitationCase() {
    // 垃圾箱 in 梅城镇 → 环卫; 上水井盖 → the water company
    String sanitation = file("C-0302", "350124100", null, false, Channel.PATROL);
    JsonAssert.unit(ok(DISPATCHER, sanitation, "dispatch", body()), "U-SANITATION");
    String water = file("C-0101", "350124100", null, false, Channel.PATROL);
    JsonAssert.unit(ok(DISPATCHER, water, "dispatch", body()), "U-WATER");

    // the list: its own case, not the other one — not even when asked for by unit
    List<String> listed =
        WATER
            .spec()
            .queryParam("size", 200)
            .get("/api/v1/cases")
            .jsonPath()
            .getList("items.caseId");
    assertTrue(listed.contains(water), listed.toString());
    assertFalse(listed.contains(sanitation), listed.toString());
    assertEquals(
        0,
        WATER
            .spec()
            .queryParam("unitId", "U-SANITATION")
            .get("/api/v1/cases")
            .jsonPath()
            .getInt("total"));
    // reads: 404, as for a case that does not exist
    Response read = WATER.spec().get("/api/v1/cases/" + sanitation);
    assertEquals(404, read.statusCode(), read.asString());
    assertTrue(read.contentType().startsWith("application/problem+json"), read.contentType());
    assertEquals(404, WATER.spec().get("/api/v1/cases/" + sanitation + "/history").statusCode());
    // actions: 404, nothing changes
    assertEquals(404, post(WATER, sanitation, "sign-for", null).statusCode());
    assertEquals(
        404,
        post(
                leader("U-WATER"),
                sanitation,
                "return-requests",
                body("reason", "非本单位", "proposedUnitId", "U-HOUSING"))
            .statusCode());
    assertEquals(
        404,
        post(
                handler("U-WATER"),
                sanitation,
                "feedback",
                body("description", "已处理", "photoIds", List.of("p1")))
            .statusCode());
    assertEquals(
        404,
        post(leader("U-WATER"), sanitation, "sub-orders", body("subUnitId", "T-350124100-ENV"))
            .statusCode());
    assertEquals("DISPATCHED", state(sanitation));
    assertEquals(2L, given().get("/api/v1/cases/" + sanitation).jsonPath().getLong("sequence"));
    // the unit it was dispatched to sees it and signs for it
    assertEquals(200, SANITATION.spec().get("/api/v1/cases/" + sanitation).statusCode());
    ok(SANITATION, sanitation, "sign-for", null);
    // units: the list is reference data; another unit's contacts and orders are not
    assertEquals(200, WATER.spec().get("/api/v1/units").statusCode());
    assertEquals(200, WATER.spec().get("/api/v1/units/U-WATER").statusCode());
    assertEquals(403, WATER.spec().get("/api/v1/units/U-SANITATION").statusCode());
    assertEquals(403, WATER.spec().get("/api/v1/units/U-SANITATION/accountable").statusCode());
    assertEquals(403, WATER.spec().get("/api/v1/units/U-SANITATION/orders").statusCode());
    List<String> own =
        WATER.spec().get("/api/v1/units/U-WATER/orders").jsonPath().getList("items.caseId");
    assertTrue(own.contains(water) && !own.contains(sanitation), own.toString());
  }

  @Test
  void aUnitThatReturnedACaseStillReadsItButNoLongerActsOnIt() {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body());
    ok(WATER, caseId, "return-requests", body("reason", "属市政污水井", "proposedUnitId", "U-HOUSING"));
    ok(Api.SHIFT_LEAD, caseId, "return-requests/approve", body());
    ok(DISPATCHER, caseId, "dispatch", body("unitId", "U-HOUSING", "overrideReason", "市政污水井"));
    // it held an order of the case: it may read it; the domain refuses its acting (OTHER_UNIT)
    assertEquals(200, WATER.spec().get("/api/v1/cases/" + caseId).statusCode());
    Response sign = post(WATER, caseId, "sign-for", null);
    assertEquals(403, sign.statusCode(), sign.asString());
    assertEquals("OTHER_UNIT", sign.jsonPath().getString("code"));
    assertEquals(404, receiver("U-GAS").spec().get("/api/v1/cases/" + caseId).statusCode());
  }

  @Test
  void onlyTheCollectorOrderedReportsTheCheck() {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    Api.As c9 = new Api.As("collector9", "COLLECTOR", null);
    Api.As c7 = Api.COLLECTOR; // collector7
    ok(DISPATCHER, caseId, "dispatch", body());
    ok(WATER, caseId, "sign-for", null);
    ok(leader("U-WATER"), caseId, "leader-approval", null);
    String a = photo(handler("U-WATER"), caseId, "AFTER");
    ok(handler("U-WATER"), caseId, "feedback", body("description", "已更换", "photoIds", List.of(a)));
    // not (yet) a task of collector9: the case does not exist for it
    assertEquals(404, c9.spec().get("/api/v1/cases/" + caseId).statusCode());
    ok(DISPATCHER, caseId, "check-orders", body("collectorId", "collector9"));
    assertEquals(200, c9.spec().get("/api/v1/cases/" + caseId).statusCode());
    List<String> tasks =
        c9.spec()
            .queryParam("state", "CHECK_ORDERED")
            .queryParam("size", 200)
            .get("/api/v1/cases")
            .jsonPath()
            .getList("items.caseId");
    assertTrue(tasks.contains(caseId), tasks.toString());
    assertEquals(404, post(c7, caseId, "checks/pass", body("photoIds", List.of("k"))).statusCode());
    String k1 = photo(c9, caseId, "CHECK");
    ok(c9, caseId, "checks/fail", body("reason", "井盖仍松动", "photoIds", List.of(k1)));
    // next round, the check goes to collector7: collector9 still reads the case, may not report
    ok(WATER, caseId, "sign-for", null);
    ok(leader("U-WATER"), caseId, "leader-approval", null);
    String b = photo(handler("U-WATER"), caseId, "AFTER");
    ok(handler("U-WATER"), caseId, "feedback", body("description", "已加固", "photoIds", List.of(b)));
    ok(DISPATCHER, caseId, "check-orders", body("collectorId", "collector7"));
    // collector9's own check photo of the last round: a stored CHECK photo, yet not its check now
    Response other = post(c9, caseId, "checks/pass", body("photoIds", List.of(k1)));
    assertEquals(403, other.statusCode(), other.asString());
    assertEquals("NOT_ASSIGNED_COLLECTOR", other.jsonPath().getString("code"));
    // a collector token without collector_id cannot report a check at all
    Response anonymous =
        given()
            .auth()
            .oauth2(TestTokens.user("collector7", "collector").build())
            .contentType("application/json")
            .body(body("photoIds", List.of("k3")))
            .post("/api/v1/cases/" + caseId + "/checks/pass");
    assertEquals(404, anonymous.statusCode(), anonymous.asString());
    String k3 = photo(c7, caseId, "CHECK");
    ok(c7, caseId, "checks/pass", body("photoIds", List.of(k3)));
    assertEquals("CHECK_PASSED", state(caseId));
  }

  @Test
  void aTokenWithSeveralRolesActsInTheOneTheTransitionAllows() {
    String token = TestTokens.user("duty-officer", "dispatcher", "shift-lead").build();
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    Response coord =
        given()
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(body("reason", "管线权属不清"))
            .post("/api/v1/cases/" + caseId + "/coordination");
    assertEquals(200, coord.statusCode(), coord.asString());
    assertEquals("SHIFT_LEAD", coord.jsonPath().getString("step.actorRole"));
    List<String> allowed = coord.jsonPath().getList("caseAfter.allowedTransitions.transition");
    assertTrue(allowed.contains("RECORD_COORDINATION_AGREEMENT"), allowed.toString());
    Response agreed =
        given()
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(body("agreedUnitId", "U-WATER", "agreementText", "由自来水公司处置"))
            .post("/api/v1/cases/" + caseId + "/coordination/agreement");
    assertEquals(200, agreed.statusCode(), agreed.asString());
    assertEquals("duty-officer", agreed.jsonPath().getString("step.actorUserId"));
  }

  /** Small assertions on a command's answer. */
  static final class JsonAssert {
    static void unit(io.restassured.path.json.JsonPath after, String unit) {
      assertEquals(unit, after.getString("caseAfter.responsibleUnitId"));
    }
  }
}
