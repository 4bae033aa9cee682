package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yearly commendation (年度通报表扬, Art 34, R-25) of the people the center assesses besides the units:
 * information collectors (信息采集员, R-08) and center operators (受理员/值班长). Units are judged by {@link
 * CommendationPolicy}. On the <em>yearly</em> figures; percentages compared are the printed ones
 * (two decimals HALF_UP); everyone not eligible is listed with every reason.
 *
 * <p><b>Collectors</b> ({@link #collectors}) — eligible when all hold:
 *
 * <ul>
 *   <li>volume: 有效上报 ≥ {@code minValidReports} (default 50);
 *   <li>composite score ({@link CollectorScoring}) ≥ {@code minScore} (default 90, grade A);
 *   <li>no 虚报/假报: false reports ≤ {@code maxFalseReports} (default 0 — one fabricated or false
 *       report in the year disqualifies);
 *   <li>漏报率 ≤ {@code maxMissedReportPercent} (default 5 %; not 0: the missed-report rule charges
 *       every collector on duty for a problem of the grid that the public found first, so "no
 *       missed report at all in a year" would leave nobody to commend);
 *   <li>核实按时率 and 核查按时率 ≥ {@code minOnTimePercent} (default 95 %; no task given counts as 100 %).
 * </ul>
 *
 * Ranked by score, then 有效上报 (descending), 漏报率 (ascending), id.
 *
 * <p><b>Operators</b> ({@link #operators}) — eligible when all hold: volume 立案 + 派遣 + 结案 ≥ {@code
 * minVolume} (default 100); score ({@link OperatorScoring}) ≥ {@code minScore} (90); 立案及时率, 派遣准确率
 * and 结案及时率 each ≥ {@code minRatePercent} (default 95 %). Ranked by score, then volume
 * (descending), id.
 */
public final class StaffCommendationPolicy {
  private StaffCommendationPolicy() {}

  /** A subject (collector or operator), its display name and its yearly figures. */
  public record Input<F>(String subjectId, String name, F yearFigures) {}

  /**
   * An eligible person, ranked: score, the rates (printed percentages, by indicator name) and the
   * volume the thresholds were checked on.
   */
  public record Candidate(
      int rank,
      String subjectId,
      String name,
      BigDecimal score,
      Map<String, BigDecimal> ratesPercent,
      long volume) {}

  /** The ranked candidates and why every other person is not one. */
  public record Result(List<Candidate> candidates, Map<String, List<String>> excluded) {}

  /** The collectors' thresholds. */
  public record Collectors(
      long minValidReports,
      BigDecimal minScore,
      long maxFalseReports,
      BigDecimal maxMissedReportPercent,
      BigDecimal minOnTimePercent,
      int maxCandidates) {
    public static final Collectors DEFAULT =
        new Collectors(50, new BigDecimal("90"), 0, new BigDecimal("5"), new BigDecimal("95"), 0);

    public Result evaluate(List<Input<CollectorFigures>> inputs, CollectorScoring scoring) {
      List<Candidate> eligible = new ArrayList<>();
      Map<String, List<String>> excluded = new LinkedHashMap<>();
      for (Input<CollectorFigures> in : inputs) {
        CollectorFigures f = in.yearFigures();
        Score s = scoring.score(f);
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (CollectorIndicator i : CollectorIndicator.values()) {
          rates.put(i.name(), i.of(f).percent());
        }
        List<String> reasons = new ArrayList<>();
        if (f.validReports() < minValidReports) {
          reasons.add("有效上报不足" + minValidReports + "件 (too few valid reports)");
        }
        if (!s.graded() || s.value().compareTo(minScore) < 0) {
          reasons.add("综合指标值低于" + minScore.toPlainString() + " (score below threshold)");
        }
        if (f.falseReports() > maxFalseReports) {
          reasons.add("年内有虚报/假报 " + f.falseReports() + " 件 (false reports in the year)");
        }
        BigDecimal missed = rates.get(CollectorIndicator.MISSED_REPORT_RATE.name());
        if (missed != null && missed.compareTo(maxMissedReportPercent) > 0) {
          reasons.add("漏报率高于" + maxMissedReportPercent.toPlainString() + "% (missed-report rate)");
        }
        for (CollectorIndicator i :
            List.of(
                CollectorIndicator.VERIFICATION_ON_TIME_RATE,
                CollectorIndicator.CHECK_ON_TIME_RATE)) {
          BigDecimal r = rates.get(i.name());
          if (r != null && r.compareTo(minOnTimePercent) < 0) {
            reasons.add(i.zh() + "不足" + minOnTimePercent.toPlainString() + "% (" + i.en() + ")");
          }
        }
        if (reasons.isEmpty()) {
          eligible.add(
              new Candidate(0, in.subjectId(), in.name(), s.value(), rates, f.validReports()));
        } else {
          excluded.put(in.subjectId(), List.copyOf(reasons));
        }
      }
      eligible.sort(
          Comparator.comparing(Candidate::score, Comparator.reverseOrder())
              .thenComparing(Candidate::volume, Comparator.reverseOrder())
              .thenComparing(
                  c -> c.ratesPercent().get(CollectorIndicator.MISSED_REPORT_RATE.name()),
                  Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
              .thenComparing(Candidate::subjectId));
      return ranked(eligible, excluded, maxCandidates);
    }
  }

  /** The operators' thresholds. */
  public record Operators(
      long minVolume, BigDecimal minScore, BigDecimal minRatePercent, int maxCandidates) {
    public static final Operators DEFAULT =
        new Operators(100, new BigDecimal("90"), new BigDecimal("95"), 0);

    public Result evaluate(List<Input<OperatorFigures>> inputs, OperatorScoring scoring) {
      List<Candidate> eligible = new ArrayList<>();
      Map<String, List<String>> excluded = new LinkedHashMap<>();
      for (Input<OperatorFigures> in : inputs) {
        OperatorFigures f = in.yearFigures();
        Score s = scoring.score(f);
        long volume = f.filed() + f.dispatched() + f.closed();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (OperatorIndicator i : OperatorIndicator.values()) {
          rates.put(i.name(), i.of(f).percent());
        }
        List<String> reasons = new ArrayList<>();
        if (volume < minVolume) {
          reasons.add("立案、派遣、结案合计不足" + minVolume + "件 (volume below threshold)");
        }
        if (!s.graded() || s.value().compareTo(minScore) < 0) {
          reasons.add("综合指标值低于" + minScore.toPlainString() + " (score below threshold)");
        }
        for (OperatorIndicator i : OperatorIndicator.values()) {
          BigDecimal r = rates.get(i.name());
          if (r != null && r.compareTo(minRatePercent) < 0) {
            reasons.add(i.zh() + "不足" + minRatePercent.toPlainString() + "% (" + i.en() + ")");
          }
        }
        if (reasons.isEmpty()) {
          eligible.add(new Candidate(0, in.subjectId(), in.name(), s.value(), rates, volume));
        } else {
          excluded.put(in.subjectId(), List.copyOf(reasons));
        }
      }
      eligible.sort(
          Comparator.comparing(Candidate::score, Comparator.reverseOrder())
              .thenComparing(Candidate::volume, Comparator.reverseOrder())
              .thenComparing(Candidate::subjectId));
      return ranked(eligible, excluded, maxCandidates);
    }
  }

  private static Result ranked(
      List<Candidate> eligible, Map<String, List<String>> excluded, int maxCandidates) {
    List<Candidate> ranked = new ArrayList<>();
    for (Candidate c : eligible) {
      if (maxCandidates > 0 && ranked.size() >= maxCandidates) {
        excluded.put(c.subjectId(), List.of("名额已满 (beyond the number of commendations)"));
        continue;
      }
      ranked.add(
          new Candidate(
              ranked.size() + 1, c.subjectId(), c.name(), c.score(), c.ratesPercent(), c.volume()));
    }
    return new Result(List.copyOf(ranked), excluded);
  }
}
