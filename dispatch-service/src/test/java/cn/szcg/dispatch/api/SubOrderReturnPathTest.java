package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.dispatch.infra.ShiftableClock;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 二级回退 through the API (R-02, R-16, Art 25): the department asks within the window, goes on
 * meanwhile, the township body approves or refuses; every refusal is a problem+json; the events
 * carry the sub-order, the department, the township body and every unit's registered name.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class SubOrderReturnPathTest {

  static final String TOWN = "350124106"; // 坂东镇
  static final String TOWN_BODY = "T-" + TOWN;
  static final String DEPT = TOWN_BODY + "-ENV";
  static final String PLAN = TOWN_BODY + "-PLAN";

  @Inject ShiftableClock clock;

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  /** A case of 坂东镇 held by its government and re-dispatched to its 环境卫生管理站. */
  static String[] subOrdered() {
    String caseId = file("E-0104", TOWN, null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body("requirements", "当日清理"));
    ok(receiver(TOWN_BODY), caseId, "sign-for", null);
    ok(leader(TOWN_BODY), caseId, "leader-approval", null);
    JsonPath sub = ok(leader(TOWN_BODY), caseId, "sub-orders", body("subUnitId", DEPT));
    return new String[] {caseId, sub.getString("step.orderId")};
  }

  static String path(String subId, String action) {
    return "sub-orders/" + subId + "/return-requests" + action;
  }

  @Test
  void approvedReturnWithdrawsTheSubOrderAndEveryEventNamesItsUnit() {
    String[] s = subOrdered();
    String caseId = s[0];
    String subId = s[1];
    JsonPath req =
        ok(
            receiver(DEPT),
            caseId,
            path(subId, ""),
            body("reason", "系供水管道破裂，非环卫职责", "suggestedUnitId", "U-WATER"));
    assertEquals("REQUEST_SUB_ORDER_RETURN", req.getString("step.transition"));
    assertEquals("IN_HANDLING", req.getString("caseAfter.state"));
    // the department goes on meanwhile
    ok(receiver(DEPT), caseId, "sub-orders/" + subId + "/sign-for", null);
    // a department cannot decide; another township body cannot either
    Response self = post(leader(DEPT), caseId, path(subId, "/approve"), null);
    assertEquals(403, self.statusCode(), self.asString());
    assertEquals("application/problem+json", self.contentType());
    Response other = post(leader("T-350124100"), caseId, path(subId, "/approve"), null);
    assertEquals(404, other.statusCode(), other.asString()); // not its case at all
    JsonPath a = ok(leader(TOWN_BODY), caseId, path(subId, "/approve"), body("note", "镇里转自来水公司"));
    assertEquals("RETURNED", a.getString("caseAfter.orders[1].status"));
    // the same department is not sent the order again; another is
    Response again = post(leader(TOWN_BODY), caseId, "sub-orders", body("subUnitId", DEPT));
    assertEquals(409, again.statusCode(), again.asString());
    assertEquals("SUB_UNIT_RETURNED", again.jsonPath().getString("code"));
    ok(leader(TOWN_BODY), caseId, "sub-orders", body("subUnitId", PLAN));

    List<CaseTransitioned> events = events(caseId, 9);
    CaseTransitioned request = step(events, "REQUEST_SUB_ORDER_RETURN");
    assertEquals(subId, request.orderId());
    assertEquals(DEPT, request.unitId());
    assertEquals(caseId + "-O1", request.data().get("parentOrderId"));
    assertEquals(TOWN_BODY, request.data().get("parentUnitId"));
    assertEquals("U-WATER", request.data().get("suggestedUnitId"));
    assertNotNull(request.data().get("returnDeadline"));
    CaseTransitioned approve = step(events, "APPROVE_SUB_ORDER_RETURN");
    assertEquals(subId, approve.orderId());
    assertEquals(DEPT, approve.unitId());
    assertEquals(TOWN_BODY, approve.data().get("parentUnitId"));
    assertEquals("U-WATER", approve.data().get("suggestedUnitId"));
    assertEquals(TOWN_BODY, step(events, "SIGN_FOR_SUB_ORDER").data().get("parentUnitId"));

    // data.unitName: every event with a unitId carries the unit's registered name
    Map<String, String> names =
        Map.of(TOWN_BODY, "坂东镇人民政府", DEPT, "坂东镇环境卫生管理站", PLAN, "坂东镇村镇规划建设办公室");
    int named = 0;
    for (CaseTransitioned e : events) {
      if (e.unitId() != null) {
        assertEquals(names.get(e.unitId()), e.data().get("unitName"), e.transition());
        named++;
      } else {
        assertTrue(!e.data().containsKey("unitName"), e.transition());
      }
    }
    assertEquals(8, named);
  }

  @Test
  void refusedReturnNeedsAReasonAndTheDepartmentGoesOn() {
    String[] s = subOrdered();
    String caseId = s[0];
    String subId = s[1];
    // suggested unit must be registered; reason required
    Response unknown =
        post(
            receiver(DEPT),
            caseId,
            path(subId, ""),
            body("reason", "非本部门", "suggestedUnitId", "U-NO-SUCH"));
    assertEquals(400, unknown.statusCode(), unknown.asString());
    assertEquals("suggestedUnitId", unknown.jsonPath().getString("errors[0].field"));
    Response noReason =
        post(receiver(DEPT), caseId, path(subId, ""), body("suggestedUnitId", "U-WATER"));
    assertEquals(400, noReason.statusCode(), noReason.asString());
    assertEquals("application/problem+json", noReason.contentType());
    // nothing pending yet
    Response nothing = post(leader(TOWN_BODY), caseId, path(subId, "/refuse"), body("reason", "x"));
    assertEquals(409, nothing.statusCode(), nothing.asString());
    assertEquals("NO_PENDING_SUB_ORDER_RETURN", nothing.jsonPath().getString("code"));
    // an unknown sub-order
    Response missing =
        post(leader(TOWN_BODY), caseId, path(subId + "9", "/refuse"), body("reason", "x"));
    assertEquals(404, missing.statusCode(), missing.asString());

    ok(receiver(DEPT), caseId, path(subId, ""), body("reason", "非本部门", "suggestedUnitId", PLAN));
    Response again =
        post(
            receiver(DEPT),
            caseId,
            path(subId, ""),
            body("reason", "再申请", "suggestedUnitId", PLAN));
    assertEquals(409, again.statusCode(), again.asString());
    assertEquals("RETURN_ALREADY_REQUESTED", again.jsonPath().getString("code"));
    Response blank = post(leader(TOWN_BODY), caseId, path(subId, "/refuse"), body());
    assertEquals(400, blank.statusCode(), blank.asString());
    JsonPath r = ok(leader(TOWN_BODY), caseId, path(subId, "/refuse"), body("reason", "属环卫站职责"));
    assertEquals("REFUSE_SUB_ORDER_RETURN", r.getString("step.transition"));
    assertEquals("DISPATCHED", r.getString("caseAfter.orders[1].status"));
    ok(receiver(DEPT), caseId, "sub-orders/" + subId + "/sign-for", null);
    ok(
        handler(DEPT),
        caseId,
        "sub-orders/" + subId + "/feedback",
        body("description", "已清理", "photoIds", List.of(photo(handler(DEPT), caseId, "SUB_AFTER"))));
  }

  @Test
  void theWindowIsSlaServicesWorkingHourOfTheSubDispatch() {
    String[] s = subOrdered();
    String caseId = s[0];
    String subId = s[1];
    JsonPath c = given().get("/api/v1/cases/" + caseId).jsonPath();
    Instant subDispatchedAt = Instant.parse(c.getString("orders[1].dispatchedAt"));
    // sla-service: the sub-order's sign-for clock (1 working hour) ended already
    Instant slaDeadline = subDispatchedAt.plusSeconds(1);
    ClockStarted started =
        new ClockStarted(
            caseId,
            "clk-sub-" + subId,
            "SUB_DISPATCH_TO_SIGN_FOR",
            subId,
            DEPT,
            Zone.URBAN,
            false,
            new TimeLimit(1, LimitUnit.WORKING_HOURS),
            subDispatchedAt,
            slaDeadline.minusMillis(500),
            slaDeadline,
            "policy-1",
            "calendar-2026");
    TestEvents.send(
        bootstrap(), Topics.CLOCKS, EventCodec.wrap("sla-service", caseId, Instant.now(), started));
    await(
        () ->
            slaDeadline
                .toString()
                .equals(
                    given()
                        .get("/api/v1/cases/" + caseId)
                        .jsonPath()
                        .getString("orders[1].returnDeadline")));
    clock.advance(Duration.ofSeconds(2));
    Response late =
        post(
            receiver(DEPT),
            caseId,
            path(subId, ""),
            body("reason", "非本部门", "suggestedUnitId", "U-WATER"));
    assertEquals(409, late.statusCode(), late.asString());
    assertEquals("RETURN_WINDOW_CLOSED", late.jsonPath().getString("code"));
  }

  static CaseTransitioned step(List<CaseTransitioned> events, String transition) {
    return events.stream().filter(e -> transition.equals(e.transition())).findFirst().orElseThrow();
  }
}
