package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yearly commendation candidates (年度通报表扬, Art 34, R-25): units — or staff, from figures booked per
 * handling person — that handled promptly, properly, to standard, with high public satisfaction. On
 * the <em>yearly</em> figures, a subject is eligible when all hold:
 *
 * <ul>
 *   <li>volume: 应处置 ≥ {@code minToHandle} (default 30; staff: choose lower, e.g. 10);
 *   <li>composite score ≥ {@code minScore} (default 90, grade A);
 *   <li>按期处置率 ≥ {@code minOnTimeHandlingPercent} (default 90%);
 *   <li>返工率 ≤ {@code maxReworkPercent} (default 10%);
 *   <li>at least {@code minResponses} satisfaction responses (default 10) and 满意率 ≥ {@code
 *       minSatisfactionPercent} (default 90%);
 *   <li>no efficiency-office escalation (Art 33) during the year, if {@code excludeEscalated}.
 * </ul>
 *
 * Candidates are ranked by score descending, then 按期处置率 descending, 满意率 descending, 返工率 ascending,
 * 应处置 descending, id ascending; at most {@code maxCandidates} (0 = all). Percentages compared are
 * the printed ones (two decimals HALF_UP).
 */
public record CommendationPolicy(
    long minToHandle,
    BigDecimal minScore,
    BigDecimal minOnTimeHandlingPercent,
    BigDecimal maxReworkPercent,
    long minResponses,
    BigDecimal minSatisfactionPercent,
    boolean excludeEscalated,
    int maxCandidates) {

  public static final CommendationPolicy DEFAULT =
      new CommendationPolicy(
          30,
          new BigDecimal("90"),
          new BigDecimal("90"),
          new BigDecimal("10"),
          10,
          new BigDecimal("90"),
          true,
          0);

  /** A subject (unit or staff member) and its yearly figures. */
  public record Input(String subjectId, String name, Figures yearFigures) {}

  /** An eligible subject, ranked. */
  public record Candidate(
      int rank,
      String subjectId,
      String name,
      BigDecimal score,
      BigDecimal onTimeHandlingPercent,
      BigDecimal reworkPercent,
      BigDecimal satisfactionPercent,
      long toHandle) {}

  /** The ranked candidates and, for transparency, why every other subject is not one. */
  public record Result(List<Candidate> candidates, Map<String, List<String>> excluded) {}

  public Result evaluate(List<Input> inputs, Set<String> escalatedSubjectIds, UnitScoring scoring) {
    List<Candidate> eligible = new ArrayList<>();
    Map<String, List<String>> excluded = new LinkedHashMap<>();
    for (Input in : inputs) {
      Figures f = in.yearFigures();
      Score s = scoring.score(f);
      List<String> reasons = new ArrayList<>();
      if (f.toHandle() < minToHandle) {
        reasons.add("应处置不足" + minToHandle + " (volume below threshold)");
      }
      if (!s.graded() || s.value().compareTo(minScore) < 0) {
        reasons.add("综合指标值低于" + minScore.toPlainString() + " (score below threshold)");
      }
      BigDecimal onTime = UnitIndicator.ON_TIME_HANDLING_RATE.of(f).percent();
      if (onTime == null || onTime.compareTo(minOnTimeHandlingPercent) < 0) {
        reasons.add("按期处置率不足 (on-time handling rate below threshold)");
      }
      Ratio rework = UnitIndicator.REWORK_RATE.of(f);
      BigDecimal reworkPct = rework.defined() ? rework.percent() : BigDecimal.ZERO.setScale(2);
      if (reworkPct.compareTo(maxReworkPercent) > 0) {
        reasons.add("返工率过高 (rework rate above threshold)");
      }
      BigDecimal satisfaction = UnitIndicator.SATISFACTION_RATE.of(f).percent();
      if (f.responses() < minResponses) {
        reasons.add("满意度评价不足" + minResponses + "件 (too few satisfaction responses)");
      } else if (satisfaction != null && satisfaction.compareTo(minSatisfactionPercent) < 0) {
        reasons.add("满意率不足 (satisfaction rate below threshold)");
      }
      if (excludeEscalated && escalatedSubjectIds.contains(in.subjectId())) {
        reasons.add("年内被县效能办通报 (escalated to the efficiency office this year)");
      }
      if (reasons.isEmpty()) {
        eligible.add(
            new Candidate(
                0,
                in.subjectId(),
                in.name(),
                s.value(),
                onTime,
                reworkPct,
                satisfaction,
                f.toHandle()));
      } else {
        excluded.put(in.subjectId(), List.copyOf(reasons));
      }
    }
    eligible.sort(
        Comparator.comparing(Candidate::score, Comparator.reverseOrder())
            .thenComparing(Candidate::onTimeHandlingPercent, Comparator.reverseOrder())
            .thenComparing(Candidate::satisfactionPercent, Comparator.reverseOrder())
            .thenComparing(Candidate::reworkPercent)
            .thenComparing(Candidate::toHandle, Comparator.reverseOrder())
            .thenComparing(Candidate::subjectId));
    List<Candidate> ranked = new ArrayList<>();
    for (Candidate c : eligible) {
      if (maxCandidates > 0 && ranked.size() >= maxCandidates) {
        excluded.put(c.subjectId(), List.of("名额已满 (beyond the number of commendations)"));
        continue;
      }
      ranked.add(
          new Candidate(
              ranked.size() + 1,
              c.subjectId(),
              c.name(),
              c.score(),
              c.onTimeHandlingPercent(),
              c.reworkPercent(),
              c.satisfactionPercent(),
              c.toHandle()));
    }
    return new Result(List.copyOf(ranked), excluded);
  }
}
