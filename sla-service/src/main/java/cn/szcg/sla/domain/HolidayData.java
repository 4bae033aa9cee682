package cn.szcg.sla.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A holiday data set: the notices in the order they apply, and a version string that clocks record
 * (a clock keeps the calendar version it started under).
 */
public record HolidayData(String region, String version, List<HolidayNotice> notices) {

  public HolidayData {
    Objects.requireNonNull(version, "version");
    region = region == null ? "" : region;
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  /** All overrides in application order (a later one for the same date wins). */
  public List<DayOverride> dayOverrides() {
    List<DayOverride> out = new ArrayList<>();
    for (HolidayNotice n : notices) {
      out.addAll(n.dayOverrides());
    }
    return out;
  }
}
