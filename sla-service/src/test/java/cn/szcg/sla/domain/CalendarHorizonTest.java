package cn.szcg.sla.domain;

import static cn.szcg.sla.domain.Times.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.sla.infra.HolidayDataLoader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Where the calendar's knowledge ends (issue 16 point 6): the certain horizon is the end of the
 * last year with a stored holiday notice; from 1 December of a year whose next-year notice is
 * missing the calendar is DEGRADED; a working-time deadline past the horizon is not certain, and a
 * clock is measured again when the notice arrives. Every date here is given, never "today".
 */
class CalendarHorizonTest {

  private static final StageClockPolicy P = StageClockPolicy.MINQING_2016;

  /** Notices stored up to 2026 (as the shipped data), no 2027 notice. */
  private static WorkCalendar through2026() {
    return WorkCalendar.builder()
        .version("test-2026")
        .offDay(LocalDate.of(2026, 10, 1), "国庆节")
        .certainThrough(2026)
        .build();
  }

  /** The same plus a 2027 notice (test fixture, not the real 2027 arrangement): 01-04..08 off. */
  private static WorkCalendar with2027Fixture() {
    WorkCalendar.Builder b =
        WorkCalendar.builder().version("test-2027").offDay(LocalDate.of(2026, 10, 1), "国庆节");
    for (int d = 4; d <= 8; d++) {
      b.offDay(LocalDate.of(2027, 1, d), "测试假日 / test holiday");
    }
    return b.certainThrough(2027).build();
  }

  @Test
  void degradedFromFirstDecemberWhenNextYearsNoticeIsMissing() {
    CalendarHorizon h = CalendarHorizon.of(through2026());
    assertEquals(CalendarHorizon.Status.OK, h.status(LocalDate.of(2026, 11, 30)));
    assertEquals(CalendarHorizon.Status.DEGRADED, h.status(LocalDate.of(2026, 12, 1)));
    assertEquals(CalendarHorizon.Status.DEGRADED, h.status(LocalDate.of(2026, 12, 7)));
    assertEquals(CalendarHorizon.Status.DEGRADED, h.status(LocalDate.of(2027, 3, 1)));
    // with next year's notice stored December is fine again
    CalendarHorizon h27 = CalendarHorizon.of(with2027Fixture());
    assertEquals(CalendarHorizon.Status.OK, h27.status(LocalDate.of(2026, 12, 7)));
    assertEquals(CalendarHorizon.Status.DEGRADED, h27.status(LocalDate.of(2027, 12, 1)));
  }

  @Test
  void daysOfCertainHorizonLeft() {
    CalendarHorizon h = CalendarHorizon.of(through2026());
    assertEquals(LocalDate.of(2027, 1, 1), h.firstUncertainDay());
    assertEquals(25, h.daysLeft(LocalDate.of(2026, 12, 7))); // 12-07..12-31
    assertEquals(1, h.daysLeft(LocalDate.of(2026, 12, 31)));
    assertEquals(0, h.daysLeft(LocalDate.of(2027, 1, 1)));
    assertEquals(32, h.daysLeft(LocalDate.of(2026, 11, 30)));
  }

  @Test
  void theShippedDataStatesItsLastNoticeYear() {
    WorkCalendar shipped = HolidayDataLoader.minqingCalendar();
    int last = shipped.certainThroughYear().orElseThrow();
    assertTrue(last >= 2026, "shipped notices end " + last);
    assertTrue(shipped.isCertain(t(last + "-12-31T23:59")));
    assertFalse(shipped.isCertain(t((last + 1) + "-01-01T00:00")));
    // a calendar built by hand states nothing and claims nothing
    assertTrue(WorkCalendar.builder().build().isCertain(t("2099-01-01T00:00")));
  }

  @Test
  void aWorkingDeadlinePastTheHorizonIsNotCertainANaturalOneIs() {
    WorkCalendar cal = through2026();
    StageClock working =
        StageClock.start(
            cal,
            P,
            Stage.HANDLING,
            Zone.URBAN,
            false,
            new TimeLimit(3, LimitUnit.WORKING_DAYS),
            t("2026-12-30T09:00"));
    assertEquals(2027, working.deadline().atZone(WorkCalendar.SHANGHAI).getYear());
    assertFalse(working.calendarCertain());
    StageClock inYear =
        StageClock.start(
            cal,
            P,
            Stage.HANDLING,
            Zone.URBAN,
            false,
            new TimeLimit(3, LimitUnit.WORKING_DAYS),
            t("2026-12-01T09:00"));
    assertTrue(inYear.calendarCertain());
    StageClock emergency =
        StageClock.start(
            cal,
            P,
            Stage.HANDLING,
            Zone.URBAN,
            true,
            new TimeLimit(3, LimitUnit.WORKING_DAYS),
            t("2026-12-30T09:00"));
    assertTrue(emergency.calendarCertain()); // natural time does not depend on holidays
  }

  @Test
  void aClockIsMeasuredAgainWhenTheNoticeArrives() {
    // Wed 2026-12-30 09:00 + 5 working days: on the 2026-only calendar Jan 4..8 2027 are working
    // days → Wed 2027-01-06 09:00. With the notice (01-04..08 off) → Wed 2027-01-13 09:00.
    StageClock c =
        StageClock.start(
            through2026(),
            P,
            Stage.HANDLING,
            Zone.URBAN,
            false,
            new TimeLimit(5, LimitUnit.WORKING_DAYS),
            t("2026-12-30T09:00"));
    assertEquals(t("2027-01-06T09:00"), c.deadline());
    StageClock again = c.recalendar(with2027Fixture(), null);
    assertEquals(t("2027-01-13T09:00"), again.deadline());
    assertEquals("test-2027", again.calendarVersion());
    assertTrue(again.calendarCertain());
    assertEquals(c.start(), again.start());
    // a paused-and-resumed clock keeps its pause, measured on the new calendar
    StageClock paused =
        c.pause(t("2026-12-31T09:00"), "天气").resume(t("2026-12-31T10:00")); // 1 working hour
    assertEquals(t("2027-01-06T10:00"), paused.deadline());
    assertEquals(t("2027-01-13T10:00"), paused.recalendar(with2027Fixture(), null).deadline());
    // an explicit extension deadline is an instant, kept
    StageClock ext = c.extendTo(t("2027-01-20T17:00"), t("2026-12-31T09:00"), "延期");
    assertEquals(t("2027-01-20T17:00"), ext.recalendar(with2027Fixture(), null).deadline());
    // a natural-time clock is not touched
    StageClock nat =
        StageClock.start(
            through2026(),
            P,
            Stage.HANDLING,
            Zone.URBAN,
            true,
            new TimeLimit(5, LimitUnit.WORKING_DAYS),
            t("2026-12-30T09:00"));
    assertEquals(nat.deadline(), nat.recalendar(with2027Fixture(), null).deadline());
    assertNotEquals(nat.calendarVersion(), "test-2027");
  }
}
