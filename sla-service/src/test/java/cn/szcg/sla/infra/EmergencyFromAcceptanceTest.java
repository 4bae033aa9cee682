package cn.szcg.sla.infra;

import static cn.szcg.sla.infra.ClockLifecycleTest.awaitClocks;
import static cn.szcg.sla.infra.ClockLifecycleTest.clock;
import static cn.szcg.sla.infra.ClockLifecycleTest.t;
import static cn.szcg.sla.infra.Ev.hours;
import static cn.szcg.sla.infra.Ev.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
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
 * Issue 16 point 2 — R-20 (Art 29: 处置时限…必须从受理之时起计算，不得缓办): an emergency's handling clock counts from
 * acceptance (the report's registration), in natural time, whether the emergency flag comes at
 * filing, on a later transition, or the dispatch is seen before the registration.
 *
 * <p>Mon 2026-03-02, Minqing (UTC+8): registered 09:00 (01:00Z), handling limit 4 working hours →
 * emergency: 4 natural hours from 09:00 = 13:00 (05:00Z), whenever the dispatch happened.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EmergencyFromAcceptanceTest {

  @BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("operator"));
  }

  private static final String REG = "2026-03-02T01:00:00Z";
  private static final String DUE = "2026-03-02T05:00:00Z";

  @Test
  void flaggedAtFilingTheHandlingClockStartsAtTheRegistration() {
    String c = UUID.randomUUID().toString();
    Ev.sendAll(
        List.of(
            Ev.Out.of(c, t(REG), Ev.registered(c, t(REG), Zone.URBAN)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:10:00Z"),
                Ev.filed(c, t(REG), t("2026-03-02T01:10:00Z"), hours(4), Zone.URBAN, true)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:40:00Z"),
                transition(
                    c,
                    2,
                    "DISPATCH",
                    t("2026-03-02T01:40:00Z"),
                    c + "-O1",
                    "U-ROADS",
                    hours(4),
                    Zone.URBAN,
                    true,
                    null))));
    JsonPath j = awaitClocks(c, x -> !x.getList("findAll { it.stage == 'HANDLING' }").isEmpty());
    Map<String, Object> h = clock(j, "HANDLING");
    assertEquals(REG, h.get("startedAt"));
    assertEquals(DUE, h.get("deadline"));
    assertEquals("NATURAL", h.get("timeKind"));
    String why = (String) h.get("explanation");
    assertTrue(why.contains("自受理之时起"), why);
    assertTrue(why.contains("counted from acceptance"), why);
    // sign-for measures the unit's reading of the order: from the dispatch, natural time
    Map<String, Object> s = clock(j, "DISPATCH_TO_SIGN_FOR");
    assertEquals("2026-03-02T01:40:00Z", s.get("startedAt"));
    assertEquals("2026-03-02T02:40:00Z", s.get("deadline"));
    assertEquals("NATURAL", s.get("timeKind"));
  }

  @Test
  void flaggedOnALaterTransitionTheRunningHandlingClockCountsFromAcceptance() {
    String c = UUID.randomUUID().toString();
    Ev.sendAll(
        List.of(
            Ev.Out.of(c, t(REG), Ev.registered(c, t(REG), Zone.URBAN)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:10:00Z"),
                Ev.filed(c, t(REG), t("2026-03-02T01:10:00Z"), hours(4), Zone.URBAN, false)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:40:00Z"),
                transition(
                    c,
                    2,
                    "DISPATCH",
                    t("2026-03-02T01:40:00Z"),
                    c + "-O1",
                    "U-ROADS",
                    hours(4),
                    Zone.URBAN,
                    false,
                    null))));
    // not an emergency yet: 4 working hours from the dispatch 09:40 → 16:10 (08:10Z)
    JsonPath j0 = awaitClocks(c, x -> !x.getList("findAll { it.stage == 'HANDLING' }").isEmpty());
    assertEquals("2026-03-02T08:10:00Z", clock(j0, "HANDLING").get("deadline"));
    Ev.send(
        c,
        t("2026-03-02T02:00:00Z"),
        transition(
            c,
            3,
            "SIGN_FOR",
            t("2026-03-02T02:00:00Z"),
            c + "-O1",
            "U-ROADS",
            null,
            Zone.URBAN,
            true,
            null));
    JsonPath j = awaitClocks(c, x -> DUE.equals(clock(x, "HANDLING").get("deadline")));
    Map<String, Object> h = clock(j, "HANDLING");
    assertEquals(REG, h.get("startedAt"));
    assertEquals("NATURAL", h.get("timeKind"));
    assertEquals(true, h.get("emergency"));
    List<Ev.Read> events =
        Ev.clocksOf(
            c,
            Duration.ofSeconds(30),
            rs -> Ev.count(rs, "clock-deadline-changed", "HANDLING") == 1);
    assertEquals(1, Ev.count(events, "clock-deadline-changed", "HANDLING"));
  }

  @Test
  void dispatchSeenBeforeTheRegistrationEndsWithTheSameDeadline() {
    // the two topics interleave: the dispatch (emergency) is applied first and starts the handling
    // clock at the dispatch; the registration then moves it to the acceptance
    String c = UUID.randomUUID().toString();
    Ev.send(
        c,
        t("2026-03-02T01:40:00Z"),
        transition(
            c,
            2,
            "DISPATCH",
            t("2026-03-02T01:40:00Z"),
            c + "-O1",
            "U-ROADS",
            hours(4),
            Zone.URBAN,
            true,
            null));
    JsonPath j0 = awaitClocks(c, x -> !x.getList("findAll { it.stage == 'HANDLING' }").isEmpty());
    assertEquals("2026-03-02T05:40:00Z", clock(j0, "HANDLING").get("deadline"));
    Ev.send(c, t(REG), Ev.registered(c, t(REG), Zone.URBAN));
    Ev.send(
        c,
        t("2026-03-02T01:10:00Z"),
        Ev.filed(c, t(REG), t("2026-03-02T01:10:00Z"), hours(4), Zone.URBAN, true));
    JsonPath j = awaitClocks(c, x -> DUE.equals(clock(x, "HANDLING").get("deadline")));
    assertEquals(REG, clock(j, "HANDLING").get("startedAt"));
  }
}
