package cn.szcg.assessment.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * On time for the staff steps that have no clock of their own yet, in natural time: a collector's
 * verification (核实) within the verification limit of its request (R-08, R-12: verify within 1
 * working hour), an operator's close (结案) within the close limit of the passed check (R-15: pass →
 * close). An approximation of working time, see docs/assessment.md.
 */
public final class StaffTimeliness {

  private StaffTimeliness() {}

  /**
   * Done within {@code limit} of {@code start} (the limit's last instant included); on time as well
   * when the start is unknown (its event never came): nobody is charged for a missing event.
   */
  public static boolean withinLimit(Instant start, Instant done, Duration limit) {
    return start == null || !done.isAfter(start.plus(limit));
  }
}
