package cn.szcg.sla.domain;

import static cn.szcg.sla.domain.Times.MINQING;
import static cn.szcg.sla.domain.Times.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The working-time calendar (工作日历): days, moments, spans, seasonal schedules. */
class WorkCalendarTest {

  @Test
  void defaultsAreTheMinqingSchedule() {
    WorkCalendar cal = WorkCalendar.builder().build();
    assertEquals(WorkCalendar.SHANGHAI, cal.zone());
    assertEquals(
        List.of(WorkPeriod.of("08:00", "12:00"), WorkPeriod.of("14:30", "17:30")),
        cal.defaultPeriods());
    assertEquals(Duration.ofHours(7), cal.workingTimeOn(LocalDate.of(2026, 3, 2)));
  }

  @Test
  void holidaysAndAdjustedWorkdaysOf2026() {
    assertTrue(MINQING.isOffDay(LocalDate.of(2026, 1, 1))); // 元旦, Thursday
    assertFalse(MINQING.isOffDay(LocalDate.of(2026, 1, 4))); // Sunday, 补班
    assertTrue(MINQING.isAdjustedWorkday(LocalDate.of(2026, 1, 4)));
    assertTrue(MINQING.isWorkingDay(LocalDate.of(2026, 2, 14))); // Saturday, 补班
    assertTrue(MINQING.isOffDay(LocalDate.of(2026, 2, 23))); // 春节, Monday
    assertTrue(MINQING.isOffDay(LocalDate.of(2026, 3, 7))); // ordinary Saturday
    assertTrue(MINQING.isWorkingDay(LocalDate.of(2026, 3, 9))); // ordinary Monday
    assertEquals("春节", MINQING.overrideOn(LocalDate.of(2026, 2, 17)).orElseThrow().name());
    assertEquals(List.of(), MINQING.periodsOn(LocalDate.of(2026, 2, 17)));
  }

  @Test
  void covidExtensionOf2020OverridesTheOriginalNotice() {
    // The first 2020 notice made Saturday 02-01 a working day; the extension notice made it off.
    assertTrue(MINQING.isOffDay(LocalDate.of(2020, 2, 1)));
    assertTrue(MINQING.isOffDay(LocalDate.of(2020, 2, 2)));
    assertTrue(MINQING.isWorkingDay(LocalDate.of(2020, 1, 19))); // Sunday 补班 stays
    assertTrue(MINQING.isWorkingDay(LocalDate.of(2020, 2, 3)));
  }

  @Test
  void workingMoments() {
    assertTrue(MINQING.isWorkingMoment(t("2026-03-02T08:00")));
    assertTrue(MINQING.isWorkingMoment(t("2026-03-02T11:59:59")));
    assertFalse(MINQING.isWorkingMoment(t("2026-03-02T12:00")));
    assertFalse(MINQING.isWorkingMoment(t("2026-03-02T07:59:59")));
    assertTrue(MINQING.isWorkingMoment(t("2026-03-02T14:30")));
    assertFalse(MINQING.isWorkingMoment(t("2026-03-02T17:30")));
    assertTrue(MINQING.isWorkingMoment(t("2026-01-04T10:00"))); // adjusted Sunday
    assertFalse(MINQING.isWorkingMoment(t("2026-02-16T10:00"))); // 春节
  }

  @Test
  void everyInstantHasANextWorkingMoment() {
    assertEquals(t("2026-03-02T09:00"), MINQING.nextWorkingMoment(t("2026-03-02T09:00")));
    assertEquals(t("2026-03-02T14:30"), MINQING.nextWorkingMoment(t("2026-03-02T12:00")));
    assertEquals(t("2026-03-03T08:00"), MINQING.nextWorkingMoment(t("2026-03-02T17:30")));
    assertEquals(t("2026-03-09T08:00"), MINQING.nextWorkingMoment(t("2026-03-06T23:59")));
    assertEquals(t("2026-02-24T08:00"), MINQING.nextWorkingMoment(t("2026-02-14T17:30")));
    assertEquals(t("2041-01-01T08:00"), MINQING.nextWorkingMoment(t("2040-12-31T18:00")));
    assertEquals(t("2000-01-03T08:00"), MINQING.nextWorkingMoment(t("2000-01-01T12:00")));
  }

  @Test
  void workingTimeBetween() {
    // one full day
    assertEquals(
        Duration.ofHours(7),
        MINQING.workingTimeBetween(t("2026-03-02T08:00"), t("2026-03-03T08:00")));
    // Friday 17:00 → Monday 09:00: 30 min + 1 h
    assertEquals(
        Duration.ofMinutes(90),
        MINQING.workingTimeBetween(t("2026-03-06T17:00"), t("2026-03-09T09:00")));
    // across Spring Festival: 02-13 (7 h) and 02-14 补班 (7 h) only
    assertEquals(
        Duration.ofHours(14),
        MINQING.workingTimeBetween(t("2026-02-13T08:00"), t("2026-02-24T08:00")));
    // reversed arguments give the negative span
    assertEquals(
        Duration.ofMinutes(-90),
        MINQING.workingTimeBetween(t("2026-03-09T09:00"), t("2026-03-06T17:00")));
    // lunch alone is no working time
    assertEquals(
        Duration.ZERO, MINQING.workingTimeBetween(t("2026-03-02T12:00"), t("2026-03-02T14:30")));
  }

  @Test
  void workingTimeBetweenAcrossTheEndOfTheRange() {
    // 2040-12-31 Monday 17:00 → 2041-01-02 Wednesday 08:30: 0.5 + 7 + 0.5 h.
    assertEquals(
        Duration.ofHours(8),
        MINQING.workingTimeBetween(t("2040-12-31T17:00"), t("2041-01-02T08:30")));
    // 2009-12-31 Thursday 17:00 → 2010-01-04 Monday 08:30 (no holiday data before 2016): 0.5 +
    // 7 (Fri 01-01) + 0.5 h
    assertEquals(
        Duration.ofHours(8),
        MINQING.workingTimeBetween(t("2009-12-31T17:00"), t("2010-01-04T08:30")));
  }

  @Test
  void seasonalSummerSchedule() {
    // Summer hours (夏季作息) 06-01..09-30: 08:00–12:00 and 15:00–18:00.
    WorkCalendar cal =
        WorkCalendar.builder()
            .seasonalPeriods(
                MonthDay.of(6, 1),
                MonthDay.of(9, 30),
                List.of(WorkPeriod.parse("08:00-12:00"), WorkPeriod.parse("15:00-18:00")))
            .build();
    TimeLimit oneHour = new TimeLimit(1, LimitUnit.WORKING_HOURS);
    // Friday 2026-05-29 still on the normal schedule: 11:30 + 1 h = 15:00.
    assertEquals(t("2026-05-29T15:00"), cal.deadline(t("2026-05-29T11:30"), oneHour));
    // Monday 2026-06-01 in summer: 11:30 + 1 h = 15:30.
    assertEquals(t("2026-06-01T15:30"), cal.deadline(t("2026-06-01T11:30"), oneHour));
    // Friday 05-29 17:00: 30 min left; Monday 06-01 08:00 + 30 min.
    assertEquals(t("2026-06-01T08:30"), cal.deadline(t("2026-05-29T17:00"), oneHour));
    assertFalse(cal.isWorkingMoment(t("2026-06-01T14:45")));
    assertTrue(cal.isWorkingMoment(t("2026-06-01T17:45")));
    assertEquals(Duration.ofHours(7), cal.workingTimeOn(LocalDate.of(2026, 6, 1)));
  }

  @Test
  void seasonWrappingTheNewYear() {
    // Winter hours 11-01..02-28: 08:30–12:00, 14:00–17:00.
    WorkCalendar cal =
        WorkCalendar.builder()
            .seasonalPeriods(
                MonthDay.of(11, 1),
                MonthDay.of(2, 28),
                List.of(WorkPeriod.parse("08:30-12:00"), WorkPeriod.parse("14:00-17:00")))
            .build();
    assertEquals(
        List.of(WorkPeriod.parse("08:30-12:00"), WorkPeriod.parse("14:00-17:00")),
        cal.periodsOn(LocalDate.of(2027, 1, 5)));
    assertEquals(
        List.of(WorkPeriod.parse("08:00-12:00"), WorkPeriod.parse("14:30-17:30")),
        cal.periodsOn(LocalDate.of(2026, 3, 2)));
  }

  @Test
  void customWorkWeekAndOverrides() {
    WorkCalendar cal =
        WorkCalendar.builder()
            .workWeek(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY))
            .periods(WorkPeriod.parse("09:00-10:00"))
            .offDay(LocalDate.of(2026, 3, 3), "closed")
            .build();
    // Monday 09:30 + 1 h: 30 min Monday, Tuesday off, next Monday 09:30.
    assertEquals(
        t("2026-03-09T09:30"),
        cal.deadline(t("2026-03-02T09:30"), new TimeLimit(1, LimitUnit.WORKING_HOURS)));
  }

  @Test
  void invalidConfigurationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> WorkPeriod.parse("12:00-08:00"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WorkCalendar.builder()
                .periods(WorkPeriod.parse("08:00-12:00"), WorkPeriod.parse("11:00-13:00")));
    assertThrows(IllegalArgumentException.class, () -> WorkCalendar.builder().workWeek(Set.of()));
    assertThrows(IllegalArgumentException.class, () -> WorkCalendar.builder().periods(List.of()));
  }

  @Test
  void aCalendarWithoutAnyWorkingTimeFailsLoudlyInsteadOfLooping() {
    WorkCalendar.Builder b = WorkCalendar.builder().precompute(2026, 2026);
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2050; d = d.plusDays(1)) {
      b.offDay(d, "closed");
    }
    WorkCalendar cal = b.build();
    assertThrows(IllegalStateException.class, () -> cal.nextWorkingMoment(t("2026-03-02T08:00")));
  }
}
