package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.szcg.assessment.domain.CollectorFact.Task;
import cn.szcg.assessment.domain.CollectorFact.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** collectors and collection units. */
class CollectorScoringTest {

  @Test
  @DisplayName("worked example: 27 + 27 + 18 + 18 = 90.00 → A")
  void workedExample() {
    CollectorFigures f = new CollectorFigures(52, 45, 5, 5, 18, 2, 9, 1);
    assertEquals(
        new BigDecimal("10.00"), CollectorIndicator.FALSE_REPORT_RATE.of(f).percent()); // 5/50
    assertEquals(
        new BigDecimal("10.00"), CollectorIndicator.MISSED_REPORT_RATE.of(f).percent()); // 5/50
    assertEquals(
        new BigDecimal("90.00"), CollectorIndicator.VERIFICATION_ON_TIME_RATE.of(f).percent());
    assertEquals(new BigDecimal("90.00"), CollectorIndicator.CHECK_ON_TIME_RATE.of(f).percent());
    Score s = CollectorScoring.defaults().score(f);
    assertEquals(new BigDecimal("90.00"), s.value());
    assertEquals(Grade.A, s.grade());
  }

  @Test
  @DisplayName("a collection unit is scored on the sum of its collectors, not the mean of scores")
  void unitIsVolumeWeighted() {
    CollectorFigures a = new CollectorFigures(10, 9, 1, 0, 0, 0, 0, 0); // 30×0.9+30+20+20 = 97
    CollectorFigures b = new CollectorFigures(1, 1, 0, 0, 0, 0, 0, 0); // 100
    CollectorScoring scoring = CollectorScoring.defaults();
    assertEquals(new BigDecimal("97.00"), scoring.score(a).value());
    assertEquals(new BigDecimal("100.00"), scoring.score(b).value());
    // sum: 虚报率 1/11 → 30×10/11 + 70 = 97.2727…, not (97 + 100) / 2 = 98.50
    assertEquals(new BigDecimal("97.27"), scoring.score(a.plus(b)).value());
  }

  @Test
  @DisplayName("an idle collector whose grid problems were all found by others scores low")
  void idleCollector() {
    CollectorFigures f = new CollectorFigures(0, 0, 0, 4, 0, 0, 0, 0);
    // 30×1 (no false reports) + 30×0 (漏报率 4/4) + 20 + 20 (no tasks: 0/0 → 1) = 70
    assertEquals(new BigDecimal("70.00"), CollectorScoring.defaults().score(f).value());
    assertFalse(CollectorScoring.defaults().score(CollectorFigures.ZERO).graded());
  }

  @Test
  @DisplayName("the collector book counts by month and year, per collector and per collection unit")
  void book() {
    CollectorRef zhang = new CollectorRef("col-zhang", "cu-1");
    CollectorRef li = new CollectorRef("col-li", "cu-1");
    Instant march = Instant.parse("2026-03-31T15:00:00Z");
    Instant april = Instant.parse("2026-03-31T16:30:00Z"); // April in Shanghai
    CollectorBook book = new CollectorBook();
    assertTrue(book.apply(new CollectorFact.ReportJudged("r1", zhang, march, Verdict.VALID)));
    assertFalse(book.apply(new CollectorFact.ReportJudged("r1", zhang, march, Verdict.VALID)));
    book.apply(new CollectorFact.ReportJudged("r2", zhang, april, Verdict.FALSE));
    book.apply(new CollectorFact.ReportJudged("r3", li, march, Verdict.NOT_FILED));
    book.apply(new CollectorFact.TaskDone("t1", li, march, Task.CHECK, false));
    book.apply(new CollectorFact.TaskDone("t2", li, march, Task.VERIFICATION, true));

    assertEquals(
        new CollectorFigures(1, 1, 0, 0, 0, 0, 0, 0),
        book.collector("col-zhang", Period.month(2026, 3)));
    assertEquals(
        new CollectorFigures(1, 0, 1, 0, 0, 0, 0, 0),
        book.collector("col-zhang", Period.month(2026, 4)));
    assertEquals(
        new CollectorFigures(2, 1, 0, 0, 1, 0, 0, 1),
        book.collectionUnit("cu-1", Period.month(2026, 3)));
    assertEquals(
        new CollectorFigures(3, 1, 1, 0, 1, 0, 0, 1),
        book.collectionUnit("cu-1", Period.year(2026)));
  }

  @Test
  @DisplayName("collector report: columns, ranking and ties")
  void report() {
    Period p = Period.month(2026, 3);
    List<CollectorReportRow> rows =
        CollectorReportRow.rank(
            List.of(
                new CollectorReportRow.Entry(
                    "b", "乙", new CollectorFigures(10, 10, 0, 0, 0, 0, 0, 0)),
                new CollectorReportRow.Entry(
                    "a", "甲", new CollectorFigures(10, 10, 0, 0, 0, 0, 0, 0)),
                new CollectorReportRow.Entry("z", "丙", CollectorFigures.ZERO),
                new CollectorReportRow.Entry(
                    "c", "丁", new CollectorFigures(10, 9, 1, 0, 0, 0, 0, 0))),
            p,
            CollectorScoring.defaults());
    assertEquals(
        List.of("a", "b", "c", "z"), rows.stream().map(CollectorReportRow::subjectId).toList());
    assertEquals(List.of(1, 2, 3, 0), rows.stream().map(CollectorReportRow::rank).toList());
    ReportTable<CollectorReportRow> t = new ReportTable<>(CollectorReportRow.columns(), rows);
    assertEquals("排名", t.headings(Column.Lang.ZH).get(0));
    assertEquals("Rank", t.headings(Column.Lang.EN).get(0));
    assertNull(t.values().get(3).get(0), "not ranked shows blank");
  }
}
