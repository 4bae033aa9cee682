package cn.szcg.assessment.domain;

import static cn.szcg.assessment.domain.Figures.Counter.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-25 (Art 34): yearly commendation candidates. */
class CommendationPolicyTest {

  static Figures year(int due, int onTime, int reworked, int satisfied, int dissatisfied) {
    return Fig.of(
        RECEIVED,
        due,
        HANDLED,
        due,
        HANDLED_ON_TIME,
        onTime,
        OVERDUE_HANDLING,
        due - onTime,
        CHECKED,
        due,
        REWORKED,
        reworked,
        SATISFIED,
        satisfied,
        DISSATISFIED,
        dissatisfied);
  }

  @Test
  @DisplayName("eligibility thresholds and ranking")
  void candidates() {
    List<CommendationPolicy.Input> in =
        List.of(
            new CommendationPolicy.Input("U-good", "甲局", year(100, 95, 2, 18, 2)),
            new CommendationPolicy.Input("U-best", "乙局", year(100, 100, 0, 20, 0)),
            new CommendationPolicy.Input("U-small", "小局", year(20, 20, 0, 20, 0)),
            new CommendationPolicy.Input("U-few-votes", "丙局", year(100, 100, 0, 5, 0)),
            new CommendationPolicy.Input("U-unhappy", "丁局", year(100, 100, 0, 8, 4)),
            new CommendationPolicy.Input("U-escalated", "戊局", year(100, 100, 0, 20, 0)),
            new CommendationPolicy.Input("U-late", "己局", year(100, 85, 0, 20, 0)));
    CommendationPolicy.Result r =
        CommendationPolicy.DEFAULT.evaluate(in, Set.of("U-escalated"), UnitScoring.defaults());
    assertEquals(
        List.of("U-best", "U-good"),
        r.candidates().stream().map(CommendationPolicy.Candidate::subjectId).toList());
    assertEquals(1, r.candidates().get(0).rank());
    assertEquals(new BigDecimal("100.00"), r.candidates().get(0).score());
    // U-good: 30 + 20×0.95 + 20×0.98 + 20×0.95 + 10 = 97.60
    assertEquals(new BigDecimal("97.60"), r.candidates().get(1).score());
    assertEquals(
        Set.of("U-small", "U-few-votes", "U-unhappy", "U-escalated", "U-late"),
        r.excluded().keySet());
    assertTrue(r.excluded().get("U-small").get(0).contains("应处置不足30"));
  }

  @Test
  @DisplayName("at most maxCandidates")
  void limit() {
    CommendationPolicy one =
        new CommendationPolicy(
            30,
            new BigDecimal("90"),
            new BigDecimal("90"),
            new BigDecimal("10"),
            10,
            new BigDecimal("90"),
            true,
            1);
    CommendationPolicy.Result r =
        one.evaluate(
            List.of(
                new CommendationPolicy.Input("U-a", "甲", year(50, 50, 0, 10, 0)),
                new CommendationPolicy.Input("U-b", "乙", year(60, 60, 0, 10, 0))),
            Set.of(),
            UnitScoring.defaults());
    assertEquals(1, r.candidates().size());
    assertEquals("U-b", r.candidates().get(0).subjectId(), "equal scores: more volume first");
    assertTrue(r.excluded().containsKey("U-a"));
  }
}
