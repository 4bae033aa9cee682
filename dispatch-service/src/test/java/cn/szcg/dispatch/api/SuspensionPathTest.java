package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockDeadlineChanged;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 挂起/恢复 (缓办) over REST: the shift lead suspends a case under handling for a recorded reason and
 * resumes it; both steps reach szcg.cases as case-transitioned SUSPEND / RESUME (sla-service pauses
 * and resumes the clocks on them). Refusals are problem+json.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class SuspensionPathTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static final String UNIT = "U-GARDENS";

  static String inHandling(boolean emergency) {
    String caseId = file("C-0401", "350124100", null, emergency, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body("requirements", "修剪"));
    ok(receiver(UNIT), caseId, "sign-for", null);
    ok(leader(UNIT), caseId, "leader-approval", null);
    return caseId;
  }

  @Test
  void suspendedAndResumedByTheShiftLead() {
    String caseId = inHandling(false);
    JsonPath s =
        ok(
            SHIFT_LEAD,
            caseId,
            "suspension",
            body("reasonCode", "WEATHER", "reason", "台风“海葵”过境，暂停修剪"));
    assertEquals("SUSPENDED", s.getString("caseAfter.state"));
    assertEquals("SUSPEND", s.getString("step.transition"));
    // while suspended the unit cannot report
    Response fb =
        post(
            handler(UNIT),
            caseId,
            "feedback",
            body("description", "已修剪", "photoIds", List.of("a")));
    assertEquals(409, fb.statusCode(), fb.asString());
    assertTrue(fb.contentType().startsWith("application/problem+json"), fb.contentType());
    assertEquals("SUSPENDED", fb.jsonPath().getString("currentState"));
    JsonPath r = ok(SHIFT_LEAD, caseId, "resumption", body("note", "台风已过"));
    assertEquals("IN_HANDLING", r.getString("caseAfter.state"));
    String a = photo(handler(UNIT), caseId, "AFTER");
    ok(handler(UNIT), caseId, "feedback", body("description", "已修剪", "photoIds", List.of(a)));

    List<CaseTransitioned> ev = events(caseId, 7);
    CaseTransitioned suspend =
        ev.stream().filter(e -> e.transition().equals("SUSPEND")).findFirst().orElseThrow();
    assertEquals("IN_HANDLING", suspend.fromState());
    assertEquals("SUSPENDED", suspend.toState());
    assertEquals("SHIFT_LEAD", suspend.actorRole());
    assertEquals("台风“海葵”过境，暂停修剪", suspend.reason());
    assertEquals("WEATHER", suspend.data().get("suspensionReason"));
    assertEquals(UNIT, suspend.unitId());
    CaseTransitioned resume =
        ev.stream().filter(e -> e.transition().equals("RESUME")).findFirst().orElseThrow();
    assertEquals("SUSPENDED", resume.fromState());
    assertEquals("IN_HANDLING", resume.toState());
    assertEquals(suspend.at().toString(), resume.data().get("suspendedAt"));
    assertEquals(suspend.sequence() + 1, resume.sequence());
  }

  @Test
  void theHandlingDeadlineFollowsSlaAfterTheResumption() {
    // sla-service moves the HANDLING deadline on RESUME (clock-deadline-changed): the order shows
    // it
    String caseId = inHandling(false);
    String orderId =
        given().get("/api/v1/cases/" + caseId).jsonPath().getString("orders[0].orderId");
    Instant d1 = Instant.parse("2026-03-02T07:30:00Z");
    Instant d2 = Instant.parse("2026-03-03T07:30:00Z");
    ClockStarted started =
        new ClockStarted(
            caseId,
            "clk-s-" + orderId,
            "HANDLING",
            orderId,
            UNIT,
            Zone.URBAN,
            false,
            new TimeLimit(4, LimitUnit.WORKING_HOURS),
            d1.minusSeconds(4 * 3600 + 5 * 1800),
            d1.minusSeconds(2880),
            d1,
            "minqing-2016.1",
            "cn-2016-2026.1");
    ClockDeadlineChanged moved =
        new ClockDeadlineChanged(
            caseId, "clk-s-" + orderId, "HANDLING", orderId, UNIT, d1, d2, "RESUME 恢复", d2);
    TestEvents.send(
        bootstrap(), Topics.CLOCKS, EventCodec.wrap("sla-service", caseId, Instant.now(), started));
    TestEvents.send(
        bootstrap(), Topics.CLOCKS, EventCodec.wrap("sla-service", caseId, Instant.now(), moved));
    await(
        () ->
            d2.toString()
                .equals(
                    given()
                        .get("/api/v1/cases/" + caseId)
                        .jsonPath()
                        .getString("orders[0].handlingDeadline")));
  }

  @Test
  void refusals() {
    String caseId = inHandling(false);
    // not the shift lead
    Response role =
        post(leader(UNIT), caseId, "suspension", body("reasonCode", "WEATHER", "reason", "雨"));
    assertEquals(403, role.statusCode(), role.asString());
    // no kind of reason / unknown kind: 400 naming the field
    Response none = post(SHIFT_LEAD, caseId, "suspension", body("reason", "雨"));
    assertEquals(400, none.statusCode(), none.asString());
    assertTrue(none.asString().contains("reasonCode"), none.asString());
    Response unknown =
        post(SHIFT_LEAD, caseId, "suspension", body("reasonCode", "HOLIDAY", "reason", "雨"));
    assertEquals(400, unknown.statusCode(), unknown.asString());
    // resume a case that is not suspended: illegal transition
    Response notSuspended = post(SHIFT_LEAD, caseId, "resumption", null);
    assertEquals(409, notSuspended.statusCode(), notSuspended.asString());
    assertEquals("IN_HANDLING", state(caseId));
    // an emergency is never suspended
    String em = inHandling(true);
    Response e = post(SHIFT_LEAD, em, "suspension", body("reasonCode", "WEATHER", "reason", "暴雨"));
    assertEquals(409, e.statusCode(), e.asString());
    assertEquals("EMERGENCY_NOT_DEFERRABLE", e.jsonPath().getString("code"));
    assertTrue(e.jsonPath().getString("detail").startsWith("突发事件不得缓办"), e.asString());
    assertEquals("IN_HANDLING", state(em));
  }
}
