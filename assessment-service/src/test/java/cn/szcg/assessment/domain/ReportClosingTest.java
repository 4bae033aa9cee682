package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a periodic 通报 is due (R-23; docs/assessment.md, 定期通报): Asia/Shanghai periods + grace. */
class ReportClosingTest {

  static final Duration GRACE = ReportClosing.DEFAULT_GRACE;

  @Test
  void novemberIsDueThreeDaysAfterItsShanghaiEnd() {
    // November 2026 ends 2026-12-01 00:00 Shanghai = 2026-11-30T16:00Z; + 72 h
    Instant due = Instant.parse("2026-12-03T16:00:00Z");
    assertEquals(
        List.of(Period.month(2026, 10), Period.quarter(2026, 3), Period.year(2025)),
        ReportClosing.dueAt(due.minusSeconds(1), GRACE));
    assertEquals(
        List.of(Period.month(2026, 11), Period.quarter(2026, 3), Period.year(2025)),
        ReportClosing.dueAt(due, GRACE));
  }

  @Test
  void quarterAndYearCloseWithDecember() {
    Instant due = Instant.parse("2027-01-03T16:00:00Z"); // 2027-01-04 00:00 Shanghai
    assertEquals(
        List.of(Period.month(2026, 12), Period.quarter(2026, 4), Period.year(2026)),
        ReportClosing.dueAt(due, GRACE));
    assertEquals(Period.quarter(2026, 3), ReportClosing.dueAt(due.minusSeconds(1), GRACE).get(1));
  }

  @Test
  void zeroGraceClosesAtLocalMidnight() {
    // 2026-03-31T16:00Z is 2026-04-01 00:00 in Shanghai: March (and Q1) have just closed
    List<Period> due = ReportClosing.dueAt(Instant.parse("2026-03-31T16:00:00Z"), Duration.ZERO);
    assertEquals(Period.month(2026, 3), due.get(0));
    assertEquals(Period.quarter(2026, 1), due.get(1));
    assertEquals(
        Period.month(2026, 2),
        ReportClosing.dueAt(Instant.parse("2026-03-31T15:59:59Z"), Duration.ZERO).get(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReportClosing.dueAt(Instant.now(), Duration.ofHours(-1)));
  }

  @Test
  void quarters() {
    Period q4 = Period.quarter(2026, 4);
    assertEquals("2026-Q4", q4.toString());
    assertEquals(LocalDate.of(2026, 10, 1), q4.firstDay());
    assertEquals(LocalDate.of(2026, 12, 31), q4.lastDay());
    assertEquals(
        List.of(Period.month(2026, 10), Period.month(2026, 11), Period.month(2026, 12)),
        q4.months());
    assertEquals(Instant.parse("2026-09-30T16:00:00Z"), q4.start());
    assertEquals(Instant.parse("2026-12-31T16:00:00Z"), q4.end());
    assertEquals(Period.quarter(2026, 3), q4.previous());
    assertEquals(Period.quarter(2025, 4), Period.quarter(2026, 1).previous());
    assertEquals(12, Period.year(2026).months().size());
    assertEquals(LocalDate.of(2026, 2, 28), Period.month(2026, 2).lastDay());
    assertThrows(IllegalArgumentException.class, () -> Period.quarter(2026, 5));
    // a quarter is not a figures period: the figures API does not accept it
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-Q4"));
  }

  @Test
  void reportIdsAndTitles() {
    assertEquals("MONTH-2026-11", ReportClosing.reportId(Period.month(2026, 11)));
    assertEquals("QUARTER-2026-Q4", ReportClosing.reportId(Period.quarter(2026, 4)));
    assertEquals("YEAR-2026", ReportClosing.reportId(Period.year(2026)));
    for (Period p : List.of(Period.month(2026, 1), Period.quarter(2026, 2), Period.year(2030))) {
      assertEquals(p, ReportClosing.parseReportId(ReportClosing.reportId(p)));
    }
    for (String bad : List.of("MONTH-2026-13", "QUARTER-2026-Q5", "YEAR-26", "2026-11", "")) {
      assertThrows(IllegalArgumentException.class, () -> ReportClosing.parseReportId(bad), bad);
    }
    assertEquals("闽清县数字城管2026年11月考核通报", ReportClosing.titleZh(Period.month(2026, 11)));
    assertEquals("闽清县数字城管2026年第四季度考核通报", ReportClosing.titleZh(Period.quarter(2026, 4)));
    assertEquals("闽清县数字城管2026年度考核通报", ReportClosing.titleZh(Period.year(2026)));
  }

  @Test
  void closedAtItsEnd() {
    Period nov = Period.month(2026, 11);
    assertFalse(ReportClosing.closed(nov, nov.end().minusSeconds(1)));
    assertTrue(ReportClosing.closed(nov, nov.end()));
  }
}
