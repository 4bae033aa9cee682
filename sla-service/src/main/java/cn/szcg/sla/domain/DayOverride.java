package cn.szcg.sla.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date on which the normal working week does not hold: a holiday (OFF_DAY) or an adjusted
 * working day (ADJUSTED_WORKDAY, 调休补班). {@code name} is the holiday it belongs to, e.g. 春节.
 */
public record DayOverride(LocalDate date, DayKind kind, String name) {

  public DayOverride {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name;
  }

  public static DayOverride offDay(LocalDate date, String name) {
    return new DayOverride(date, DayKind.OFF_DAY, name);
  }

  public static DayOverride adjustedWorkday(LocalDate date, String name) {
    return new DayOverride(date, DayKind.ADJUSTED_WORKDAY, name);
  }

  public boolean isOffDay() {
    return kind == DayKind.OFF_DAY;
  }
}
