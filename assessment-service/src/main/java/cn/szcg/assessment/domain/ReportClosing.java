package cn.szcg.assessment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a periodic 通报 is due: a month, a quarter or a year closes at local midnight
 * after its last day (Asia/Shanghai), and its 通报 is produced once the grace window has also passed,
 * so that the events of the period's last hours (a breach at 23:59, a consumer catching up after a
 * restart) are in the figures. Example (grace 72 h): November 2026 ends 2026-12-01 00:00 Shanghai
 * (2026-11-30T16:00Z); its 通报 is due from 2026-12-04 00:00 Shanghai; the 2026-Q4 and 2026 通报 from
 * 2027-01-04 00:00.
 *
 * <p>Figures are attributed by receipt (docs/assessment.md, section 1), so a month's figures still
 * move after the grace window while its orders are pending; the 通报 is the sealed record of the
 * figures as they stood when it was produced (it shows 在办未到期 for that).
 */
public final class ReportClosing {

  /** The shipped grace window after a period's end. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(72);

  private ReportClosing() {}

  /**
   * The latest period of each type (month, quarter, year) whose end + {@code grace} is at or before
   * {@code now}: the periods whose 通报 must exist at {@code now}. A sealed one is skipped by the
   * caller (a 通报 is produced once).
   */
  public static List<Period> dueAt(Instant now, Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative");
    }
    Instant closedBefore = now.minus(grace);
    return List.of(
        Period.of(Period.Type.MONTH, closedBefore).previous(),
        Period.of(Period.Type.QUARTER, closedBefore).previous(),
        Period.of(Period.Type.YEAR, closedBefore).previous());
  }

  /** Whether the period's 通报 may be produced at {@code now} (the period has ended). */
  public static boolean closed(Period period, Instant now) {
    return !now.isBefore(period.end());
  }

  /**
   * The deterministic report id of a period: {@code MONTH-2026-11}, {@code QUARTER-2026-Q4}, {@code
   * YEAR-2026}.
   */
  public static String reportId(Period period) {
    return period.type().name() + "-" + period;
  }

  /** The period of a report id; throws {@link IllegalArgumentException} when it is not one. */
  public static Period parseReportId(String reportId) {
    if (reportId != null) {
      if (reportId.matches("MONTH-\\d{4}-(0[1-9]|1[0-2])")) {
        return Period.month(
            Integer.parseInt(reportId.substring(6, 10)), Integer.parseInt(reportId.substring(11)));
      }
      if (reportId.matches("QUARTER-\\d{4}-Q[1-4]")) {
        return Period.quarter(
            Integer.parseInt(reportId.substring(8, 12)), Integer.parseInt(reportId.substring(14)));
      }
      if (reportId.matches("YEAR-\\d{4}")) {
        return Period.year(Integer.parseInt(reportId.substring(5)));
      }
    }
    throw new IllegalArgumentException("not a report id: " + reportId);
  }

  /** 通报 title, Chinese: 闽清县数字城管2026年11月考核通报. */
  public static String titleZh(Period p) {
    String when =
        switch (p.type()) {
          case MONTH -> p.year() + "年" + p.month() + "月";
          case QUARTER -> p.year() + "年第" + "一二三四".charAt(p.month() - 1) + "季度";
          case YEAR -> p.year() + "年度";
        };
    return "闽清县数字城管" + when + "考核通报";
  }

  /** 通报 title, English. */
  public static String titleEn(Period p) {
    return "Minqing County digital urban management assessment report " + p;
  }
}
