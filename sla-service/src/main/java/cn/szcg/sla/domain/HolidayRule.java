package cn.szcg.sla.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One holiday of a State Council notice (国务院办公厅关于部分节假日安排的通知): the range of days off (放假, inclusive,
 * weekend days included) and the adjusted working days (调休上班) that go with it.
 */
public record HolidayRule(
    String name,
    String nameEn,
    LocalDate firstOffDay,
    LocalDate lastOffDay,
    List<LocalDate> workdays) {

  public HolidayRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstOffDay, "firstOffDay");
    Objects.requireNonNull(lastOffDay, "lastOffDay");
    nameEn = nameEn == null ? "" : nameEn;
    workdays = workdays == null ? List.of() : List.copyOf(workdays);
    if (lastOffDay.isBefore(firstOffDay)) {
      throw new IllegalArgumentException(
          name + ": last day off " + lastOffDay + " is before first day off " + firstOffDay);
    }
    if (firstOffDay.plusDays(60).isBefore(lastOffDay)) {
      throw new IllegalArgumentException(name + ": more than 60 days off, check the dates");
    }
  }

  /** The days off then the adjusted working days, as overrides. */
  public List<DayOverride> dayOverrides() {
    List<DayOverride> out = new ArrayList<>();
    for (LocalDate d = firstOffDay; !d.isAfter(lastOffDay); d = d.plusDays(1)) {
      out.add(DayOverride.offDay(d, name));
    }
    for (LocalDate d : workdays) {
      out.add(DayOverride.adjustedWorkday(d, name));
    }
    return out;
  }
}
