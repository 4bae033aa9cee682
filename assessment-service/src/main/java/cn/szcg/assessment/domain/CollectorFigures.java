package cn.szcg.assessment.domain;

/**
 * Counters of a collector or a collection unit in a period. Mergeable: {@link #plus}
 * is associative and commutative; a collection unit's figures are the sum of its collectors'.
 *
 * @param reports reports submitted (上报数)
 * @param validReports valid reports (有效上报): filed as a case
 * @param falseReports false or fabricated reports (虚报/假报): the problem did not exist as reported
 * @param missedReports missed reports (漏报), see {@link MissedReportRule}
 * @param verificationsOnTime on-site verifications (核实) done within the limit
 * @param verificationsLate verifications done late
 * @param checksOnTime on-site checks (核查) done within the limit (R-15: 1 working hour, 2 in the
 *     fringe)
 * @param checksLate checks done late
 */
public record CollectorFigures(
    long reports,
    long validReports,
    long falseReports,
    long missedReports,
    long verificationsOnTime,
    long verificationsLate,
    long checksOnTime,
    long checksLate) {
  public static final CollectorFigures ZERO = new CollectorFigures(0, 0, 0, 0, 0, 0, 0, 0);

  public CollectorFigures plus(CollectorFigures o) {
    return new CollectorFigures(
        reports + o.reports,
        validReports + o.validReports,
        falseReports + o.falseReports,
        missedReports + o.missedReports,
        verificationsOnTime + o.verificationsOnTime,
        verificationsLate + o.verificationsLate,
        checksOnTime + o.checksOnTime,
        checksLate + o.checksLate);
  }

  public static CollectorFigures apply(CollectorFigures f, CollectorFact fact) {
    return f.plus(fact.delta());
  }

  /** Anything to assess on: reports judged, missed reports, or tasks done. */
  public boolean active() {
    return validReports
            + falseReports
            + missedReports
            + verificationsOnTime
            + verificationsLate
            + checksOnTime
            + checksLate
        > 0;
  }
}
