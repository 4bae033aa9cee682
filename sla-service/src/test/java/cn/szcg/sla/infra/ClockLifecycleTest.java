package cn.szcg.sla.infra;

import static cn.szcg.sla.infra.Ev.count;
import static cn.szcg.sla.infra.Ev.hours;
import static cn.szcg.sla.infra.Ev.send;
import static cn.szcg.sla.infra.Ev.transition;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.sla.application.ClockScheduler;
import cn.szcg.sla.application.ClockService;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The clocks follow real intake and cases events over Kafka (R-12..R-16, R-20) and push their
 * warnings and breaches on szcg.clocks at their moment.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ClockLifecycleTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("operator"));
  }

  @Inject ClockScheduler scheduler;

  static Instant t(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void fullPathInTheFringeFollowsEveryStage() {
    // Monday 2026-03-02, Minqing (UTC+8). Registered 09:00 in what looks like the city; gis then
    // places it in the urban-rural fringe (R-12: 2 working hours instead of 1).
    String c = UUID.randomUUID().toString();
    send(c, t("2026-03-02T01:00:00Z"), Ev.registered(c, t("2026-03-02T01:00:00Z"), Zone.URBAN));
    send(c, t("2026-03-02T01:05:00Z"), Ev.located(c, Zone.FRINGE, t("2026-03-02T01:05:00Z")));
    send(
        c,
        t("2026-03-02T01:20:00Z"),
        Ev.filed(
            c, t("2026-03-02T01:00:00Z"), t("2026-03-02T01:20:00Z"), hours(4), Zone.FRINGE, false));
    send(
        c,
        t("2026-03-02T01:30:00Z"),
        transition(
            c,
            2,
            "DISPATCH",
            t("2026-03-02T01:30:00Z"),
            c + "-O1",
            "U-WATER",
            hours(4),
            Zone.FRINGE,
            false,
            null));
    send(
        c,
        t("2026-03-02T01:50:00Z"),
        transition(
            c,
            3,
            "SIGN_FOR",
            t("2026-03-02T01:50:00Z"),
            c + "-O1",
            "U-WATER",
            null,
            Zone.FRINGE,
            false,
            null));
    send(
        c,
        t("2026-03-02T01:55:00Z"),
        transition(
            c,
            4,
            "APPROVE_BY_LEADER",
            t("2026-03-02T01:55:00Z"),
            c + "-O1",
            "U-WATER",
            null,
            Zone.FRINGE,
            false,
            null));
    send(
        c,
        t("2026-03-02T03:00:00Z"),
        transition(
            c,
            5,
            "SUBMIT_FEEDBACK",
            t("2026-03-02T03:00:00Z"),
            c + "-O1",
            "U-WATER",
            null,
            Zone.FRINGE,
            false,
            null));
    send(
        c,
        t("2026-03-02T06:45:00Z"),
        transition(
            c,
            6,
            "PASS_CHECK",
            t("2026-03-02T06:45:00Z"),
            c + "-O1",
            "U-WATER",
            null,
            Zone.FRINGE,
            false,
            null));
    send(
        c,
        t("2026-03-02T07:00:00Z"),
        transition(
            c, 7, "CLOSE", t("2026-03-02T07:00:00Z"), null, null, null, Zone.FRINGE, false, null));

    JsonPath clocks =
        awaitClocks(c, j -> j.getList("findAll { it.state == 'STOPPED' }").size() == 5);
    // 09:00 + 2 working hours (fringe) = 11:00, dispatched 09:30 → on time
    Map<String, Object> r12 = clock(clocks, "REGISTRATION_TO_DISPATCH");
    assertEquals("2026-03-02T03:00:00Z", r12.get("deadline"));
    assertEquals(2, r12.get("limitAmount"));
    assertEquals(true, r12.get("onTime"));
    // 09:30 + 1 working hour = 10:30, signed for 09:50
    Map<String, Object> r13 = clock(clocks, "DISPATCH_TO_SIGN_FOR");
    assertEquals("2026-03-02T02:30:00Z", r13.get("deadline"));
    assertEquals(c + "-O1", r13.get("orderId"));
    assertEquals("U-WATER", r13.get("unitId"));
    assertEquals(true, r13.get("onTime"));
    // 09:30 + 4 working hours = 09:30–12:00 (2.5 h) + 14:30–16:00 → 16:00; feedback 11:00
    Map<String, Object> r14 = clock(clocks, "HANDLING");
    assertEquals("2026-03-02T08:00:00Z", r14.get("deadline"));
    assertEquals(true, r14.get("onTime"));
    // the return window 09:30 + 1 working hour closes unused at 10:30 (never a breach)
    Map<String, Object> r16 = clock(clocks, "RETURN_WINDOW");
    assertEquals("2026-03-02T02:30:00Z", r16.get("stoppedAt"));
    assertEquals(ClockService.WINDOW_CLOSED, r16.get("stopReason"));
    assertEquals(true, r16.get("onTime"));
    // 11:00 + 2 working hours (fringe) = 11:00–12:00 + 14:30–15:30 → 15:30; passed 14:45
    Map<String, Object> r15 = clock(clocks, "FEEDBACK_TO_CHECK");
    assertEquals("2026-03-02T07:30:00Z", r15.get("deadline"));
    assertEquals(true, r15.get("onTime"));

    List<Ev.Read> events =
        Ev.clocksOf(
            c,
            Duration.ofSeconds(30),
            rs -> rs.stream().filter(r -> r.type().equals("clock-stopped")).count() == 5);
    assertEquals(5, events.stream().filter(r -> r.type().equals("clock-started")).count());
    assertEquals(1, count(events, "clock-deadline-changed", "REGISTRATION_TO_DISPATCH"));
    Ev.Read changed =
        events.stream()
            .filter(r -> r.type().equals("clock-deadline-changed"))
            .findFirst()
            .orElseThrow();
    assertEquals("2026-03-02T02:00:00Z", changed.data().path("previousDeadline").asText());
    assertEquals("2026-03-02T03:00:00Z", changed.data().path("deadline").asText());
    assertEquals(0, count(events, "clock-breached", "HANDLING"));
    Ev.Read window =
        events.stream()
            .filter(
                r ->
                    r.type().equals("clock-started")
                        && r.data().path("stage").asText().equals("RETURN_WINDOW"))
            .findFirst()
            .orElseThrow();
    assertEquals("2026-03-02T02:30:00Z", window.data().path("deadline").asText());
    assertEquals(c + "-O1", window.data().path("orderId").asText());
  }

  @Test
  void returnExtensionAndFailedCheckStartFreshClocks() {
    // Live times: Friday evening now → working-time deadlines on the next working day.
    String c = UUID.randomUUID().toString();
    Instant t0 = Instant.now().minusSeconds(60);
    send(c, t0, Ev.registered(c, t0, Zone.URBAN));
    send(
        c,
        t0.plusSeconds(1),
        Ev.filed(
            c, t0, t0.plusSeconds(1), new TimeLimit(2, LimitUnit.WORKING_DAYS), Zone.URBAN, false));
    send(
        c,
        t0.plusSeconds(2),
        transition(
            c,
            2,
            "DISPATCH",
            t0.plusSeconds(2),
            c + "-O1",
            "U1",
            new TimeLimit(2, LimitUnit.WORKING_DAYS),
            Zone.URBAN,
            false,
            null));
    send(
        c,
        t0.plusSeconds(3),
        transition(
            c,
            3,
            "REQUEST_RETURN",
            t0.plusSeconds(3),
            c + "-O1",
            "U1",
            null,
            Zone.URBAN,
            false,
            null));
    send(
        c,
        t0.plusSeconds(4),
        transition(
            c,
            4,
            "APPROVE_RETURN",
            t0.plusSeconds(4),
            c + "-O1",
            "U1",
            null,
            Zone.URBAN,
            false,
            null));
    send(
        c,
        t0.plusSeconds(5),
        transition(
            c,
            5,
            "DISPATCH",
            t0.plusSeconds(5),
            c + "-O2",
            "U2",
            new TimeLimit(2, LimitUnit.WORKING_DAYS),
            Zone.URBAN,
            false,
            null));
    // an unknown transition is ignored, the consumer goes on
    send(
        c,
        t0.plusSeconds(6),
        transition(
            c,
            6,
            "SOMETHING_NEW",
            t0.plusSeconds(6),
            c + "-O2",
            "U2",
            null,
            Zone.URBAN,
            false,
            null));
    send(
        c,
        t0.plusSeconds(7),
        transition(
            c, 7, "SIGN_FOR", t0.plusSeconds(7), c + "-O2", "U2", null, Zone.URBAN, false, null));
    Instant granted = Instant.parse("2026-12-15T09:00:00Z");
    send(
        c,
        t0.plusSeconds(8),
        transition(
            c,
            8,
            "GRANT_EXTENSION",
            t0.plusSeconds(8),
            c + "-O2",
            "U2",
            null,
            Zone.URBAN,
            false,
            granted));
    send(
        c,
        t0.plusSeconds(9),
        transition(
            c,
            9,
            "SUBMIT_FEEDBACK",
            t0.plusSeconds(9),
            c + "-O2",
            "U2",
            null,
            Zone.URBAN,
            false,
            null));
    send(
        c,
        t0.plusSeconds(10),
        transition(
            c,
            10,
            "FAIL_CHECK",
            t0.plusSeconds(10),
            c + "-O2-R2",
            "U2",
            new TimeLimit(2, LimitUnit.WORKING_DAYS),
            Zone.URBAN,
            false,
            null));

    JsonPath j =
        awaitClocks(c, x -> x.getList("findAll { it.orderId == '" + c + "-O2-R2' }").size() == 2);
    // first unit's clocks: stopped by the return request / approval
    List<Map<String, Object>> o1 = j.getList("findAll { it.orderId == '" + c + "-O1' }");
    assertEquals(3, o1.size());
    for (Map<String, Object> k : o1) {
      assertEquals("STOPPED", k.get("state"), k.toString());
    }
    assertEquals(
        "APPROVE_RETURN 同意回退",
        o1.stream()
            .filter(k -> k.get("stage").equals("HANDLING"))
            .findFirst()
            .orElseThrow()
            .get("stopReason"));
    // the second unit's handling clock was extended, then stopped by the feedback
    Map<String, Object> h2 =
        j.getList("findAll { it.orderId == '" + c + "-O2' }", Map.class).stream()
            .map(m -> (Map<String, Object>) m)
            .filter(k -> k.get("stage").equals("HANDLING"))
            .findFirst()
            .orElseThrow();
    assertEquals("2026-12-15T09:00:00Z", h2.get("deadline"));
    assertEquals(1, ((List<?>) h2.get("extensions")).size());
    assertEquals(true, h2.get("onTime"));
    // the check failed: recorded on the check clock, a new handling clock for the next round
    Map<String, Object> check = clock(j, "FEEDBACK_TO_CHECK");
    assertTrue(String.valueOf(check.get("stopReason")).startsWith("FAIL_CHECK"), check.toString());
    List<Map<String, Object>> r2 = j.getList("findAll { it.orderId == '" + c + "-O2-R2' }");
    assertTrue(
        r2.stream()
            .anyMatch(
                k ->
                    k.get("stage").equals("HANDLING")
                        && k.get("state").equals("RUNNING")
                        && k.get("timeKind").equals("WORKING")));
    assertTrue(r2.stream().noneMatch(k -> k.get("stage").equals("RETURN_WINDOW")));
  }

  @Test
  void emergencyWarningAndBreachArePushedWithinOneSecond() {
    // an emergency counts natural time from acceptance (Art 29). Handling limit 1 natural
    // minute, accepted 40 s ago and dispatched 30 s ago: warning (80 %) in ~8 s, breach in ~20 s.
    String c = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant reg = now.minusSeconds(40);
    Instant dispatched = now.minusSeconds(30);
    TimeLimit minute = new TimeLimit(1, LimitUnit.WORKING_MINUTES);
    send(c, reg, Ev.registered(c, reg, Zone.URBAN));
    send(c, reg.plusSeconds(2), Ev.filed(c, reg, reg.plusSeconds(2), minute, Zone.URBAN, true));
    send(
        c,
        dispatched,
        transition(c, 2, "DISPATCH", dispatched, c + "-O1", "U1", minute, Zone.URBAN, true, null));

    List<Ev.Read> events =
        Ev.clocksOf(c, Duration.ofSeconds(60), rs -> count(rs, "clock-breached", "HANDLING") == 1);
    Ev.Read started =
        events.stream()
            .filter(
                r ->
                    r.type().equals("clock-started")
                        && r.data().path("stage").asText().equals("HANDLING"))
            .findFirst()
            .orElseThrow();
    assertEquals("NATURAL_MINUTES", started.data().path("limit").path("unit").asText());
    // issue 16: counted from acceptance (the registration), not from the dispatch
    assertEquals(reg.toString(), started.data().path("startedAt").asText());
    assertEquals(reg.plusSeconds(60).toString(), started.data().path("deadline").asText());
    // R-12 switched to natural time from acceptance when the emergency was filed
    assertEquals(1, count(events, "clock-deadline-changed", "REGISTRATION_TO_DISPATCH"));

    Ev.Read warned = one(events, "clock-warned", "HANDLING");
    Ev.Read breached = one(events, "clock-breached", "HANDLING");
    long warnLateness = lateness(warned, "warningAt");
    long breachLateness = lateness(breached, "deadline");
    long breachOnKafka =
        breached.timestamp()
            - Instant.parse(breached.data().path("deadline").asText()).toEpochMilli();
    System.out.printf(
        "warning published %d ms after its moment, breach %d ms (on Kafka %d ms)%n",
        warnLateness, breachLateness, breachOnKafka);
    assertTrue(warnLateness >= 0 && warnLateness < 1000, "warning lateness " + warnLateness);
    assertTrue(breachLateness > 0 && breachLateness < 1000, "breach lateness " + breachLateness);
    assertFalse(warned.data().path("late").asBoolean());
    assertFalse(breached.data().path("late").asBoolean());

    // the operator's view: breached now, time left negative, natural time
    JsonPath j = awaitClocks(c, x -> true);
    Map<String, Object> h = clock(j, "HANDLING");
    assertEquals("BREACHED", h.get("stateNow"));
    assertEquals("NATURAL", h.get("timeKind"));
    assertTrue(String.valueOf(h.get("remaining")).startsWith("PT-"), h.toString());
    assertNotNull(h.get("explanation"));

    // stopped after its deadline: stopped late, no second breach
    Instant close = Instant.now();
    send(c, close, transition(c, 3, "CANCEL", close, null, null, null, Zone.URBAN, true, null));
    List<Ev.Read> after =
        Ev.clocksOf(c, Duration.ofSeconds(30), rs -> count(rs, "clock-stopped", "HANDLING") == 1);
    Ev.Read stopped = one(after, "clock-stopped", "HANDLING");
    assertFalse(stopped.data().path("onTime").asBoolean());
    assertEquals(1, count(after, "clock-breached", "HANDLING"));
  }

  @Test
  void afterARestartEverythingThatFellDueIsPublishedLate() {
    String c = UUID.randomUUID().toString();
    scheduler.stop();
    try {
      // an emergency's handling counts from acceptance: accepted 3.5 min ago, so its
      // warning and deadline (1 min later) fall after the dispatch 3 min ago, while the
      // scheduler is down (with 5 min, as before issue 16, the dispatch would publish them)
      Instant reg = Instant.now().minus(Duration.ofSeconds(210));
      Instant dispatched = Instant.now().minus(Duration.ofMinutes(3));
      TimeLimit minute = new TimeLimit(1, LimitUnit.NATURAL_MINUTES);
      send(c, reg, Ev.registered(c, reg, Zone.URBAN));
      send(c, reg, Ev.filed(c, reg, reg.plusSeconds(1), minute, Zone.URBAN, true));
      send(
          c,
          dispatched,
          transition(
              c, 2, "DISPATCH", dispatched, c + "-O1", "U1", minute, Zone.URBAN, true, null));
      // stored while the scheduler is down: the deadline passed, nothing published
      JsonPath j = awaitClocks(c, x -> x.getList("findAll { it.stage == 'HANDLING' }").size() == 1);
      Map<String, Object> h = clock(j, "HANDLING");
      assertEquals(null, h.get("breachedAt"));
      assertEquals(null, h.get("warnedAt"));
      assertEquals("BREACHED", h.get("stateNow"));
    } finally {
      scheduler.start();
    }
    List<Ev.Read> events =
        Ev.clocksOf(
            c,
            Duration.ofSeconds(30),
            rs ->
                count(rs, "clock-breached", "HANDLING") == 1
                    && count(rs, "clock-warned", "HANDLING") == 1);
    assertTrue(one(events, "clock-warned", "HANDLING").data().path("late").asBoolean());
    assertTrue(one(events, "clock-breached", "HANDLING").data().path("late").asBoolean());
    assertNotNull(scheduler.readyAt());
    JsonPath j = awaitClocks(c, x -> clock(x, "HANDLING").get("breachedAt") != null);
    assertEquals(true, clock(j, "HANDLING").get("breachedLate"));
  }

  @Test
  void aRejectedReportStopsItsDispatchClockOnTime() {
    // Mon 2026-03-02 09:00 registered, rejected 09:40 (R-12 due 10:00): stopped on time
    String c = UUID.randomUUID().toString();
    send(c, t("2026-03-02T01:00:00Z"), Ev.registered(c, t("2026-03-02T01:00:00Z"), Zone.URBAN));
    send(
        c,
        t("2026-03-02T01:40:00Z"),
        new cn.szcg.contracts.events.ReportRejected(
            c, "重复上报", false, "C0001", t("2026-03-02T01:40:00Z"), "operator1"));
    JsonPath j =
        awaitClocks(c, x -> "STOPPED".equals(clock(x, "REGISTRATION_TO_DISPATCH").get("state")));
    Map<String, Object> r12 = clock(j, "REGISTRATION_TO_DISPATCH");
    assertEquals("2026-03-02T01:40:00Z", r12.get("stoppedAt"));
    assertEquals(true, r12.get("onTime"));
    assertEquals("REJECTED 不予立案", r12.get("stopReason"));
    assertEquals("STOPPED_ON_TIME", r12.get("stateNow"));
  }

  @Test
  void aDispatchSeenBeforeTheRegistrationStillStopsR12() {
    // the two topics interleave: the cases event is applied first
    String c = UUID.randomUUID().toString();
    send(
        c,
        t("2026-03-03T01:30:00Z"),
        transition(
            c,
            2,
            "DISPATCH",
            t("2026-03-03T01:30:00Z"),
            c + "-O1",
            "U1",
            hours(4),
            Zone.URBAN,
            false,
            null));
    awaitClocks(c, x -> x.getList("findAll { it.stage == 'HANDLING' }").size() == 1);
    send(c, t("2026-03-03T01:00:00Z"), Ev.registered(c, t("2026-03-03T01:00:00Z"), Zone.URBAN));
    JsonPath j =
        awaitClocks(
            c, x -> !x.getList("findAll { it.stage == 'REGISTRATION_TO_DISPATCH' }").isEmpty());
    Map<String, Object> r12 = clock(j, "REGISTRATION_TO_DISPATCH");
    assertEquals("2026-03-03T01:30:00Z", r12.get("stoppedAt"));
    assertEquals(true, r12.get("onTime"));
  }

  @Test
  void aSuspensionPausesTheClocksAndTheResumptionMovesTheDeadline() {
    // 缓办 Mon 2026-03-02: dispatched 09:00 with 4 working hours (due Mon 15:30), signed for and
    // approved, suspended by the shift lead at 10:00 (waiting for the weather), resumed Tue 10:00:
    // 7 working hours paused → due Tue 15:30; feedback Tue 11:00 is on time (without the
    // suspension it would have been 19.5 working hours late).
    String c = UUID.randomUUID().toString();
    String o = c + "-O1";
    Ev.sendAll(
        List.of(
            Ev.Out.of(
                c,
                t("2026-03-02T00:30:00Z"),
                Ev.registered(c, t("2026-03-02T00:30:00Z"), Zone.URBAN)),
            Ev.Out.of(
                c,
                t("2026-03-02T00:40:00Z"),
                Ev.filed(
                    c,
                    t("2026-03-02T00:30:00Z"),
                    t("2026-03-02T00:40:00Z"),
                    hours(4),
                    Zone.URBAN,
                    false)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:00:00Z"),
                tr(c, 2, "DISPATCH", "2026-03-02T01:00:00Z", o, hours(4))),
            Ev.Out.of(
                c,
                t("2026-03-02T01:10:00Z"),
                tr(c, 3, "SIGN_FOR", "2026-03-02T01:10:00Z", o, null)),
            Ev.Out.of(
                c,
                t("2026-03-02T01:15:00Z"),
                tr(c, 4, "APPROVE_BY_LEADER", "2026-03-02T01:15:00Z", o, null)),
            Ev.Out.of(
                c,
                t("2026-03-02T02:00:00Z"),
                tr(c, 5, "SUSPEND", "2026-03-02T02:00:00Z", o, null))));
    JsonPath paused = awaitClocks(c, x -> handlingIn(x, "PAUSED"));
    Map<String, Object> p = clock(paused, "HANDLING");
    assertEquals("PAUSED", p.get("stateNow"));
    assertEquals("PT3H", p.get("remaining")); // frozen: 1 of 4 working hours used
    assertTrue(String.valueOf(p.get("explanation")).contains("挂起中"), p.toString());
    assertEquals(1, ((List<?>) p.get("pauses")).size());

    Ev.sendAll(
        List.of(
            Ev.Out.of(
                c, t("2026-03-03T02:00:00Z"), tr(c, 6, "RESUME", "2026-03-03T02:00:00Z", o, null)),
            Ev.Out.of(
                c,
                t("2026-03-03T03:00:00Z"),
                tr(c, 7, "SUBMIT_FEEDBACK", "2026-03-03T03:00:00Z", o, null))));
    JsonPath j = awaitClocks(c, x -> handlingIn(x, "STOPPED"));
    Map<String, Object> h = clock(j, "HANDLING");
    assertEquals("2026-03-03T07:30:00Z", h.get("deadline"));
    assertEquals(true, h.get("onTime"));
    assertEquals("PT7H", h.get("pausedTime")); // working time, the limit's own kind
    @SuppressWarnings("unchecked")
    Map<String, Object> pause = (Map<String, Object>) ((List<?>) h.get("pauses")).get(0);
    assertEquals("2026-03-02T02:00:00Z", pause.get("from"));
    assertEquals("2026-03-03T02:00:00Z", pause.get("until"));
    assertEquals("SUSPEND 挂起 等待天气好转 / waiting for the weather", pause.get("reason"));
    // the return window is not paused: it closed at 10:00 as usual
    assertEquals(ClockService.WINDOW_CLOSED, clock(j, "RETURN_WINDOW").get("stopReason"));

    List<Ev.Read> events =
        Ev.clocksOf(c, Duration.ofSeconds(30), rs -> count(rs, "clock-stopped", "HANDLING") == 1);
    Ev.Read moved = one(events, "clock-deadline-changed", "HANDLING");
    assertEquals("2026-03-02T07:30:00Z", moved.data().path("previousDeadline").asText());
    assertEquals("2026-03-03T07:30:00Z", moved.data().path("deadline").asText());
    assertTrue(moved.data().path("reason").asText().startsWith("RESUME 恢复"), moved.toString());
    assertEquals(0, count(events, "clock-breached", "HANDLING"));
    assertTrue(one(events, "clock-stopped", "HANDLING").data().path("onTime").asBoolean());
  }

  @Test
  void aCaseCancelledWhileSuspendedIsNotBreached() {
    // suspended before its deadline and cancelled months later (the wall clock is far past the
    // original deadline): no breach is ever published, the clock stops on time
    String c = UUID.randomUUID().toString();
    String o = c + "-O1";
    // one producer, so the three arrive together (the backlog hold keeps the scheduler's "now" at
    // their time; separate sends under load could let it fire the old deadline in between)
    Ev.sendAll(
        List.of(
            Ev.Out.of(
                c,
                t("2026-03-04T01:00:00Z"),
                tr(c, 2, "DISPATCH", "2026-03-04T01:00:00Z", o, hours(2))),
            Ev.Out.of(
                c,
                t("2026-03-04T01:30:00Z"),
                tr(c, 3, "SIGN_FOR", "2026-03-04T01:30:00Z", o, null)),
            Ev.Out.of(
                c,
                t("2026-03-04T02:00:00Z"),
                tr(c, 4, "SUSPEND", "2026-03-04T02:00:00Z", o, null))));
    awaitClocks(c, x -> handlingIn(x, "PAUSED"));
    Instant now = Instant.now();
    send(c, now, transition(c, 5, "CANCEL", now, null, null, null, Zone.URBAN, false, null));
    JsonPath j = awaitClocks(c, x -> handlingIn(x, "STOPPED"));
    Map<String, Object> h = clock(j, "HANDLING");
    assertEquals(true, h.get("onTime"));
    assertEquals(null, h.get("breachedAt"));
    List<Ev.Read> events =
        Ev.clocksOf(c, Duration.ofSeconds(30), rs -> count(rs, "clock-stopped", "HANDLING") == 1);
    assertEquals(0, count(events, "clock-breached", "HANDLING"));
  }

  /** Whether the case's HANDLING clock exists and is in the stored state (safe while polling). */
  static boolean handlingIn(JsonPath j, String state) {
    return !j.getList("findAll { it.stage == 'HANDLING' && it.state == '" + state + "' }")
        .isEmpty();
  }

  static cn.szcg.contracts.events.CaseTransitioned tr(
      String c, long seq, String transition, String at, String orderId, TimeLimit limit) {
    cn.szcg.contracts.events.CaseTransitioned x =
        transition(c, seq, transition, t(at), orderId, "U-ROADS", limit, Zone.URBAN, false, null);
    if (!transition.equals("SUSPEND") && !transition.equals("RESUME")) {
      return x;
    }
    String reason = transition.equals("SUSPEND") ? "等待天气好转 / waiting for the weather" : "天气好转";
    return new cn.szcg.contracts.events.CaseTransitioned(
        x.caseId(),
        x.sequence(),
        x.transition(),
        transition.equals("SUSPEND") ? "IN_HANDLING" : "SUSPENDED",
        transition.equals("SUSPEND") ? "SUSPENDED" : "IN_HANDLING",
        "lead1",
        "SHIFT_LEAD",
        null,
        x.at(),
        reason,
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
        Map.of("suspensionReason", transition.equals("SUSPEND") ? "WEATHER" : ""));
  }

  // ---------------------------------------------------------------------------------- helpers

  static long lateness(Ev.Read r, String moment) {
    return Instant.parse(r.data().path("publishedAt").asText()).toEpochMilli()
        - Instant.parse(r.data().path(moment).asText()).toEpochMilli();
  }

  static Ev.Read one(List<Ev.Read> rs, String type, String stage) {
    List<Ev.Read> m =
        rs.stream()
            .filter(r -> r.type().equals(type) && r.data().path("stage").asText().equals(stage))
            .toList();
    assertEquals(1, m.size(), type + " " + stage + " in " + rs);
    return m.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> clock(JsonPath j, String stage) {
    List<Map<String, Object>> l = j.getList("findAll { it.stage == '" + stage + "' }");
    assertFalse(l.isEmpty(), "no " + stage + " clock in " + j.prettify());
    return l.get(l.size() - 1);
  }

  static JsonPath awaitClocks(String caseId, Predicate<JsonPath> until) {
    return Await.until(
        "clocks of " + caseId,
        Duration.ofSeconds(45),
        () ->
            given()
                .get("/api/v1/cases/" + caseId + "/clocks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath(),
        j -> !j.getList("$").isEmpty() && until.test(j));
  }
}
