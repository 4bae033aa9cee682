package cn.szcg.assessment.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.assessment.domain.CollectorFigures;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.domain.StaffFiguresBook.Cells;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventConsumers;
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R-22 for the staff figures: a generated month (May 2029) of collectors' reports (valid, false,
 * not filed), verifications and checks (on time, late), operators' filings, dispatches, returns and
 * closings, and duty shifts whose grids other channels report in (漏报), one shift cancelled
 * afterwards (the misses booked back) — sent over the real broker through the consumers. Then the
 * incrementally kept {@code staff_cell} must equal {@link StaffFiguresBook} over the stored {@code
 * staff_fact}, the admin recompute must report no difference (month and year), and both must equal
 * the generator's own model, every counter of it non-zero. Last, a corrupted cell is found and
 * repaired.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StaffRecomputeTest {

  static final Period MONTH = Period.month(2029, 5);
  static final Period YEAR = Period.year(2029);

  @Inject EventConsumers consumers;
  @Inject StaffFigureStore store;
  @Inject CollectorRegister register;
  @Inject EntityManager em;
  @Inject StaffFiguresHandler staffFigures;
  @Inject MissedReportHandler missedReports;
  @Inject UnitFiguresHandler unitFigures;
  @Inject CollectorRegisterHandler collectorRegister;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final Map<EventType, Long> sent = new EnumMap<>(EventType.class);
  final CaseEvents ev = new CaseEvents();

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("admin"));
  }

  /** 2029-05-{day} {hours} o'clock in Minqing (Asia/Shanghai). */
  static Instant local(int day, double hours) {
    return LocalDateTime.of(2029, 5, day, 0, 0)
        .atZone(Period.ZONE)
        .toInstant()
        .plusSeconds((long) (hours * 3600));
  }

  String grid(int n) {
    return "350124" + String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000) + "000" + n;
  }

  /** A shift as the model sees it. */
  record Shift(String id, String collector, Set<String> grids, Instant start, Instant end) {}

  /** A filed problem as the model sees it (patrol collector = who found it, else null). */
  record Problem(String caseId, String grid, Instant at, String patrolCollector) {}

  final Map<String, CollectorFigures> expectedCollectors = new LinkedHashMap<>();
  final Map<String, OperatorFigures> expectedOperators = new LinkedHashMap<>();
  final List<Shift> shifts = new ArrayList<>();
  final List<Problem> filedProblems = new ArrayList<>();

  void col(String collector, long r, long v, long f, long vOn, long vLate, long cOn, long cLate) {
    expectedCollectors.merge(
        collector,
        new CollectorFigures(r, v, f, 0, vOn, vLate, cOn, cLate),
        CollectorFigures::plus);
  }

  void op(String operator, long filed, long filedOn, long disp, long ret, long cl, long clOn) {
    expectedOperators.merge(
        operator, new OperatorFigures(filed, filedOn, disp, ret, cl, clOn), OperatorFigures::plus);
  }

  @Test
  void recomputedStaffFiguresEqualTheIncrementalOnesForAGeneratedMonth() {
    Random rnd = new Random(20290501L);
    List<String> cols = List.of("c0-" + tag, "c1-" + tag, "c2-" + tag, "c3-" + tag);
    List<String> ops = List.of("op0-" + tag, "op1-" + tag, "op2-" + tag);
    String unitA = "CU-A-" + tag;
    String unitB = "CU-B-" + tag;
    Map<String, String> unitOf =
        Map.of(cols.get(0), unitA, cols.get(1), unitA, cols.get(2), unitB, cols.get(3), unitB);
    // home grids: collector i patrols G i; c1 also shares G0 with c0
    Map<String, Set<String>> gridsOf = new HashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      Set<String> g = new LinkedHashSet<>(List.of(grid(i)));
      if (i == 1) {
        g.add(grid(0));
      }
      gridsOf.put(cols.get(i), g);
    }
    String dispatchUnit = "U-" + tag;

    // the collector register first: the facts are booked under the collector's collection unit
    for (String c : cols) {
      send(
          c,
          local(1, -24),
          new CollectorRegistered(
              c,
              unitOf.get(c),
              "采集员" + c,
              true,
              "CREATED",
              "MQ-" + c,
              LocalDate.parse("2029-01-01"),
              null,
              local(1, -24),
              "admin1"));
    }
    CaseEvents.flush();
    for (String c : cols) {
      until("register knows " + c, () -> unitOf.get(c).equals(unitOf(c)));
    }
    Map<String, Long> baseline = quiescentBaseline();
    sent.clear();

    // duty shifts 08:00–17:00 on about 60 % of the days 1..26
    for (String c : cols) {
      for (int d = 1; d <= 26; d++) {
        if (rnd.nextInt(10) < 6) {
          shift(
              new Shift("SH-" + c + "-" + d, c, gridsOf.get(c), local(d, 8), local(d, 17)),
              unitOf.get(c),
              1,
              false);
        }
      }
    }
    // the shift cancelled later: c2 on the 27th over G2, two hotline problems during it
    Shift cancelled =
        new Shift("SH-X-" + tag, cols.get(2), Set.of(grid(2)), local(27, 8), local(27, 17));
    shift(cancelled, unitB, 1, false);
    for (int k = 0; k < 2; k++) {
      String caseId = "X" + k + "-" + tag;
      Instant t = local(27, 10 + k);
      registered(caseId, Channel.HOTLINE, null, grid(2), t);
      filed(caseId, Channel.HOTLINE, null, grid(2), t, ops.get(k));
      filedProblems.add(new Problem(caseId, grid(2), t, null));
      clock(caseId, "REGISTRATION_TO_DISPATCH", null, true, t.plusSeconds(1200));
      op(ops.get(k), 1, 1, 0, 0, 0, 0);
    }

    int problems = 160;
    for (int k = 0; k < problems; k++) {
      String caseId = "P" + k + "-" + tag;
      int day = 1 + rnd.nextInt(26);
      Instant t = local(day, 7 + rnd.nextInt(12) + rnd.nextInt(60) / 60.0);
      String g = grid(rnd.nextInt(4));
      String home = homeCollectorOf(g, cols);
      boolean patrol = rnd.nextInt(100) < 40;
      String collector = patrol ? cols.get(rnd.nextInt(cols.size())) : null;
      Channel channel =
          patrol ? Channel.PATROL : rnd.nextBoolean() ? Channel.HOTLINE : Channel.VIDEO;
      registered(caseId, channel, collector, g, t);
      int verdict = rnd.nextInt(100);
      boolean isFiled = verdict < 75;
      // a verification (核实) by the grid's collector for a quarter of the problems
      if (rnd.nextInt(4) == 0) {
        boolean onTime = rnd.nextInt(3) > 0;
        String task = "V" + k + "-" + tag;
        send(
            caseId,
            t.plusSeconds(300),
            new VerificationRequested(caseId, task, home, t.plusSeconds(300)));
        Instant done = t.plusSeconds(300 + (onTime ? 1800 : 5400));
        send(caseId, done, new VerificationCompleted(caseId, task, home, isFiled, done));
        col(home, 0, 0, 0, onTime ? 1 : 0, onTime ? 0 : 1, 0, 0);
      }
      if (!isFiled) {
        boolean unfounded = verdict < 88;
        Instant rejectedAt = t.plusSeconds(1200);
        send(
            caseId,
            rejectedAt,
            new ReportRejected(
                caseId,
                unfounded ? "现场不存在" : "不属于立案范围",
                unfounded,
                collector,
                rejectedAt,
                ops.get(0)));
        if (collector != null) {
          col(collector, 1, 0, unfounded ? 1 : 0, 0, 0, 0, 0);
        }
        continue;
      }
      String filer = ops.get(rnd.nextInt(ops.size()));
      filed(caseId, channel, collector, g, t, filer);
      filedProblems.add(new Problem(caseId, g, t, collector));
      if (collector != null) {
        col(collector, 1, 1, 0, 0, 0, 0, 0);
      }
      // the R-12 clock: filed on time or not (the operator's 立案及时率)
      boolean filedOnTime = rnd.nextInt(5) > 0;
      clock(caseId, "REGISTRATION_TO_DISPATCH", null, filedOnTime, t.plusSeconds(600));
      op(filer, 1, filedOnTime ? 1 : 0, 0, 0, 0, 0);
      if (rnd.nextInt(10) < 2) {
        continue; // not dispatched yet
      }
      String dispatcher = ops.get(rnd.nextInt(ops.size()));
      String order = caseId + "-O1";
      step(caseId, "DISPATCH", order, dispatchUnit, t.plusSeconds(1800), dispatcher, null);
      op(dispatcher, 0, 0, 1, 0, 0, 0);
      if (rnd.nextInt(10) == 0) {
        // the wrong unit: return approved (charged to the dispatcher), dispatched again
        step(
            caseId,
            "APPROVE_RETURN",
            order,
            dispatchUnit,
            t.plusSeconds(2700),
            "lead-" + tag,
            null);
        op(dispatcher, 0, 0, 0, 1, 0, 0);
        String again = ops.get(rnd.nextInt(ops.size()));
        order = caseId + "-O2";
        step(caseId, "DISPATCH", order, dispatchUnit, t.plusSeconds(3000), again, null);
        op(again, 0, 0, 1, 0, 0, 0);
      }
      if (rnd.nextInt(10) < 2) {
        continue; // not handled yet
      }
      Instant check = t.plusSeconds(3 * 3600);
      if (rnd.nextInt(5) == 0) {
        // the first check fails (核查 by the grid's collector), the order is dispatched again
        String next = order + "-R2";
        boolean onTime = rnd.nextBoolean();
        step(
            caseId,
            "FAIL_CHECK",
            next,
            dispatchUnit,
            check,
            home,
            Map.of("round", "2", "failedOrderId", order));
        clock(caseId, "FEEDBACK_TO_CHECK", order, onTime, check);
        col(home, 0, 0, 0, 0, 0, onTime ? 1 : 0, onTime ? 0 : 1);
        order = next;
        check = check.plusSeconds(2 * 3600);
      }
      boolean checkOnTime = rnd.nextInt(3) > 0;
      clock(caseId, "FEEDBACK_TO_CHECK", order, checkOnTime, check);
      step(caseId, "PASS_CHECK", order, dispatchUnit, check, home, null);
      col(home, 0, 0, 0, 0, 0, checkOnTime ? 1 : 0, checkOnTime ? 0 : 1);
      if (rnd.nextInt(10) == 0) {
        continue; // not closed yet
      }
      String closer = ops.get(rnd.nextInt(ops.size()));
      boolean closeOnTime = rnd.nextInt(4) > 0;
      step(caseId, "CLOSE", null, null, check.plusSeconds(closeOnTime ? 1800 : 7200), closer, null);
      op(closer, 0, 0, 0, 0, 1, closeOnTime ? 1 : 0);
    }
    awaitApplied(baseline);

    // the cancelled shift's two misses were charged; now the shift is cancelled: booked back
    Map<String, Long> missedBefore = missedByCollector(cols, null);
    assertEquals(
        2,
        missedBefore.get(cols.get(2)) - missedByCollector(cols, cancelled.id()).get(cols.get(2)));
    assertEquals(missedBefore, missedCells(cols), "misses charged before the cancellation");
    baseline = quiescentBaseline();
    sent.clear();
    shift(cancelled, unitB, 2, true);
    awaitApplied(baseline);
    Map<String, Long> missed = missedByCollector(cols, cancelled.id());
    missed.forEach(
        (c, n) ->
            expectedCollectors.merge(
                c, new CollectorFigures(0, 0, 0, n, 0, 0, 0, 0), CollectorFigures::plus));

    // 1. the admin recompute of the month and of the year finds no difference in any book
    for (Period p : List.of(MONTH, YEAR)) {
      JsonPath r = recompute(p, false);
      assertTrue(r.getBoolean("staff.equal"), r.prettify());
      assertEquals(0, r.getInt("staff.differing"), r.prettify());
      assertEquals(0, r.getInt("staff.unreadableFacts"), r.prettify());
      assertFalse(r.getBoolean("staff.repaired"));
      assertTrue(r.getBoolean("allEqual"), r.prettify());
      assertTrue(r.getLong("staff.facts") > problems, r.prettify());
      // this run's subjects at least: 4 collectors, 2 collection units, 3 operators
      assertTrue(r.getInt("staff.cellsByBook.COLLECTOR") >= 4, r.prettify());
      assertTrue(r.getInt("staff.cellsByBook.COLLECTION_UNIT") >= 2, r.prettify());
      assertTrue(r.getInt("staff.cellsByBook.OPERATOR") >= 3, r.prettify());
    }

    // 2. per subject of this run: stored cells = StaffFiguresBook over the stored facts = model
    Cells stored = QuarkusTransaction.requiringNew().call(() -> store.cells(MONTH));
    Cells recomputed = recomputeFromStoredFacts(MONTH);
    long revoked = countRevoked(cols);
    assertEquals(2, revoked, "misses booked back");
    CollectorFigures total = CollectorFigures.ZERO;
    for (String c : cols) {
      FiguresKey k = FiguresKey.total(c, MONTH);
      assertEquals(recomputed.collectors().get(k), stored.collectors().get(k), c);
      assertEquals(expectedCollectors.get(c), stored.collectors().get(k), c + " (model)");
      assertEquals(
          stored.collectors().get(k),
          QuarkusTransaction.requiringNew()
              .call(() -> store.cells(YEAR))
              .collectors()
              .get(FiguresKey.total(c, YEAR)),
          c + " year = month (nothing else in 2029)");
      total = total.plus(stored.collectors().get(k));
    }
    for (String u : List.of(unitA, unitB)) {
      FiguresKey k = FiguresKey.total(u, MONTH);
      CollectorFigures sum = CollectorFigures.ZERO;
      for (String c : cols) {
        if (unitOf.get(c).equals(u)) {
          sum = sum.plus(expectedCollectors.get(c));
        }
      }
      assertEquals(recomputed.collectionUnits().get(k), stored.collectionUnits().get(k), u);
      assertEquals(sum, stored.collectionUnits().get(k), u + " (model: its collectors' sum)");
    }
    OperatorFigures opTotal = OperatorFigures.ZERO;
    for (String o : ops) {
      FiguresKey k = FiguresKey.total(o, MONTH);
      assertEquals(recomputed.operators().get(k), stored.operators().get(k), o);
      assertEquals(expectedOperators.get(o), stored.operators().get(k), o + " (model)");
      opTotal = opTotal.plus(stored.operators().get(k));
    }
    System.out.printf(
        "StaffRecomputeTest: month %s, this run's collectors %s, operators %s, %d misses booked"
            + " back%n",
        MONTH, total, opTotal, revoked);
    // not vacuous: every counter of the month is non-zero, on-time and late both occur
    for (long n :
        new long[] {
          total.reports(),
          total.validReports(),
          total.falseReports(),
          total.reports() - total.validReports() - total.falseReports(), // 不予立案
          total.missedReports(),
          total.verificationsOnTime(),
          total.verificationsLate(),
          total.checksOnTime(),
          total.checksLate(),
          opTotal.filed(),
          opTotal.filedOnTime(),
          opTotal.filed() - opTotal.filedOnTime(),
          opTotal.dispatched(),
          opTotal.dispatchesReturned(),
          opTotal.closed(),
          opTotal.closedOnTime(),
          opTotal.closed() - opTotal.closedOnTime()
        }) {
      assertTrue(n > 0, "collectors " + total + ", operators " + opTotal);
    }

    // 3. a corrupted cell is named, and repair=true puts back what the facts say
    String victim = cols.get(0);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE staff_cell SET n2 = n2 + 3 WHERE book = 'COLLECTOR' AND"
                            + " subject_id = ?1 AND period = ?2")
                    .setParameter(1, victim)
                    .setParameter(2, MONTH.toString())
                    .executeUpdate());
    JsonPath broken = recompute(MONTH, false);
    assertFalse(broken.getBoolean("staff.equal"));
    assertFalse(broken.getBoolean("allEqual"));
    assertEquals(1, broken.getInt("staff.differing"), broken.prettify());
    assertTrue(
        broken.getString("staff.differences[0]").startsWith("COLLECTOR " + victim + " 2029-05"),
        broken.prettify());
    JsonPath repaired = recompute(MONTH, true);
    assertTrue(repaired.getBoolean("staff.repaired"), repaired.prettify());
    JsonPath again = recompute(MONTH, false);
    assertTrue(again.getBoolean("staff.equal"), again.prettify());
    assertEquals(
        expectedCollectors.get(victim),
        QuarkusTransaction.requiringNew()
            .call(() -> store.cells(MONTH))
            .collectors()
            .get(FiguresKey.total(victim, MONTH)));
  }

  @Test
  void aFactThatCannotBeRebuiltIsReportedAndRefusesTheRepair() {
    String id = "bad-" + tag;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO staff_fact (fact_id, book, subject_id, collection_unit_id,"
                            + " fact_type, at, task) VALUES (?1, 'COLLECTOR', ?2, 'CU', 'TaskDone',"
                            + " ?3, 'CHECK')")
                    .setParameter(1, id)
                    .setParameter(2, "c-" + tag)
                    .setParameter(3, Instant.parse("2030-01-10T02:00:00Z"))
                    .executeUpdate());
    try {
      JsonPath r = recompute(Period.month(2030, 1), false);
      assertFalse(r.getBoolean("staff.equal"), r.prettify());
      assertEquals(1, r.getInt("staff.unreadableFacts"), r.prettify());
      assertTrue(r.getString("staff.differences[0]").contains(id), r.prettify());
      given()
          .queryParam("period", "2030-01")
          .queryParam("repair", true)
          .post("/api/v1/admin/figures/recompute")
          .then()
          .statusCode(422)
          .contentType(containsString("application/problem+json"))
          .body("title", containsString("无法重建"))
          .body("detail", containsString(id));
      // and nothing was repaired: the fact still reported the same way
      assertEquals(1, recompute(Period.month(2030, 1), false).getInt("staff.unreadableFacts"));
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("DELETE FROM staff_fact WHERE fact_id = ?1")
                      .setParameter(1, id)
                      .executeUpdate());
    }
    given()
        .queryParam("period", "2030-13")
        .post("/api/v1/admin/figures/recompute")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("period"));
  }

  // ---- the model of 漏报 (MissedReportRule, section 3 of docs/assessment.md)

  /** Misses per collector by the model: filed problems in a shift's grid and time, not own. */
  Map<String, Long> missedByCollector(List<String> cols, String withoutShift) {
    Map<String, Long> out = new LinkedHashMap<>();
    cols.forEach(c -> out.put(c, 0L));
    for (Problem p : filedProblems) {
      Set<String> charged = new LinkedHashSet<>();
      for (Shift s : shifts) {
        if (s.id().equals(withoutShift)) {
          continue;
        }
        if (s.grids().contains(p.grid())
            && !p.at().isBefore(s.start())
            && p.at().isBefore(s.end())
            && !s.collector().equals(p.patrolCollector())) {
          charged.add(s.collector());
        }
      }
      charged.forEach(c -> out.merge(c, 1L, Long::sum));
    }
    return out;
  }

  Map<String, Long> missedCells(List<String> cols) {
    Cells c = QuarkusTransaction.requiringNew().call(() -> store.cells(MONTH));
    Map<String, Long> out = new LinkedHashMap<>();
    for (String col : cols) {
      CollectorFigures f = c.collectors().get(FiguresKey.total(col, MONTH));
      out.put(col, f == null ? 0 : f.missedReports());
    }
    return out;
  }

  static String homeCollectorOf(String grid, List<String> cols) {
    return cols.get(grid.charAt(grid.length() - 1) - '0');
  }

  // ---- reading back

  Cells recomputeFromStoredFacts(Period p) {
    StaffFiguresBook book = new StaffFiguresBook();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                store.forEachFact(
                    p,
                    book::apply,
                    (id, why) -> {
                      throw new AssertionError(id + ": " + why);
                    }));
    return book.cells().of(p);
  }

  long countRevoked(List<String> cols) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM staff_fact WHERE fact_type ="
                                    + " 'MissedReportRevoked' AND subject_id ="
                                    + " ANY(string_to_array(?1, ','))")
                            .setParameter(1, String.join(",", cols))
                            .getSingleResult())
                    .longValue());
  }

  String unitOf(String collector) {
    return QuarkusTransaction.requiringNew().call(() -> register.unitOf(collector));
  }

  static JsonPath recompute(Period p, boolean repair) {
    return given()
        .queryParam("period", p.toString())
        .queryParam("repair", repair)
        .post("/api/v1/admin/figures/recompute")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  // ---- waiting for the consumers

  List<EventHandler> handlers() {
    return List.of(staffFigures, missedReports, unitFigures, collectorRegister);
  }

  /** Each consumer's applied count once it has stood still for 1.5 s (earlier tests' events). */
  Map<String, Long> quiescentBaseline() {
    Map<String, Long> last = counts();
    long stillSince = System.nanoTime();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      CaseEvents.sleep(250);
      Map<String, Long> now = counts();
      if (!now.equals(last)) {
        last = now;
        stillSince = System.nanoTime();
      } else if (System.nanoTime() - stillSince > Duration.ofMillis(1500).toNanos()) {
        return now;
      }
    }
    return last;
  }

  Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (EventHandler h : handlers()) {
      out.put(h.name(), consumers.appliedCount(h.name()));
    }
    return out;
  }

  /** Until every consumer has applied every event of its types sent since {@code baseline}. */
  void awaitApplied(Map<String, Long> baseline) {
    CaseEvents.flush();
    Map<String, Long> target = new LinkedHashMap<>();
    for (EventHandler h : handlers()) {
      long n = 0;
      for (Map.Entry<EventType, Long> e : sent.entrySet()) {
        if (h.types().contains(e.getKey())) {
          n += e.getValue();
        }
      }
      target.put(h.name(), baseline.get(h.name()) + n);
    }
    long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < end) {
      Map<String, Long> now = counts();
      if (target.keySet().stream().allMatch(k -> now.get(k) >= target.get(k))) {
        quiescentBaseline(); // and nothing else still arriving (an earlier test's late events)
        return;
      }
      CaseEvents.sleep(200);
    }
    throw new AssertionError("consumers applied " + counts() + ", expected " + target);
  }

  static void until(String what, java.util.function.BooleanSupplier done) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return;
      }
      CaseEvents.sleep(200);
    }
    throw new AssertionError("not reached: " + what);
  }

  // ---- sending, counted by event type

  void send(String key, Instant at, Record payload) {
    EventType type = EventType.ofPayload(payload.getClass());
    CaseEvents.send(type.topic(), source(type.topic()), key, at, payload);
    sent.merge(type, 1L, Long::sum);
  }

  static String source(String topic) {
    return switch (topic) {
      case Topics.CASES -> "dispatch-service";
      case Topics.CLOCKS -> "sla-service";
      default -> "intake-service";
    };
  }

  void step(
      String caseId,
      String transition,
      String orderId,
      String unitId,
      Instant at,
      String actor,
      Map<String, String> data) {
    ev.step(caseId, transition, orderId, unitId, at, actor, data);
    sent.merge(EventType.CASE_TRANSITIONED, 1L, Long::sum);
  }

  void clock(String caseId, String stage, String orderId, boolean onTime, Instant at) {
    send(
        caseId,
        at,
        new ClockStopped(
            caseId, UUID.randomUUID().toString(), stage, orderId, null, at, at, onTime));
  }

  void shift(Shift s, String unit, long revision, boolean cancel) {
    if (revision == 1) {
      shifts.add(s);
    }
    send(
        s.id(),
        s.start(),
        new CollectorDutyRecorded(
            s.id(),
            revision,
            s.collector(),
            unit,
            List.copyOf(s.grids()),
            s.start(),
            s.end(),
            cancel,
            cancel ? "病假" : null,
            s.start().minusSeconds(3600 - revision),
            "shiftlead1"));
  }

  static LocationContext ctx(String grid) {
    return new LocationContext("350124100", "梅城镇", null, null, grid, Zone.URBAN);
  }

  void registered(String caseId, Channel channel, String collector, String grid, Instant at) {
    send(
        caseId,
        at,
        new ReportRegistered(
            caseId,
            "R" + caseId,
            channel,
            ReportKind.REPORT,
            "0101",
            null,
            null,
            "暴露垃圾",
            collector,
            null,
            null,
            ctx(grid),
            at));
  }

  void filed(
      String caseId, Channel channel, String collector, String grid, Instant at, String filer) {
    send(
        caseId,
        at,
        new CaseFiled(
            caseId,
            "R" + caseId,
            channel,
            ReportKind.REPORT,
            "0101",
            "暴露垃圾",
            1,
            new TimeLimit(2, LimitUnit.WORKING_HOURS),
            Zone.URBAN,
            false,
            null,
            ctx(grid),
            null,
            collector,
            at,
            at.plusSeconds(600),
            filer));
  }
}
