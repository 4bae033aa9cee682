package cn.szcg.sla.infra;

import static cn.szcg.sla.infra.ClockLifecycleTest.awaitClocks;
import static cn.szcg.sla.infra.ClockLifecycleTest.t;
import static cn.szcg.sla.infra.Ev.hours;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 5 — two-level command is timed (二级派遣, R-02, R-13, R-14, Art 25; docs/sla-clocks.md
 * §1c): REDISPATCH_TO_SUB_UNIT starts SUB_DISPATCH_TO_SIGN_FOR (1 working hour) and SUB_HANDLING
 * (the township body's HANDLING deadline) for the sub-order and its department; SIGN_FOR_SUB_ORDER,
 * SUBMIT_SUB_FEEDBACK and APPROVE_SUB_ORDER_RETURN stop that sub-order's clocks only; warnings and
 * breaches carry the sub-order and the department; a department sees its own.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SubOrderClockTest {

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("operator"));
  }

  static CaseTransitioned sub(
      String c, long seq, String transition, String at, String subOrder, String dept, String o1) {
    CaseTransitioned x =
        Ev.transition(c, seq, transition, t(at), subOrder, dept, null, Zone.URBAN, false, null);
    return new CaseTransitioned(
        x.caseId(),
        x.sequence(),
        x.transition(),
        x.fromState(),
        x.toState(),
        "town-user",
        "UNIT_LEADER",
        "U-TOWN",
        x.at(),
        x.reason(),
        x.orderId(),
        x.unitId(),
        x.categoryCode(),
        x.zone(),
        x.emergency(),
        x.handlingLimit(),
        x.returnDeadline(),
        x.newDeadline(),
        x.overdueHandling(),
        x.publicReport(),
        Map.of("parentOrderId", o1, "parentUnitId", "U-TOWN", "unitName", dept));
  }

  @Test
  void subOrdersHaveSignForAndHandlingClocksOfTheirOwn() {
    // Mon 2026-03-02: the township body U-TOWN gets order O1 at 09:00, 4 working hours → 15:30.
    // 09:30 it re-dispatches S1 to department D-1, 09:40 S2 to D-2.
    String c = UUID.randomUUID().toString();
    String o1 = c + "-O1";
    String s1 = o1 + "-S1";
    String s2 = o1 + "-S2";
    Ev.sendAll(
        List.of(
            Ev.Out.of(
                c,
                t("2026-03-02T01:00:00Z"),
                Ev.transition(
                    c,
                    2,
                    "DISPATCH",
                    t("2026-03-02T01:00:00Z"),
                    o1,
                    "U-TOWN",
                    hours(4),
                    Zone.URBAN,
                    false,
                    null)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:30:00Z"),
                sub(c, 3, "REDISPATCH_TO_SUB_UNIT", "2026-03-02T01:30:00Z", s1, "D-1", o1)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:40:00Z"),
                sub(c, 4, "REDISPATCH_TO_SUB_UNIT", "2026-03-02T01:40:00Z", s2, "D-2", o1)),
            Ev.Out.of(
                c,
                t("2026-03-02T02:00:00Z"),
                sub(c, 5, "SIGN_FOR_SUB_ORDER", "2026-03-02T02:00:00Z", s1, "D-1", o1)),
            // D-2 asks to return (the sub-order stays open, its clocks run on) and is approved
            Ev.Out.of(
                c,
                t("2026-03-02T02:10:00Z"),
                sub(c, 6, "REQUEST_SUB_ORDER_RETURN", "2026-03-02T02:10:00Z", s2, "D-2", o1)),
            Ev.Out.of(
                c,
                t("2026-03-02T03:00:00Z"),
                sub(c, 7, "APPROVE_SUB_ORDER_RETURN", "2026-03-02T03:00:00Z", s2, "D-2", o1)),
            Ev.Out.of(
                c,
                t("2026-03-02T03:30:00Z"),
                sub(c, 8, "SUBMIT_SUB_FEEDBACK", "2026-03-02T03:30:00Z", s1, "D-1", o1))));
    JsonPath j =
        awaitClocks(
            c,
            x ->
                x.getList("findAll { it.stage.startsWith('SUB_') && it.state == 'STOPPED' }").size()
                    == 4);
    Map<String, Object> sign1 = of(j, "SUB_DISPATCH_TO_SIGN_FOR", s1);
    assertEquals("D-1", sign1.get("unitId"));
    assertEquals(o1, sign1.get("parentOrderId"));
    assertEquals("2026-03-02T02:30:00Z", sign1.get("deadline")); // 09:30 + 1 working hour
    assertEquals(true, sign1.get("onTime"));
    Map<String, Object> hand1 = of(j, "SUB_HANDLING", s1);
    assertEquals("2026-03-02T07:30:00Z", hand1.get("deadline")); // = U-TOWN's 15:30
    assertEquals(clockOf(j, "HANDLING").get("deadline"), hand1.get("deadline"));
    assertEquals(true, hand1.get("onTime"));
    assertTrue(((String) hand1.get("explanation")).contains("township body"));
    // S2 was never signed for: signed late? No — its return was approved 11:00, after the
    // 10:40 sign-for deadline: both stop at the approval, the sign-for clock breached
    Map<String, Object> sign2 = of(j, "SUB_DISPATCH_TO_SIGN_FOR", s2);
    assertEquals("2026-03-02T02:40:00Z", sign2.get("deadline"));
    assertEquals(false, sign2.get("onTime"));
    assertTrue(((String) sign2.get("stopReason")).startsWith("APPROVE_SUB_ORDER_RETURN"));
    Map<String, Object> hand2 = of(j, "SUB_HANDLING", s2);
    assertEquals(true, hand2.get("onTime"));
    // the township body's own clocks run on
    assertEquals("RUNNING", clockOf(j, "HANDLING").get("state"));

    // the breach of S2's sign-for is published for D-2 and the sub-order
    List<Ev.Read> events =
        Ev.clocksOf(
            c,
            Duration.ofSeconds(30),
            rs -> Ev.count(rs, "clock-breached", "SUB_DISPATCH_TO_SIGN_FOR") == 1);
    Ev.Read breach =
        events.stream()
            .filter(
                r ->
                    r.type().equals("clock-breached")
                        && r.data().path("stage").asText().equals("SUB_DISPATCH_TO_SIGN_FOR"))
            .findFirst()
            .orElseThrow();
    assertEquals(s2, breach.data().path("orderId").asText());
    assertEquals("D-2", breach.data().path("unitId").asText());
    assertEquals(1, Ev.count(events, "clock-warned", "SUB_DISPATCH_TO_SIGN_FOR"));

    // a department sees its own sub-order clocks, the township body its order and its
    // sub-orders, another unit nothing
    JsonPath d1 =
        given()
            .auth()
            .oauth2(TestTokens.ofUnit("unit-receiver", "D-1"))
            .get("/api/v1/cases/" + c + "/clocks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("D-1", "D-1"), d1.getList("unitId"));
    JsonPath town =
        given()
            .auth()
            .oauth2(TestTokens.ofUnit("unit-leader", "U-TOWN"))
            .get("/api/v1/cases/" + c + "/clocks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(town.getList("unitId").containsAll(List.of("U-TOWN", "D-1", "D-2")));
    given()
        .auth()
        .oauth2(TestTokens.ofUnit("unit-receiver", "D-9"))
        .get("/api/v1/cases/" + c + "/clocks")
        .then()
        .statusCode(404);
  }

  @Test
  void theCaseWideStopsStopSubOrderClocksAndAnEmergencysRunInNaturalTime() {
    String c = UUID.randomUUID().toString();
    String o1 = c + "-O1";
    String s1 = o1 + "-S1";
    Ev.sendAll(
        List.of(
            Ev.Out.of(
                c,
                t("2026-03-02T01:00:00Z"),
                Ev.transition(
                    c,
                    2,
                    "DISPATCH",
                    t("2026-03-02T01:00:00Z"),
                    o1,
                    "U-TOWN",
                    hours(4),
                    Zone.URBAN,
                    true,
                    null)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:30:00Z"),
                sub(c, 3, "REDISPATCH_TO_SUB_UNIT", "2026-03-02T01:30:00Z", s1, "D-1", o1)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:50:00Z"),
                Ev.transition(
                    c,
                    4,
                    "CANCEL",
                    t("2026-03-02T01:50:00Z"),
                    null,
                    null,
                    null,
                    Zone.URBAN,
                    true,
                    null))));
    JsonPath j =
        awaitClocks(
            c,
            x ->
                x.getList("findAll { it.stage.startsWith('SUB_') && it.state == 'STOPPED' }").size()
                    == 2);
    Map<String, Object> sign = of(j, "SUB_DISPATCH_TO_SIGN_FOR", s1);
    assertEquals("NATURAL", sign.get("timeKind"));
    assertEquals("2026-03-02T02:30:00Z", sign.get("deadline")); // 09:30 + 1 natural hour
    Map<String, Object> hand = of(j, "SUB_HANDLING", s1);
    assertEquals("NATURAL", hand.get("timeKind"));
    assertEquals("2026-03-02T05:00:00Z", hand.get("deadline")); // 09:00 + 4 natural hours
    assertTrue(((String) hand.get("stopReason")).startsWith("CANCEL"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> of(JsonPath j, String stage, String orderId) {
    List<Map<String, Object>> l =
        j.getList("findAll { it.stage == '" + stage + "' && it.orderId == '" + orderId + "' }");
    assertEquals(1, l.size(), stage + " " + orderId + " in " + j.prettify());
    return l.get(0);
  }

  static Map<String, Object> clockOf(JsonPath j, String stage) {
    return ClockLifecycleTest.clock(j, stage);
  }
}
