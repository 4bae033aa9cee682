package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Return (回退, R-16): approved (order withdrawn, the returning unit is not proposed again, the new
 * unit's order starts fresh), refused (the unit goes on), too late (after the return window), and
 * the window as sla-service computes it in working time (ClockStarted RETURN_WINDOW) replacing the
 * provisional natural hour.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class ReturnPathsTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static final String MEICHENG = "350124100"; // 梅城镇

  @Inject ShiftableClock clock;

  /** 上水井盖 in 梅城镇: the matrix proposes the water company. */
  static String dispatchedToWater() {
    String caseId = file("C-0101", MEICHENG, null, false, Channel.PATROL);
    JsonPath d = ok(DISPATCHER, caseId, "dispatch", body("requirements", "更换井盖"));
    assertEquals("U-WATER", d.getString("caseAfter.responsibleUnitId"));
    assertEquals("C-0101", d.getString("caseAfter.orders[0].decision.matchedRuleId"));
    return caseId;
  }

  @Test
  void returnApprovedWithdrawsTheOrderAndTheNewUnitStartsFresh() {
    String caseId = dispatchedToWater();
    ok(receiver("U-WATER"), caseId, "sign-for", null);
    ok(
        receiver("U-WATER"),
        caseId,
        "return-requests",
        body("reason", "属市政污水井，非供水设施", "proposedUnitId", "U-HOUSING"));
    // the unit cannot decide its own request
    assertEquals(
        403, post(receiver("U-WATER"), caseId, "return-requests/approve", null).statusCode());
    JsonPath a = ok(SHIFT_LEAD, caseId, "return-requests/approve", body("note", "同意"));
    assertEquals("AWAITING_DISPATCH", a.getString("caseAfter.state"));
    assertEquals("WITHDRAWN", a.getString("caseAfter.orders[0].status"));
    assertEquals(List.of("U-WATER"), a.getList("caseAfter.returnedUnitIds"));

    // the matrix no longer proposes the water company; plain dispatch to it is refused
    JsonPath p = given().get("/api/v1/cases/" + caseId + "/dispatch-proposal").jsonPath();
    assertFalse("U-WATER".equals(p.getString("proposedUnitId")), p.prettify());
    assertTrue(p.getList("excludedUnitIds").contains("U-WATER"));
    Response again =
        post(DISPATCHER, caseId, "dispatch", body("unitId", "U-WATER", "overrideReason", "再派"));
    assertEquals(409, again.statusCode(), again.asString());
    assertEquals("UNIT_RETURNED_CASE", again.jsonPath().getString("code"));

    // override without a reason: 422 naming the missing reason
    Response noReason = post(DISPATCHER, caseId, "dispatch", body("unitId", "U-HOUSING"));
    assertEquals(422, noReason.statusCode(), noReason.asString());
    assertEquals("MISSING_OVERRIDE_REASON", noReason.jsonPath().getString("code"));

    JsonPath d =
        ok(
            DISPATCHER,
            caseId,
            "dispatch",
            body(
                "unitId",
                "U-HOUSING",
                "overrideReason",
                "回退单位建议：市政污水井",
                "cooperatingUnitIds",
                List.of("U-WATER")));
    assertEquals("U-HOUSING", d.getString("caseAfter.responsibleUnitId"));
    assertEquals(caseId + "-O2", d.getString("caseAfter.currentOrderId"));
    assertEquals(1, d.getInt("caseAfter.orders[1].round"));
    assertTrue(d.getBoolean("caseAfter.orders[1].decision.overridden"));
    assertEquals(List.of("U-WATER"), d.getList("step.data.cooperatingUnitIds"));

    List<CaseTransitioned> ev = events(caseId, 6);
    assertEquals(
        List.of("OPEN", "DISPATCH", "SIGN_FOR", "REQUEST_RETURN", "APPROVE_RETURN", "DISPATCH"),
        ev.stream().map(CaseTransitioned::transition).toList());
    assertEquals("U-WATER", ev.get(4).unitId());
    assertEquals("U-HOUSING", ev.get(5).unitId());
    assertEquals("U-WATER", ev.get(5).data().get("cooperatingUnitIds"));
  }

  @Test
  void returnRefusedTheUnitGoesOn() {
    String caseId = dispatchedToWater();
    ok(
        receiver("U-WATER"),
        caseId,
        "return-requests",
        body("reason", "非我单位", "proposedUnitId", "U-HOUSING"));
    Response noReason = post(SHIFT_LEAD, caseId, "return-requests/refuse", body());
    assertEquals(400, noReason.statusCode());
    assertEquals("reason", noReason.jsonPath().getString("errors[0].field"));
    JsonPath r = ok(SHIFT_LEAD, caseId, "return-requests/refuse", body("reason", "经核实为供水井盖"));
    assertEquals("DISPATCHED", r.getString("caseAfter.state"));
    assertEquals("REFUSED", r.getString("caseAfter.returns[0].decision"));
    ok(receiver("U-WATER"), caseId, "sign-for", null);
    // once per order
    Response twice =
        post(
            receiver("U-WATER"),
            caseId,
            "return-requests",
            body("reason", "再次", "proposedUnitId", "U-HOUSING"));
    assertEquals(409, twice.statusCode());
    assertEquals("RETURN_ALREADY_REQUESTED", twice.jsonPath().getString("code"));
  }

  @Test
  void returnAfterTheWindowIsRefusedWithAClearError() {
    String caseId = dispatchedToWater();
    clock.advance(Duration.ofMinutes(61));
    Response late =
        post(
            receiver("U-WATER"),
            caseId,
            "return-requests",
            body("reason", "非我单位", "proposedUnitId", "U-HOUSING"));
    assertEquals(409, late.statusCode(), late.asString());
    assertEquals("RETURN_WINDOW_CLOSED", late.jsonPath().getString("code"));
    assertTrue(late.jsonPath().getString("detail").contains("回退"), late.asString());
    assertEquals("DISPATCHED", state(caseId));
  }

  @Test
  void theWorkingHourWindowFromSlaServiceReplacesTheProvisionalOne() {
    String caseId = dispatchedToWater();
    JsonPath c = given().get("/api/v1/cases/" + caseId).jsonPath();
    String orderId = c.getString("currentOrderId");
    Instant dispatchedAt = Instant.parse(c.getString("orders[0].dispatchedAt"));
    // e.g. dispatched on a Friday evening: the working hour ends on Monday morning
    Instant slaDeadline = dispatchedAt.plus(Duration.ofDays(3));
    ClockStarted started =
        new ClockStarted(
            caseId,
            "clk-" + orderId,
            "RETURN_WINDOW",
            orderId,
            "U-WATER",
            Zone.URBAN,
            false,
            new TimeLimit(1, LimitUnit.WORKING_HOURS),
            dispatchedAt,
            slaDeadline.minusSeconds(600),
            slaDeadline,
            "policy-1",
            "calendar-2026");
    TestEvents.send(
        bootstrap(), Topics.CLOCKS, EventCodec.wrap("sla-service", caseId, Instant.now(), started));
    await(
        () ->
            "SLA"
                .equals(
                    given()
                        .get("/api/v1/cases/" + caseId)
                        .jsonPath()
                        .getString("orders[0].returnDeadlineSource")));
    clock.advance(Duration.ofHours(2)); // past the natural hour, inside the working hour
    JsonPath r =
        ok(
            receiver("U-WATER"),
            caseId,
            "return-requests",
            body("reason", "非我单位", "proposedUnitId", "U-HOUSING"));
    assertEquals("RETURN_REQUESTED", r.getString("caseAfter.state"));
    assertEquals(slaDeadline.toString(), r.getString("step.data.returnDeadline"));
  }
}
