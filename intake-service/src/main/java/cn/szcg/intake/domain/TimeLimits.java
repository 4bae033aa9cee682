package cn.szcg.intake.domain;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;

/** Intake's time-limit rules. */
public final class TimeLimits {

  private TimeLimits() {}

  /**
   * Limit for verification, filing and dispatch after registration (R-12, Art 21): 1 working hour,
   * 2 working hours in the urban-rural fringe (城乡结合部).
   */
  public static TimeLimit acceptanceLimit(Zone zone) {
    return new TimeLimit(zone == Zone.FRINGE ? 2 : 1, LimitUnit.WORKING_HOURS);
  }

  /**
   * The natural-time counterpart of a limit (R-20, Art 29: an emergency's limit runs in natural
   * time from acceptance and is not deferred): 4 working hours → 4 natural hours, 2 working days →
   * 2 natural days; natural limits are returned unchanged.
   */
  public static TimeLimit naturalEquivalent(TimeLimit limit) {
    return switch (limit.unit()) {
      case WORKING_MINUTES -> new TimeLimit(limit.amount(), LimitUnit.NATURAL_MINUTES);
      case WORKING_HOURS -> new TimeLimit(limit.amount(), LimitUnit.NATURAL_HOURS);
      case WORKING_DAYS -> new TimeLimit(limit.amount(), LimitUnit.NATURAL_DAYS);
      default -> limit;
    };
  }
}
