package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.szcg.contracts.events.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-08 (Art 15): missed reports (漏报). */
class MissedReportRuleTest {
  static final CollectorRef ZHANG = new CollectorRef("col-zhang", "cu-1");
  static final CollectorRef LI = new CollectorRef("col-li", "cu-1");
  static final Instant START = Instant.parse("2026-03-10T00:00:00Z"); // 08:00 Shanghai
  static final Instant END = Instant.parse("2026-03-10T09:00:00Z"); // 17:00 Shanghai
  static final DutyShift ZHANG_SHIFT =
      new DutyShift("s1", ZHANG, Set.of("G-01", "G-02"), START, END);

  static RegisteredProblem problem(String grid, Instant at, Channel ch, String by, boolean filed) {
    return new RegisteredProblem("p1", grid, at, ch, by, filed);
  }

  @Test
  @DisplayName("a hotline report in the collector's grid during the shift is a missed report")
  void hotlineFirst() {
    List<MissedReport> m =
        MissedReportRule.defaults()
            .missedBy(
                problem("G-01", START.plusSeconds(3600), Channel.HOTLINE, null, true),
                List.of(ZHANG_SHIFT));
    assertEquals(1, m.size());
    assertEquals(ZHANG, m.get(0).collector());
    assertEquals("s1", m.get(0).shiftId());
    CollectorFact.MissedReportFound f = CollectorFact.MissedReportFound.of(m.get(0));
    assertEquals("p1:col-zhang:MISSED", f.factId());
    assertEquals(1, f.delta().missedReports());
  }

  @Test
  @DisplayName("the collector's own patrol report is not missed; another collector's is")
  void whoFoundIt() {
    MissedReportRule rule = MissedReportRule.defaults();
    Instant t = START.plusSeconds(600);
    assertEquals(
        List.of(),
        rule.missedBy(problem("G-01", t, Channel.PATROL, "col-zhang", true), List.of(ZHANG_SHIFT)));
    assertEquals(
        1,
        rule.missedBy(problem("G-01", t, Channel.PATROL, "col-li", true), List.of(ZHANG_SHIFT))
            .size());
    assertEquals(
        1,
        rule.missedBy(problem("G-02", t, Channel.VIDEO, null, true), List.of(ZHANG_SHIFT)).size());
  }

  @Test
  @DisplayName("outside the grid, outside the shift [start, end), or not filed: not missed")
  void boundaries() {
    MissedReportRule rule = MissedReportRule.defaults();
    List<DutyShift> shifts = List.of(ZHANG_SHIFT);
    assertEquals(
        List.of(),
        rule.missedBy(problem("G-09", START.plusSeconds(60), Channel.HOTLINE, null, true), shifts));
    assertEquals(
        List.of(),
        rule.missedBy(problem("G-01", START.minusSeconds(1), Channel.HOTLINE, null, true), shifts));
    assertEquals(
        1, rule.missedBy(problem("G-01", START, Channel.HOTLINE, null, true), shifts).size());
    assertEquals(
        1,
        rule.missedBy(problem("G-01", END.minusSeconds(1), Channel.HOTLINE, null, true), shifts)
            .size());
    assertEquals(
        List.of(), rule.missedBy(problem("G-01", END, Channel.HOTLINE, null, true), shifts));
    assertEquals(
        List.of(),
        rule.missedBy(
            problem("G-01", START.plusSeconds(60), Channel.HOTLINE, null, false), shifts));
  }

  @Test
  @DisplayName(
      "grace after shift start: a 30-minute grace exempts problems registered before 08:30")
  void grace() {
    MissedReportRule rule = new MissedReportRule(Duration.ofMinutes(30));
    List<DutyShift> shifts = List.of(ZHANG_SHIFT);
    assertEquals(
        List.of(),
        rule.missedBy(
            problem("G-01", START.plusSeconds(29 * 60), Channel.WEIBO, null, true), shifts));
    assertEquals(
        1,
        rule.missedBy(
                problem("G-01", START.plusSeconds(30 * 60), Channel.WEIBO, null, true), shifts)
            .size());
    assertThrows(
        IllegalArgumentException.class, () -> new MissedReportRule(Duration.ofMinutes(-1)));
  }

  @Test
  @DisplayName("two collectors sharing the grid are both charged; overlapping shifts charge once")
  void sharedGrid() {
    DutyShift li = new DutyShift("s2", LI, Set.of("G-01"), START, END);
    DutyShift zhangOverlap = new DutyShift("s3", ZHANG, Set.of("G-01"), START, END);
    List<MissedReport> m =
        MissedReportRule.defaults()
            .missedBy(
                problem("G-01", START.plusSeconds(60), Channel.LEADER, null, true),
                List.of(zhangOverlap, ZHANG_SHIFT, li));
    assertEquals(
        List.of("col-li", "col-zhang"), m.stream().map(x -> x.collector().collectorId()).toList());
    assertEquals("s1", m.get(1).shiftId(), "the first shift by id is named");
  }
}
