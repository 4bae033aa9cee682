package cn.szcg.sla.domain;

import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import java.util.Objects;

/**
 * The rule set a clock starts under (规则版本): a version id that clocks keep, and the warning
 * threshold (预警) as a percentage of the allowed time. Limits per stage come from {@link Stage}.
 * When the regulation changes, add a new policy with a new version; running clocks keep theirs.
 */
public record StageClockPolicy(String version, int warningPercent) {

  /** The 2016 Minqing regulation, warning at 80 % of the allowed time. */
  public static final StageClockPolicy MINQING_2016 = new StageClockPolicy("minqing-2016.1", 80);

  public StageClockPolicy {
    Objects.requireNonNull(version, "version");
    if (warningPercent < 1 || warningPercent > 99) {
      throw new IllegalArgumentException("warningPercent must be 1..99: " + warningPercent);
    }
  }

  /** (stage, zone, emergency, categoryLimit) → limit; see {@link Stage#limit}. */
  public TimeLimit limitFor(Stage stage, Zone zone, boolean emergency, TimeLimit categoryLimit) {
    return stage.limit(zone, emergency, categoryLimit);
  }
}
