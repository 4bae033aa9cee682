package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact about a collector's work, counted in the period of {@link #at()} (Asia/Shanghai). Produced
 * by the service from {@code intake} events (report registered and judged, verification done) and
 * {@code cases} events (on-site check done), and from {@link MissedReportRule}.
 */
public sealed interface CollectorFact {
  String factId();

  CollectorRef collector();

  Instant at();

  CollectorFigures delta();

  /** Outcome of a collector's report. */
  enum Verdict {
    /** 有效上报: filed as a case. */
    VALID,
    /** 虚报/假报: verified as not existing or not as reported. */
    FALSE,
    /** 不予立案: real but outside the filing standard, or a duplicate: counted as submitted only. */
    NOT_FILED
  }

  /** Kind of on-site task. */
  enum Task {
    /** 核实: verification before filing. */
    VERIFICATION,
    /** 核查: check of a unit's handling. */
    CHECK
  }

  /** A report by the collector was judged ({@code at} = registration time of the report). */
  record ReportJudged(String factId, CollectorRef collector, Instant at, Verdict verdict)
      implements CollectorFact {
    public ReportJudged {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(collector);
      Objects.requireNonNull(at);
      Objects.requireNonNull(verdict);
    }

    @Override
    public CollectorFigures delta() {
      return new CollectorFigures(
          1, verdict == Verdict.VALID ? 1 : 0, verdict == Verdict.FALSE ? 1 : 0, 0, 0, 0, 0, 0);
    }
  }

  /** A missed report (漏报) found by {@link MissedReportRule} ({@code at} = problem registration). */
  record MissedReportFound(String factId, CollectorRef collector, Instant at, String problemId)
      implements CollectorFact {
    public MissedReportFound {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(collector);
      Objects.requireNonNull(at);
    }

    /** The fact for a rule result; fact id "{problemId}:{collectorId}:MISSED". */
    public static MissedReportFound of(MissedReport m) {
      return new MissedReportFound(
          m.problemId() + ":" + m.collector().collectorId() + ":MISSED",
          m.collector(),
          m.registeredAt(),
          m.problemId());
    }

    @Override
    public CollectorFigures delta() {
      return new CollectorFigures(0, 0, 0, 1, 0, 0, 0, 0);
    }
  }

  /**
   * A missed report booked back (漏报撤销): the miss is no longer supported — its shift was cancelled
   * or corrected, or an earlier own report was merged in ({@code at} = the problem's registration,
   * the time the miss was booked at, so that it leaves the same period). Its own fact id, {@code
   * "{problemId}:{collectorId}:MISSED:REVOKED:{n}"}.
   */
  record MissedReportRevoked(String factId, CollectorRef collector, Instant at)
      implements CollectorFact {
    public MissedReportRevoked {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(collector);
      Objects.requireNonNull(at);
    }

    @Override
    public CollectorFigures delta() {
      return new CollectorFigures(0, 0, 0, -1, 0, 0, 0, 0);
    }
  }

  /** An on-site task was completed ({@code at} = completion time). */
  record TaskDone(String factId, CollectorRef collector, Instant at, Task task, boolean onTime)
      implements CollectorFact {
    public TaskDone {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(collector);
      Objects.requireNonNull(at);
      Objects.requireNonNull(task);
    }

    @Override
    public CollectorFigures delta() {
      boolean v = task == Task.VERIFICATION;
      return new CollectorFigures(
          0,
          0,
          0,
          0,
          v && onTime ? 1 : 0,
          v && !onTime ? 1 : 0,
          !v && onTime ? 1 : 0,
          !v && !onTime ? 1 : 0);
    }
  }
}
