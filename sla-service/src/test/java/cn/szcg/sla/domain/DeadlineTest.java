package cn.szcg.sla.domain;

import static cn.szcg.sla.domain.Times.MINQING;
import static cn.szcg.sla.domain.Times.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Deadline arithmetic on the Minqing calendar: 08:00–12:00 and 14:30–17:30 (7 working hours a day),
 * Monday–Friday, China holidays 2016–2026. Every case is a worked example.
 */
class DeadlineTest {

  private static Instant deadline(String start, int amount, LimitUnit unit) {
    return MINQING.deadline(t(start), new TimeLimit(amount, unit));
  }

  // ---------------------------------------------------------------- working hours

  @Test
  void oneWorkingHourFrom1130EndsAt1500() {
    // 11:30–12:00 uses 30 min; lunch 12:00–14:30 does not count; 14:30–15:00 uses the other 30.
    assertEquals(t("2026-03-02T15:00"), deadline("2026-03-02T11:30", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void workingTimeUsedUpAtNoonEndsAtNoonNotAfterLunch() {
    // 11:30 + 30 working minutes: the time is used up at 12:00 — the earliest such instant.
    assertEquals(
        t("2026-03-02T12:00"), deadline("2026-03-02T11:30", 30, LimitUnit.WORKING_MINUTES));
  }

  @Test
  void startAtLunchCountsFromTheAfternoonPeriod() {
    // 12:30 is not working time; counting starts at 14:30 → 15:30.
    assertEquals(t("2026-03-02T15:30"), deadline("2026-03-02T12:30", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void startBefore0800CountsFrom0800() {
    assertEquals(t("2026-03-02T09:00"), deadline("2026-03-02T07:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void startAfter1730CountsFromNextMorning() {
    // Monday 17:45 → Tuesday 08:00 + 1 h.
    assertEquals(t("2026-03-03T09:00"), deadline("2026-03-02T17:45", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void startExactlyAtPeriodEndIsOutsideWorkingTime() {
    // Periods are half-open: 12:00 belongs to lunch → 14:30 + 1 h.
    assertEquals(t("2026-03-02T15:30"), deadline("2026-03-02T12:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void workingHoursCarryOverTheWeekend() {
    // Friday 17:00: 30 min left that day; Saturday and Sunday are off; Monday 08:00 + 30 min.
    assertEquals(t("2026-03-09T08:30"), deadline("2026-03-06T17:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void startOnAnOrdinarySaturday() {
    // 2026-01-10 is an ordinary Saturday → Monday 01-12 08:00 + 1 h.
    assertEquals(t("2026-01-12T09:00"), deadline("2026-01-10T10:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void acrossNewYear2026ToTheAdjustedSunday() {
    // 2025-12-31 Wed 17:00: 30 min; 2026-01-01..03 off (元旦); Sunday 01-04 is an adjusted working
    // day (补班) → 08:00 + 30 min.
    assertEquals(t("2026-01-04T08:30"), deadline("2025-12-31T17:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void startOnTheAdjustedWorkingSunday() {
    // 2026-01-04 (Sunday) is a working day: 10:00 + 1 h = 11:00.
    assertEquals(t("2026-01-04T11:00"), deadline("2026-01-04T10:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void startOnAHolidayCountsFromTheNextWorkingDay() {
    // 2026-01-02 (Friday) is 元旦: next working moment is Sunday 01-04 08:00 (补班).
    assertEquals(t("2026-01-04T09:00"), deadline("2026-01-02T10:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void intoTheAdjustedSaturdayBeforeSpringFestival() {
    // Friday 2026-02-13 17:00: 30 min; Saturday 02-14 is a working day (补班) → 08:30.
    assertEquals(t("2026-02-14T08:30"), deadline("2026-02-13T17:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void acrossSpringFestival2026() {
    // Saturday 02-14 16:00: 1.5 h until 17:30; 春节 02-15..02-23 off; Tuesday 02-24 08:00 + 1.5 h.
    assertEquals(t("2026-02-24T09:30"), deadline("2026-02-14T16:00", 3, LimitUnit.WORKING_HOURS));
  }

  @Test
  void twentyFourWorkingHoursAreThreeDaysAndThreeHoursNotOneDay() {
    // LESSONS: 24 working hours = 3 × 7 h + 3 h: Mon 08:00 → Thu 11:00. One working day is Tue.
    assertEquals(t("2026-03-05T11:00"), deadline("2026-03-02T08:00", 24, LimitUnit.WORKING_HOURS));
    assertEquals(t("2026-03-03T08:00"), deadline("2026-03-02T08:00", 1, LimitUnit.WORKING_DAYS));
  }

  @Test
  void zeroWorkingTimeGivesTheNextWorkingMoment() {
    assertEquals(t("2026-03-02T14:30"), deadline("2026-03-02T12:30", 0, LimitUnit.WORKING_HOURS));
  }

  // ------------------------------------------------------------------- working days

  @Test
  void oneWorkingDayIsTheSameMomentNextWorkingDay() {
    assertEquals(t("2026-03-03T10:15"), deadline("2026-03-02T10:15", 1, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDaysSkipTheWeekend() {
    // Friday 10:00 + 1 working day = Monday 10:00.
    assertEquals(t("2026-03-09T10:00"), deadline("2026-03-06T10:00", 1, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDayFromTheAfternoonStartStaysInTheAfternoon() {
    // Monday 14:30 → Tuesday 14:30 (not Tuesday 12:00, which has the same working offset).
    assertEquals(t("2026-03-03T14:30"), deadline("2026-03-02T14:30", 1, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDayFromLunchCountsFromTheAfternoon() {
    assertEquals(t("2026-03-03T14:30"), deadline("2026-03-02T12:10", 1, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDayFromTheEveningCountsFromTheNextMorning() {
    // Monday 18:00 → next working moment Tuesday 08:00 → + 1 working day = Wednesday 08:00.
    assertEquals(t("2026-03-04T08:00"), deadline("2026-03-02T18:00", 1, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDaysAcrossSpringFestival() {
    // Thu 02-12 09:00: Fri 02-13 (1), Sat 02-14 补班 (2), 02-15..23 off, Tue 02-24 (3).
    assertEquals(t("2026-02-24T09:00"), deadline("2026-02-12T09:00", 3, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDaysAcrossNewYear() {
    // Mon 2025-12-29 16:00: 12-30 (1), 12-31 (2), 01-01..03 off, Sun 01-04 补班 (3), 01-05 (4),
    // 01-06 (5).
    assertEquals(t("2026-01-06T16:00"), deadline("2025-12-29T16:00", 5, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDaysStartingOnNationalDay() {
    // 2026-10-03 is a holiday (10-01..07): start counts from Thu 10-08 08:00; Fri 10-09 (1),
    // Sat 10-10 补班 (2).
    assertEquals(t("2026-10-10T08:00"), deadline("2026-10-03T10:00", 2, LimitUnit.WORKING_DAYS));
  }

  @Test
  void workingDaysClampToTheEndOfAShorterTargetDay() {
    // Tuesday 2026-03-03 is a half day (08:00–12:00). Monday 16:00 has 5.5 h of the day behind it;
    // the target day has only 4 h → clamp to its end, 12:00.
    WorkCalendar cal =
        WorkCalendar.builder()
            .periodsBetween(
                java.time.LocalDate.of(2026, 3, 3),
                java.time.LocalDate.of(2026, 3, 3),
                java.util.List.of(WorkPeriod.of("08:00", "12:00")))
            .build();
    assertEquals(
        t("2026-03-03T12:00"),
        cal.deadline(t("2026-03-02T16:00"), new TimeLimit(1, LimitUnit.WORKING_DAYS)));
  }

  // ------------------------------------------------------------------- natural time

  @Test
  void naturalHoursIgnoreHolidaysAndNights() {
    // 春节 2026-02-15 22:00 + 2 natural hours = 02-16 00:00.
    assertEquals(t("2026-02-16T00:00"), deadline("2026-02-15T22:00", 2, LimitUnit.NATURAL_HOURS));
  }

  @Test
  void naturalMinutesAndDaysArePlainAddition() {
    assertEquals(
        t("2026-02-15T10:45"), deadline("2026-02-15T10:00", 45, LimitUnit.NATURAL_MINUTES));
    assertEquals(t("2026-02-18T10:00"), deadline("2026-02-15T10:00", 3, LimitUnit.NATURAL_DAYS));
  }

  @Test
  void longLimitsUseLongArithmetic() {
    // 30 natural days = 2,592,000,000 ms: more than Integer.MAX_VALUE (the int-millis trap).
    Instant s = t("2026-03-02T08:00");
    assertEquals(
        s.plus(Duration.ofDays(30)),
        MINQING.deadline(s, new TimeLimit(30, LimitUnit.NATURAL_DAYS)));
    // 100 working days of 7 h span exactly 700 working hours (2,520,000,000 ms, also > int).
    Instant d = MINQING.deadline(s, new TimeLimit(100, LimitUnit.WORKING_DAYS));
    assertEquals(Duration.ofHours(700), MINQING.workingTimeBetween(s, d));
  }

  @Test
  void negativeLimitsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MINQING.deadline(t("2026-03-02T08:00"), new TimeLimit(-1, LimitUnit.WORKING_HOURS)));
  }

  // ------------------------------------------------------------ beyond the precomputed range

  @Test
  void datesBeyondThePrecomputedRangeFollowTheSameRules() {
    // 2045 has no holiday data: Monday 2045-01-02 11:30 + 1 h = 15:00; Fri → Mon over a weekend.
    assertEquals(t("2045-01-02T15:00"), deadline("2045-01-02T11:30", 1, LimitUnit.WORKING_HOURS));
    assertEquals(t("2045-01-09T10:00"), deadline("2045-01-06T10:00", 1, LimitUnit.WORKING_DAYS));
    assertEquals(t("2009-06-01T15:00"), deadline("2009-06-01T11:30", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void addingWorkingTimeRunsOutOfTheRangeAndOn() {
    // Friday 2040-12-28 17:00 + 1 h: 30 min that day, then 2040-12-31 Mon (in range) 08:00 + 30.
    assertEquals(t("2040-12-31T08:30"), deadline("2040-12-28T17:00", 1, LimitUnit.WORKING_HOURS));
    // Monday 2040-12-31 17:00 + 1 h → Tuesday 2041-01-01 08:30 (outside the range, no holidays).
    assertEquals(t("2041-01-01T08:30"), deadline("2040-12-31T17:00", 1, LimitUnit.WORKING_HOURS));
  }

  @Test
  void absurdLimitsFailInsteadOfRunningForever() {
    // 2,000,000,000 working hours would end around the year 300,000: refused, not looped.
    assertThrows(
        IllegalArgumentException.class,
        () -> deadline("2026-03-02T08:00", 2_000_000_000, LimitUnit.WORKING_HOURS));
    assertThrows(
        IllegalArgumentException.class,
        () -> deadline("2026-03-02T08:00", 2_000_000_000, LimitUnit.WORKING_DAYS));
    assertThrows(
        IllegalArgumentException.class,
        () -> deadline("1900-03-02T08:00", 1, LimitUnit.WORKING_HOURS));
  }
}
