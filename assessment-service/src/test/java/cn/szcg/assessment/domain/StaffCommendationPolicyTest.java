package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-25 (Art 34): commendation covers collectors and operators too (docs/assessment.md §6). */
class StaffCommendationPolicyTest {

  static StaffCommendationPolicy.Input<CollectorFigures> collector(
      String id, long valid, long falseReports, long missed, long verOnTime, long verLate) {
    return new StaffCommendationPolicy.Input<>(
        id,
        "采集员" + id,
        new CollectorFigures(
            valid + falseReports, valid, falseReports, missed, verOnTime, verLate, 40, 0));
  }

  @Test
  @DisplayName("collectors: worked example — volume, score, no 虚报, 漏报率 ≤ 5 %, tasks on time")
  void collectors() {
    var result =
        StaffCommendationPolicy.Collectors.DEFAULT.evaluate(
            List.of(
                // 60 valid, no false, 2 missed (2/62 = 3.23 %), verifications 19/20, checks 40/40:
                // 30 + 30 × 60/62 + 20 × 19/20 + 20 = 98.03
                collector("C-good", 60, 0, 2, 19, 1),
                collector("C-false", 60, 1, 2, 19, 1),
                collector("C-missed", 60, 0, 5, 19, 1),
                collector("C-few", 40, 0, 0, 20, 0),
                collector("C-slow", 60, 0, 0, 18, 2),
                // 80 valid, nothing missed or late → 100.00, ranked first
                collector("C-best", 80, 0, 0, 20, 0)),
            CollectorScoring.defaults());
    assertEquals(2, result.candidates().size(), result.toString());
    var best = result.candidates().get(0);
    assertEquals("C-best", best.subjectId());
    assertEquals(1, best.rank());
    assertEquals(new BigDecimal("100.00"), best.score());
    var good = result.candidates().get(1);
    assertEquals("C-good", good.subjectId());
    assertEquals("采集员C-good", good.name());
    assertEquals(2, good.rank());
    assertEquals(new BigDecimal("98.03"), good.score());
    assertEquals(new BigDecimal("3.23"), good.ratesPercent().get("MISSED_REPORT_RATE"));
    assertEquals(60, good.volume());
    assertTrue(result.excluded().get("C-false").get(0).contains("虚报"));
    assertTrue(result.excluded().get("C-missed").get(0).contains("漏报率"));
    assertTrue(result.excluded().get("C-few").get(0).contains("有效上报不足50"));
    // 18/20 = 90 % verifications on time: score 98.00 but below 95 %
    assertEquals(1, result.excluded().get("C-slow").size());
    assertTrue(result.excluded().get("C-slow").get(0).contains("核实按时率"));
  }

  @Test
  @DisplayName("operators: worked example — volume, score, every rate ≥ 95 %")
  void operators() {
    var result =
        StaffCommendationPolicy.Operators.DEFAULT.evaluate(
            List.of(
                // 49/50 filed on time, 39/40 dispatched right, 29/30 closed on time, volume 120:
                // 40 × 0.98 + 30 × 0.975 + 30 × 29/30 = 39.2 + 29.25 + 29 = 97.45
                new StaffCommendationPolicy.Input<>(
                    "op-good", "op-good", new OperatorFigures(50, 49, 40, 1, 30, 29)),
                // 45/50 filed on time (90 %): score 94.45, but 立案及时率 below 95 %
                new StaffCommendationPolicy.Input<>(
                    "op-late", "op-late", new OperatorFigures(50, 45, 40, 1, 30, 29)),
                // perfect but only 60 cases handled
                new StaffCommendationPolicy.Input<>(
                    "op-few", "op-few", new OperatorFigures(20, 20, 20, 0, 20, 20))),
            OperatorScoring.defaults());
    assertEquals(1, result.candidates().size(), result.toString());
    var good = result.candidates().get(0);
    assertEquals("op-good", good.subjectId());
    assertEquals(new BigDecimal("97.45"), good.score());
    assertEquals(120, good.volume());
    assertEquals(new BigDecimal("97.50"), good.ratesPercent().get("DISPATCH_ACCURACY_RATE"));
    assertEquals(List.of("立案及时率不足95% (on-time filing rate)"), result.excluded().get("op-late"));
    assertTrue(result.excluded().get("op-few").get(0).contains("不足100件"));
  }
}
