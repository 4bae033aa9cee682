package cn.szcg.assessment.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The missed-report rule (漏报, Art 15, R-08). A filed problem P is a missed report of collector C on
 * shift S if and only if all hold:
 *
 * <ol>
 *   <li>P was filed as a case ({@link RegisteredProblem#filed()}); unfounded or rejected problems
 *       are not missed;
 *   <li>P's grid is one of S's grids;
 *   <li>P was first registered during S, after the grace period: {@code S.start + grace <=
 *       P.registeredAt < S.end};
 *   <li>P's first registration was not C's own report: it came by another channel (video, hotline,
 *       leader, media, website, Weibo) or by another collector's patrol report.
 * </ol>
 *
 * If several collectors were on duty over that grid at that time, each of them is charged (they
 * shared the grid). A later report by C of the same problem does not undo the miss: another channel
 * found it first. The grace (default 0) lets the center exempt problems registered right at the
 * start of a shift, before a collector could have reached the grid.
 */
public final class MissedReportRule {
  private final Duration graceAfterShiftStart;

  public MissedReportRule(Duration graceAfterShiftStart) {
    this.graceAfterShiftStart = Objects.requireNonNull(graceAfterShiftStart);
    if (graceAfterShiftStart.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0");
    }
  }

  public static MissedReportRule defaults() {
    return new MissedReportRule(Duration.ZERO);
  }

  public Duration graceAfterShiftStart() {
    return graceAfterShiftStart;
  }

  /** The collectors charged with missing {@code problem}, sorted by collector id then shift id. */
  public List<MissedReport> missedBy(RegisteredProblem problem, Collection<DutyShift> shifts) {
    List<MissedReport> out = new ArrayList<>();
    if (!problem.filed() || problem.gridId() == null) {
      return out;
    }
    for (DutyShift s : shifts) {
      boolean inGrid = s.gridIds().contains(problem.gridId());
      boolean inTime =
          !problem.registeredAt().isBefore(s.start().plus(graceAfterShiftStart))
              && problem.registeredAt().isBefore(s.end());
      boolean foundByOther = !s.collector().collectorId().equals(problem.reportedByCollectorId());
      if (inGrid && inTime && foundByOther) {
        out.add(
            new MissedReport(
                problem.problemId(), s.collector(), s.shiftId(), problem.registeredAt()));
      }
    }
    out.sort(
        Comparator.comparing((MissedReport m) -> m.collector().collectorId())
            .thenComparing(MissedReport::shiftId));
    return dedupeByCollector(out);
  }

  /** One miss per collector and problem, even if two of their shifts overlap. */
  private static List<MissedReport> dedupeByCollector(List<MissedReport> sorted) {
    List<MissedReport> out = new ArrayList<>();
    String last = null;
    for (MissedReport m : sorted) {
      if (!m.collector().collectorId().equals(last)) {
        out.add(m);
        last = m.collector().collectorId();
      }
    }
    return out;
  }
}
