package cn.szcg.sla.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * Where the calendar's knowledge ends (日历确定范围): holidays are certain up to the end of the last year
 * whose State Council notice (国务院办公厅关于节假日安排的通知) is stored. The notice for the next year usually
 * comes out in October–November; from 1 December (Asia/Shanghai) of a year whose next-year notice
 * is still missing the calendar is DEGRADED: deadlines that reach into the next year treat its
 * holidays as working days (docs/sla-calendar.md §2, docs/operations.md).
 *
 * @param lastCertainYear the last year with a stored notice
 */
public record CalendarHorizon(int lastCertainYear) {

  /** The month from which a missing next-year notice is reported. */
  public static final Month WARN_FROM = Month.DECEMBER;

  /** Status of the calendar's knowledge on a day. */
  public enum Status {
    /** The notice of this year and, from 1 December, of the next year are stored. */
    OK,
    /** The next year's notice is missing from 1 December on, or this year's is missing. */
    DEGRADED
  }

  /** The horizon of a calendar; the calendar must state its last notice year. */
  public static CalendarHorizon of(WorkCalendar calendar) {
    return new CalendarHorizon(
        calendar
            .certainThroughYear()
            .orElseThrow(() -> new IllegalArgumentException("calendar states no notice year")));
  }

  /** The first day that is no longer certain (1 January after the last notice year). */
  public LocalDate firstUncertainDay() {
    return LocalDate.of(lastCertainYear + 1, 1, 1);
  }

  /**
   * Days of certain horizon left on {@code today}: today up to 31 December of the last notice year,
   * both counted (31 December → 1); 0 or negative once past it.
   */
  public long daysLeft(LocalDate today) {
    return ChronoUnit.DAYS.between(today, firstUncertainDay());
  }

  /** OK, or DEGRADED from 1 December of a year whose next-year notice is missing. */
  public Status status(LocalDate today) {
    int needed = today.getMonth() == WARN_FROM ? today.getYear() + 1 : today.getYear();
    return lastCertainYear >= needed ? Status.OK : Status.DEGRADED;
  }
}
