package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.szcg.assessment.domain.CollectorFact.Task;
import cn.szcg.assessment.domain.CollectorFact.Verdict;
import cn.szcg.assessment.domain.StaffFiguresBook.Book;
import cn.szcg.assessment.domain.StaffFiguresBook.Cells;
import cn.szcg.assessment.domain.StaffFiguresBook.Difference;
import cn.szcg.assessment.domain.StaffFiguresBook.StoredFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-22 for the staff figures (collectors 信息采集员, collection units 信息采集单位, operators 受理员/值班长): the
 * cells can be rebuilt from the stored facts alone and equal the incrementally kept ones.
 */
class StaffFiguresBookTest {

  static final CollectorRef ZHANG = new CollectorRef("col-zhang", "cu-1");
  static final CollectorRef LI = new CollectorRef("col-li", "cu-1");
  static final CollectorRef WANG = new CollectorRef("col-wang", "cu-2");
  static final Instant MARCH = Instant.parse("2026-03-10T02:00:00Z");
  static final Period M3 = Period.month(2026, 3);

  /** One fact of every kind the service stores. */
  static List<CollectorFact> everyCollectorFact() {
    return List.of(
        new CollectorFact.ReportJudged("c1:VERDICT", ZHANG, MARCH, Verdict.VALID),
        new CollectorFact.ReportJudged("c2:VERDICT", ZHANG, MARCH, Verdict.FALSE),
        new CollectorFact.ReportJudged("c3:VERDICT", ZHANG, MARCH, Verdict.NOT_FILED),
        new CollectorFact.TaskDone("t1:VERIFIED", ZHANG, MARCH, Task.VERIFICATION, true),
        new CollectorFact.TaskDone("t2:VERIFIED", ZHANG, MARCH, Task.VERIFICATION, false),
        new CollectorFact.TaskDone("e1:checked", ZHANG, MARCH, Task.CHECK, true),
        new CollectorFact.TaskDone("e2:checked", ZHANG, MARCH, Task.CHECK, false),
        CollectorFact.MissedReportFound.of(new MissedReport("P1", ZHANG, "S1", MARCH)),
        new CollectorFact.MissedReportFound("P1:col-zhang:MISSED:2", ZHANG, MARCH, "P1"),
        new CollectorFact.MissedReportRevoked("P1:col-zhang:MISSED:REVOKED:1", ZHANG, MARCH));
  }

  static List<OperatorFact> everyOperatorFact() {
    return List.of(
        new OperatorFact.CaseFiled("f1:filed", "op1", MARCH, true),
        new OperatorFact.CaseFiled("f2:filed", "op1", MARCH, false),
        new OperatorFact.OrderDispatched("d1:dispatched", "op1", MARCH),
        new OperatorFact.DispatchReturned("r1:returned", "op1", MARCH),
        new OperatorFact.CaseClosed("x1:closed", "op1", MARCH, true),
        new OperatorFact.CaseClosed("x2:closed", "op1", MARCH, false));
  }

  @Test
  @DisplayName("every stored fact gives back the same fact, hence the same delta")
  void storedFactRoundTrip() {
    for (CollectorFact f : everyCollectorFact()) {
      StoredFact row = StoredFact.of(f);
      assertEquals(Book.COLLECTOR, row.book());
      assertEquals(f.getClass().getSimpleName(), row.factType());
      assertEquals(f, row.collectorFact(), row.toString());
      assertEquals(f.delta(), row.collectorFact().delta());
    }
    for (OperatorFact f : everyOperatorFact()) {
      StoredFact row = StoredFact.of(f);
      assertEquals(Book.OPERATOR, row.book());
      assertNull(row.collectionUnitId());
      assertEquals(f, row.operatorFact(), row.toString());
    }
    // the list above covers every kind: a new kind of fact must be readable back too
    assertEquals(
        kinds(CollectorFact.class),
        everyCollectorFact().stream().map(f -> f.getClass().getSimpleName()).collect(toSet()));
    assertEquals(
        kinds(OperatorFact.class),
        everyOperatorFact().stream().map(f -> f.getClass().getSimpleName()).collect(toSet()));
  }

  @Test
  @DisplayName("a revoked miss is −1 漏报 of the collector and of the unit it was booked under")
  void revokedMiss() {
    CollectorRef movedLater = new CollectorRef("col-zhang", "cu-9");
    StaffFiguresBook book =
        StaffFiguresBook.recompute(
            rows(
                CollectorFact.MissedReportFound.of(new MissedReport("P1", ZHANG, "S1", MARCH)),
                CollectorFact.MissedReportFound.of(new MissedReport("P2", ZHANG, "S1", MARCH)),
                // booked back from cu-1 (the unit the miss was booked under), not cu-9
                new CollectorFact.MissedReportRevoked(
                    "P2:col-zhang:MISSED:REVOKED:1", ZHANG, MARCH),
                new CollectorFact.ReportJudged("c9:VERDICT", movedLater, MARCH, Verdict.VALID)));
    Cells c = book.cells();
    CollectorFigures oneMiss = new CollectorFigures(0, 0, 0, 1, 0, 0, 0, 0);
    assertEquals(
        oneMiss.plus(new CollectorFigures(1, 1, 0, 0, 0, 0, 0, 0)),
        c.collectors().get(FiguresKey.total("col-zhang", M3)));
    assertEquals(oneMiss, c.collectionUnits().get(FiguresKey.total("cu-1", M3)));
    assertEquals(
        new CollectorFigures(1, 1, 0, 0, 0, 0, 0, 0),
        c.collectionUnits().get(FiguresKey.total("cu-9", M3)));
  }

  @Test
  @DisplayName("worked example: collectors, their units and operators by month and year")
  void workedExample() {
    Instant april = Instant.parse("2026-03-31T16:30:00Z"); // April 1st 00:30 in Shanghai
    List<StoredFact> rows = new ArrayList<>();
    rows.addAll(rows(everyCollectorFact().toArray(CollectorFact[]::new)));
    rows.addAll(
        rows(
            new CollectorFact.ReportJudged("c4:VERDICT", LI, MARCH, Verdict.VALID),
            new CollectorFact.ReportJudged("c5:VERDICT", WANG, april, Verdict.FALSE)));
    rows.addAll(rows(everyOperatorFact().toArray(OperatorFact[]::new)));
    rows.addAll(rows(new OperatorFact.OrderDispatched("d2:dispatched", "op1", april)));
    Cells c = StaffFiguresBook.recompute(rows).cells();

    // Zhang: 3 reports (1 valid, 1 false), 2 misses − 1 revoked, 1/1 verifications, 1/1 checks
    CollectorFigures zhang = new CollectorFigures(3, 1, 1, 1, 1, 1, 1, 1);
    assertEquals(zhang, c.collectors().get(FiguresKey.total("col-zhang", M3)));
    assertEquals(zhang, c.collectors().get(FiguresKey.total("col-zhang", Period.year(2026))));
    // cu-1 = Zhang + Li; cu-2 only in April
    CollectorFigures cu1 = zhang.plus(new CollectorFigures(1, 1, 0, 0, 0, 0, 0, 0));
    assertEquals(cu1, c.collectionUnits().get(FiguresKey.total("cu-1", M3)));
    assertNull(c.collectionUnits().get(FiguresKey.total("cu-2", M3)));
    assertEquals(
        new CollectorFigures(1, 0, 1, 0, 0, 0, 0, 0),
        c.collectionUnits().get(FiguresKey.total("cu-2", Period.month(2026, 4))));
    assertEquals(
        new OperatorFigures(2, 1, 1, 1, 2, 1), c.operators().get(FiguresKey.total("op1", M3)));
    assertEquals(
        new OperatorFigures(2, 1, 2, 1, 2, 1),
        c.operators().get(FiguresKey.total("op1", Period.year(2026))));
    // the cells of one period only
    Cells april2026 = c.of(Period.month(2026, 4));
    assertEquals(1, april2026.size(Book.COLLECTOR));
    assertEquals(1, april2026.size(Book.COLLECTION_UNIT));
    assertEquals(1, april2026.size(Book.OPERATOR));
  }

  @Test
  @DisplayName("a fact id counts once, whatever the book")
  void idempotent() {
    StoredFact row =
        StoredFact.of(new CollectorFact.ReportJudged("c1:VERDICT", ZHANG, MARCH, Verdict.VALID));
    StaffFiguresBook book = new StaffFiguresBook();
    assertTrue(book.apply(row));
    assertFalse(book.apply(row));
    assertEquals(
        new CollectorFigures(1, 1, 0, 0, 0, 0, 0, 0),
        book.cells().collectors().get(FiguresKey.total("col-zhang", M3)));
  }

  @Test
  @DisplayName("property: recomputed from the shuffled stored rows = the books fed fact by fact")
  void incrementalEqualsRecompute() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      CollectorRef[] collectors = {ZHANG, LI, WANG, new CollectorRef("col-zhao", "cu-2")};
      String[] operators = {"op1", "op2", "op3"};
      Instant start = Period.month(2026, 3).start();
      CollectorBook incrementalCollectors = new CollectorBook();
      OperatorBook incrementalOperators = new OperatorBook();
      List<StoredFact> rows = new ArrayList<>();
      Map<String, Long> missesPerCollector = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        // March and the first days of April (in Shanghai)
        Instant at = start.plusSeconds(rnd.nextInt(35 * 24 * 3600));
        CollectorRef col = collectors[rnd.nextInt(collectors.length)];
        String op = operators[rnd.nextInt(operators.length)];
        Object fact =
            switch (rnd.nextInt(9)) {
              case 0 ->
                  new CollectorFact.ReportJudged(
                      "c" + i, col, at, Verdict.values()[rnd.nextInt(3)]);
              case 1 ->
                  new CollectorFact.TaskDone(
                      "t" + i, col, at, Task.values()[rnd.nextInt(2)], rnd.nextBoolean());
              case 2 -> {
                missesPerCollector.merge(col.collectorId(), 1L, Long::sum);
                yield CollectorFact.MissedReportFound.of(new MissedReport("P" + i, col, "S", at));
              }
              case 3 -> {
                missesPerCollector.merge(col.collectorId(), -1L, Long::sum);
                yield new CollectorFact.MissedReportRevoked(
                    "P" + i + ":" + col.collectorId() + ":MISSED:REVOKED:1", col, at);
              }
              case 4 -> new OperatorFact.CaseFiled("f" + i, op, at, rnd.nextBoolean());
              case 5 -> new OperatorFact.OrderDispatched("d" + i, op, at);
              case 6 -> new OperatorFact.DispatchReturned("r" + i, op, at);
              case 7 -> new OperatorFact.CaseClosed("x" + i, op, at, rnd.nextBoolean());
              default ->
                  // a redelivered fact: same id, counted once
                  new CollectorFact.ReportJudged(
                      "c" + (i / 2), col, at, Verdict.values()[rnd.nextInt(3)]);
            };
        if (fact instanceof CollectorFact f) {
          boolean first = incrementalCollectors.apply(f);
          if (first) {
            rows.add(StoredFact.of(f)); // the store keeps the first occurrence of an id
          }
        } else {
          OperatorFact f = (OperatorFact) fact;
          incrementalOperators.apply(f);
          rows.add(StoredFact.of(f));
        }
      }
      Collections.shuffle(rows, rnd);
      Cells recomputed = StaffFiguresBook.recompute(rows).cells();
      assertEquals(incrementalCollectors.byCollector(), recomputed.collectors(), "seed " + seed);
      assertEquals(
          incrementalCollectors.byCollectionUnit(), recomputed.collectionUnits(), "seed " + seed);
      assertEquals(incrementalOperators.cells(), recomputed.operators(), "seed " + seed);
      // and the 漏报 of each collector over the whole run is the generator's count
      missesPerCollector.forEach(
          (id, n) ->
              assertEquals(
                  n,
                  recomputed
                      .collectors()
                      .get(FiguresKey.total(id, Period.year(2026)))
                      .missedReports(),
                  id));
      assertEquals(
          List.of(),
          StaffFiguresBook.differences(
              recomputed, incremental(incrementalCollectors, incrementalOperators)));
    }
  }

  @Test
  @DisplayName("differences: a counter lost in a stored cell is named; missing = zero")
  void differences() {
    Cells recomputed =
        StaffFiguresBook.recompute(
                rows(
                    new CollectorFact.TaskDone("e2:checked", ZHANG, MARCH, Task.CHECK, false),
                    CollectorFact.MissedReportFound.of(new MissedReport("P1", LI, "S1", MARCH)),
                    new CollectorFact.MissedReportRevoked("P1:col-li:MISSED:REVOKED:1", LI, MARCH)))
            .cells();
    // stored: Zhang's late check lost in the month cell (and nothing of Li's 0 = +1 −1)
    Map<FiguresKey, CollectorFigures> storedCollectors = new HashMap<>(recomputed.collectors());
    storedCollectors.put(FiguresKey.total("col-zhang", M3), CollectorFigures.ZERO);
    storedCollectors.remove(FiguresKey.total("col-li", M3));
    storedCollectors.remove(FiguresKey.total("col-li", Period.year(2026)));
    Cells stored = new Cells(storedCollectors, recomputed.collectionUnits(), Map.of());

    List<Difference> d = StaffFiguresBook.differences(recomputed, stored);
    assertEquals(1, d.size(), d.toString());
    assertEquals(Book.COLLECTOR, d.get(0).book());
    assertEquals("col-zhang", d.get(0).subjectId());
    assertEquals(M3, d.get(0).period());
    assertEquals(new CollectorFigures(0, 0, 0, 0, 0, 0, 0, 1), d.get(0).recomputed());
    assertEquals(CollectorFigures.ZERO, d.get(0).stored());
    assertEquals(
        "COLLECTOR col-zhang 2026-03: recomputed "
            + d.get(0).recomputed()
            + " stored "
            + CollectorFigures.ZERO,
        d.get(0).toString());
    // an operator cell stored without a fact behind it
    Cells extra =
        new Cells(
            recomputed.collectors(),
            recomputed.collectionUnits(),
            Map.of(FiguresKey.total("op1", M3), new OperatorFigures(0, 0, 1, 0, 0, 0)));
    List<Difference> e = StaffFiguresBook.differences(recomputed, extra);
    assertEquals(1, e.size());
    assertEquals(Book.OPERATOR, e.get(0).book());
    assertEquals(OperatorFigures.ZERO, e.get(0).recomputed());
    assertEquals(1, StaffFiguresBook.compared(recomputed, extra, Book.OPERATOR));
  }

  @Test
  @DisplayName("a row that lacks what its delta needs is refused, not booked as zero")
  void unreadableRows() {
    StaffFiguresBook book = new StaffFiguresBook();
    StoredFact noOnTime =
        new StoredFact(
            "t1", Book.COLLECTOR, "col-zhang", "cu-1", "TaskDone", MARCH, null, "CHECK", null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> book.apply(noOnTime));
    assertTrue(e.getMessage().contains("t1") && e.getMessage().contains("on_time"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            book.apply(
                new StoredFact(
                    "v1",
                    Book.COLLECTOR,
                    "col-zhang",
                    "cu-1",
                    "ReportJudged",
                    MARCH,
                    "MAYBE",
                    null,
                    null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            book.apply(
                new StoredFact(
                    "u1",
                    Book.COLLECTOR,
                    "col-zhang",
                    null,
                    "ReportJudged",
                    MARCH,
                    "VALID",
                    null,
                    null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            book.apply(
                new StoredFact(
                    "k1", Book.OPERATOR, "op1", null, "Teleported", MARCH, null, null, null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new StoredFact(
                "w1",
                Book.COLLECTION_UNIT,
                "cu-1",
                null,
                "ReportJudged",
                MARCH,
                "VALID",
                null,
                null));
    assertEquals(Cells.EMPTY, book.cells());
  }

  private static Cells incremental(CollectorBook c, OperatorBook o) {
    return new Cells(c.byCollector(), c.byCollectionUnit(), o.cells());
  }

  private static List<StoredFact> rows(CollectorFact... facts) {
    return Arrays.stream(facts).map(StoredFact::of).toList();
  }

  private static List<StoredFact> rows(OperatorFact... facts) {
    return Arrays.stream(facts).map(StoredFact::of).toList();
  }

  private static Set<String> kinds(Class<?> sealed) {
    return Arrays.stream(sealed.getPermittedSubclasses())
        .map(Class::getSimpleName)
        .collect(Collectors.toSet());
  }

  private static <T> java.util.stream.Collector<T, ?, Set<T>> toSet() {
    return Collectors.toSet();
  }
}
