package cn.szcg.sla.domain;

import static cn.szcg.sla.domain.Times.MINQING;
import static cn.szcg.sla.domain.Times.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stage clocks: deadline, warning, pause/resume, extension, stop, breach. */
class StageClockTest {

  private static final StageClockPolicy P = StageClockPolicy.MINQING_2016;

  private static StageClock dispatchClock(Zone zone, boolean emergency, String start) {
    return StageClock.start(
        MINQING, P, Stage.REGISTRATION_TO_DISPATCH, zone, emergency, null, t(start));
  }

  private static StageClock handling(int amount, LimitUnit unit, String start) {
    return StageClock.start(
        MINQING, P, Stage.HANDLING, Zone.URBAN, false, new TimeLimit(amount, unit), t(start));
  }

  @Test
  void r12DeadlineAndWarningAt80Percent() {
    // Mon 11:30 + 1 working hour = 15:00. 80 % of 60 min = 48 min: 30 before noon, 18 after 14:30.
    StageClock c = dispatchClock(Zone.URBAN, false, "2026-03-02T11:30");
    assertEquals(t("2026-03-02T15:00"), c.deadline());
    assertEquals(t("2026-03-02T14:48"), c.warningAt());
    assertEquals(Duration.ofHours(1), c.budget());
    assertEquals(ClockState.NOT_STARTED, c.state(t("2026-03-02T11:00")));
    assertEquals(ClockState.RUNNING, c.state(t("2026-03-02T14:47")));
    assertEquals(ClockState.WARNING, c.state(t("2026-03-02T14:48")));
    assertEquals(
        ClockState.WARNING, c.state(t("2026-03-02T15:00"))); // at the deadline: still in time
    assertEquals(ClockState.BREACHED, c.state(t("2026-03-02T15:00:01")));
  }

  @Test
  void remainingIsWorkingTimeAndGoesNegativeWhenOverdue() {
    StageClock c = dispatchClock(Zone.URBAN, false, "2026-03-02T11:30");
    assertEquals(Duration.ofMinutes(30), c.remaining(t("2026-03-02T13:00"))); // lunch: frozen
    assertEquals(Duration.ofMinutes(15), c.remaining(t("2026-03-02T14:45")));
    assertEquals(Duration.ofMinutes(-30), c.remaining(t("2026-03-02T15:30")));
    // overdue 15:00–17:30 = 2.5 working hours; the evening adds nothing
    assertEquals(Duration.ofMinutes(-150), c.remaining(t("2026-03-02T20:00")));
    assertEquals(Duration.ofMinutes(-150), c.remaining(t("2026-03-03T07:59")));
  }

  @Test
  void r12FringeDoublesTheLimit() {
    // 11:30 + 2 working hours: 30 min + 90 min from 14:30 = 16:00.
    StageClock c = dispatchClock(Zone.FRINGE, false, "2026-03-02T11:30");
    assertEquals(new TimeLimit(2, LimitUnit.WORKING_HOURS), c.limit());
    assertEquals(t("2026-03-02T16:00"), c.deadline());
  }

  @Test
  void r20EmergencyRunsInNaturalTimeEvenOnHolidays() {
    // Fringe emergency registered on 春节 2026-02-16 23:30: 2 natural hours → 02-17 01:30.
    StageClock c = dispatchClock(Zone.FRINGE, true, "2026-02-16T23:30");
    assertEquals(new TimeLimit(2, LimitUnit.NATURAL_HOURS), c.limit());
    assertFalse(c.countsWorkingTime());
    assertEquals(t("2026-02-17T01:30"), c.deadline());
    assertEquals(t("2026-02-17T01:06"), c.warningAt()); // 80 % of 120 min = 96 min
    assertEquals(Duration.ofMinutes(30), c.remaining(t("2026-02-17T01:00")));
  }

  @Test
  void r20EmergencyClocksCannotBePausedOrExtended() {
    StageClock c = dispatchClock(Zone.URBAN, true, "2026-03-02T10:00");
    assertThrows(IllegalStateException.class, () -> c.pause(t("2026-03-02T10:10"), "wait"));
    assertThrows(
        IllegalStateException.class,
        () -> c.extend(new TimeLimit(3, LimitUnit.NATURAL_HOURS), t("2026-03-02T10:10"), "more"));
  }

  @Test
  void r14HandlingInWorkingDaysAcrossSpringFestival() {
    // Thu 02-12 09:00 + 3 working days = Tue 02-24 09:00 (02-13, 02-14 补班, 02-24).
    StageClock c = handling(3, LimitUnit.WORKING_DAYS, "2026-02-12T09:00");
    assertEquals(t("2026-02-24T09:00"), c.deadline());
    assertEquals(Duration.ofHours(21), c.budget());
    // budget: 02-12 09:00–17:30 = 6 h, 02-13 = 7 h, 02-14 = 7 h, 02-24 08:00–09:00 = 1 h → 21 h.
    // warning at 80 % = 16 h 48 min: 13 h by the end of 02-13, then 02-14 08:00 + 3 h 48 = 11:48.
    assertEquals(t("2026-02-14T11:48"), c.warningAt());
    assertEquals(ClockState.WARNING, c.state(t("2026-02-20T10:00"))); // holiday, 20 h used
    assertEquals(Duration.ofHours(1), c.remaining(t("2026-02-20T10:00")));
  }

  @Test
  void pauseAndResumeMoveTheDeadlineByThePausedWorkingTime() {
    // Handling 2 working hours from Mon 08:00 → 10:00. Paused 09:00 → 15:00: 3 h + 30 min of
    // working time paused → deadline 10:00 + 3.5 working hours = 16:00 (1 h left at 15:00).
    StageClock c = handling(2, LimitUnit.WORKING_HOURS, "2026-03-02T08:00");
    assertEquals(t("2026-03-02T10:00"), c.deadline());
    StageClock paused = c.pause(t("2026-03-02T09:00"), "awaiting materials");
    assertTrue(paused.isPaused());
    assertEquals(ClockState.PAUSED, paused.state(t("2026-03-02T11:00")));
    assertEquals(Duration.ofHours(1), paused.remaining(t("2026-03-02T11:00")));
    StageClock resumed = paused.resume(t("2026-03-02T15:00"));
    assertEquals(t("2026-03-02T16:00"), resumed.deadline());
    assertEquals(Duration.ofHours(2), resumed.budget());
    assertEquals(Duration.ofMinutes(30), resumed.remaining(t("2026-03-02T15:30")));
    assertEquals(ClockState.PAUSED, resumed.state(t("2026-03-02T10:30"))); // history kept
    // 80 % = 96 min: 60 before the pause, 36 after 15:00 → 15:36
    assertEquals(t("2026-03-02T15:36"), resumed.warningAt());
    assertEquals(ClockState.WARNING, resumed.state(t("2026-03-02T15:40")));
    assertEquals(ClockState.BREACHED, resumed.state(t("2026-03-02T16:01")));
  }

  @Test
  void aSuspensionOverNightAndLunchCountsOnlyItsWorkingTime() {
    // 缓办: handling 4 working hours from Mon 09:00 → 15:30. Suspended Mon 10:00, resumed Tue
    // 10:00: 2 h + 3 h on Monday, 2 h on Tuesday = 7 working hours (24 natural hours) → the
    // deadline moves from Mon 15:30 to Tue 15:30; stopped Tue 11:00 → on time.
    StageClock c = handling(4, LimitUnit.WORKING_HOURS, "2026-03-02T09:00");
    assertEquals(t("2026-03-02T15:30"), c.deadline());
    StageClock paused = c.pause(t("2026-03-02T10:00"), "等待天气好转 / waiting for the weather");
    assertEquals(Duration.ofHours(5), paused.pausedTime(t("2026-03-02T18:00")));
    assertEquals(Duration.ofHours(3), paused.remaining(t("2026-03-03T09:00"))); // frozen
    StageClock resumed = paused.resume(t("2026-03-03T10:00"));
    assertEquals(t("2026-03-03T15:30"), resumed.deadline());
    assertEquals(Duration.ofHours(7), resumed.pausedTime(t("2026-03-04T10:00")));
    assertEquals("等待天气好转 / waiting for the weather", resumed.pauses().get(0).reason());
    StageClock done = resumed.stop(t("2026-03-03T11:00"));
    assertEquals(ClockState.STOPPED_ON_TIME, done.state(t("2026-03-05T08:00")));
    // suspended twice: each pause moves the deadline; a second pause while paused is refused
    StageClock twice =
        resumed.pause(t("2026-03-03T14:30"), "法院裁定 / court ruling").resume(t("2026-03-03T15:30"));
    assertEquals(t("2026-03-03T16:30"), twice.deadline());
    assertEquals(Duration.ofHours(8), twice.pausedTime(t("2026-03-04T08:00")));
    assertThrows(IllegalStateException.class, () -> paused.pause(t("2026-03-02T11:00"), "again"));
  }

  @Test
  void aStopWhilePausedClosesThePauseAndIsOnTime() {
    // suspended before the deadline, cancelled long after it: the pause ends at the stop, the
    // deadline moves with it, so the clock stopped on time (no breach while suspended)
    StageClock c = handling(1, LimitUnit.WORKING_HOURS, "2026-03-02T08:00");
    StageClock stopped =
        c.pause(t("2026-03-02T08:30"), "第三方 / third party").stop(t("2026-03-06T10:00"));
    assertEquals(ClockState.STOPPED_ON_TIME, stopped.state(t("2026-03-07T10:00")));
    assertTrue(stopped.deadline().isAfter(t("2026-03-06T10:00")));
    assertFalse(stopped.isPaused());
  }

  @Test
  void anEmergencyClockIsNeverPaused() {
    // R-20 / Art 29: 突发事件不得缓办
    StageClock c = dispatchClock(Zone.URBAN, true, "2026-03-02T08:00");
    assertThrows(IllegalStateException.class, () -> c.pause(t("2026-03-02T08:10"), "weather"));
  }

  @Test
  void aPauseAfterTheDeadlineIsRefused() {
    StageClock c = handling(1, LimitUnit.WORKING_HOURS, "2026-03-02T08:00");
    assertThrows(IllegalStateException.class, () -> c.pause(t("2026-03-02T09:30"), "late"));
    assertThrows(IllegalStateException.class, () -> c.resume(t("2026-03-02T08:30")));
  }

  @Test
  void extensionToANewLimitCountsFromTheStart() {
    // 1 working day from Mon 10:00 = Tue 10:00; 延期 approved Mon 16:00 to 3 working days → Thu.
    StageClock c = handling(1, LimitUnit.WORKING_DAYS, "2026-03-02T10:00");
    assertEquals(t("2026-03-03T10:00"), c.deadline());
    StageClock e = c.extend(new TimeLimit(3, LimitUnit.WORKING_DAYS), t("2026-03-02T16:00"), "延期");
    assertEquals(t("2026-03-05T10:00"), e.deadline());
    assertEquals(new TimeLimit(3, LimitUnit.WORKING_DAYS), e.limit());
    assertEquals(new TimeLimit(1, LimitUnit.WORKING_DAYS), e.originalLimit());
    assertEquals(1, e.extensions().size());
    assertEquals(ClockState.RUNNING, e.state(t("2026-03-03T10:30")));
  }

  @Test
  void extensionToAnExplicitDeadline() {
    StageClock c = handling(1, LimitUnit.WORKING_DAYS, "2026-03-02T10:00");
    StageClock e = c.extendTo(t("2026-03-06T17:30"), t("2026-03-03T09:00"), "延期");
    assertEquals(t("2026-03-06T17:30"), e.deadline());
    assertThrows(
        IllegalArgumentException.class,
        () -> c.extendTo(t("2026-03-02T11:00"), t("2026-03-02T10:30"), "shorter"));
    assertThrows(
        IllegalStateException.class,
        () -> c.extendTo(t("2026-03-09T10:00"), t("2026-03-03T10:01"), "too late"));
    assertThrows(
        IllegalArgumentException.class,
        () -> c.extend(new TimeLimit(5, LimitUnit.NATURAL_DAYS), t("2026-03-02T11:00"), "kind"));
  }

  @Test
  void stopOnTimeAndLate() {
    StageClock c = dispatchClock(Zone.URBAN, false, "2026-03-02T11:30");
    StageClock onTime = c.stop(t("2026-03-02T15:00"));
    assertEquals(ClockState.STOPPED_ON_TIME, onTime.state(t("2026-03-03T09:00")));
    assertEquals(ClockState.WARNING, onTime.state(t("2026-03-02T14:59"))); // before the stop
    assertEquals(Duration.ZERO, onTime.remaining(t("2026-03-10T09:00"))); // frozen at stop
    StageClock late = c.stop(t("2026-03-02T15:20"));
    assertEquals(ClockState.STOPPED_LATE, late.state(t("2026-03-02T15:20")));
    assertEquals(Duration.ofMinutes(-20), late.remaining(t("2026-03-05T09:00")));
    assertThrows(IllegalStateException.class, () -> late.stop(t("2026-03-02T16:00")));
  }

  @Test
  void stopWhilePausedClosesThePause() {
    StageClock c =
        handling(1, LimitUnit.WORKING_HOURS, "2026-03-02T08:00")
            .pause(t("2026-03-02T08:30"), "wait")
            .stop(t("2026-03-04T10:00"));
    assertFalse(c.isPaused());
    assertEquals(ClockState.STOPPED_ON_TIME, c.state(t("2026-03-04T10:00")));
    assertEquals(Duration.ofMinutes(30), c.remaining(t("2026-03-05T10:00")));
  }

  @Test
  void transitionsMustBeInTimeOrder() {
    StageClock c =
        handling(1, LimitUnit.WORKING_DAYS, "2026-03-02T10:00").pause(t("2026-03-02T11:00"), "");
    assertThrows(IllegalArgumentException.class, () -> c.resume(t("2026-03-02T10:30")));
  }

  @Test
  void r16ReturnWindowFromALateFridayDispatchRunsIntoMonday() {
    // Dispatched Friday 17:20: 10 min that day, then Monday 08:00 + 50 min.
    StageClock c =
        StageClock.start(
            MINQING, P, Stage.RETURN_WINDOW, Zone.URBAN, false, null, t("2026-03-06T17:20"));
    assertEquals(t("2026-03-09T08:50"), c.deadline());
  }

  @Test
  void aClockKeepsThePolicyAndCalendarVersionItStartedUnder() {
    StageClockPolicy trial = new StageClockPolicy("trial-2027.1", 50);
    StageClock c =
        StageClock.start(
            MINQING,
            trial,
            Stage.DISPATCH_TO_SIGN_FOR,
            Zone.URBAN,
            false,
            null,
            t("2026-03-02T08:00"));
    assertEquals("trial-2027.1", c.policyVersion());
    assertEquals(MINQING.version(), c.calendarVersion());
    assertEquals(t("2026-03-02T08:30"), c.warningAt()); // 50 % of 1 h
    StageClock later = c.pause(t("2026-03-02T08:10"), "").resume(t("2026-03-02T08:20"));
    assertEquals("trial-2027.1", later.policyVersion());
    assertEquals(50, later.warningPercent());
  }

  @Test
  void aStoredClockIsRestoredWithItsStoredDeadlineNotRecomputed() {
    // Started under the shipped calendar: Thu 02-12 09:00 + 3 working days = Tue 02-24 09:00.
    StageClock c =
        handling(3, LimitUnit.WORKING_DAYS, "2026-02-12T09:00").pause(t("2026-02-12T10:00"), "x");
    StageClock.Snapshot s = c.snapshot();
    // Restored under a calendar WITHOUT the Spring Festival: the deadline stays as stored.
    WorkCalendar plain = WorkCalendar.builder().version("plain").build();
    StageClock r = StageClock.restore(plain, s);
    assertEquals(t("2026-02-24T09:00"), r.deadline());
    assertEquals(MINQING.version(), r.calendarVersion());
    assertEquals(P.version(), r.policyVersion());
    assertTrue(r.isPaused());
    assertEquals(s, r.snapshot());
    // and it goes on: resuming at 11:00 moves the deadline by 1 working hour of the new calendar
    assertEquals(t("2026-02-24T10:00"), r.resume(t("2026-02-12T11:00")).deadline());
  }

  @Test
  void aSubOrdersHandlingClockEndsAtItsTownshipBodysDeadline() {
    // township body's HANDLING: Mon 09:00 + 4 working hours → 15:30. The department's sub-order,
    // re-dispatched 10:00, ends at 15:30 too: budget 10:00–12:00 + 14:30–15:30 = 3 working hours.
    StageClock parent = handling(4, LimitUnit.WORKING_HOURS, "2026-03-02T09:00");
    StageClock sub =
        StageClock.startUntil(
            MINQING,
            P,
            Stage.SUB_HANDLING,
            Zone.URBAN,
            false,
            parent.limit(),
            t("2026-03-02T10:00"),
            parent.deadline());
    assertEquals(t("2026-03-02T15:30"), sub.deadline());
    assertEquals(Duration.ofHours(3), sub.budget());
    assertEquals(ClockState.BREACHED, sub.state(t("2026-03-02T15:31")));
    // an emergency's sub-order runs in natural time
    StageClock em =
        StageClock.startUntil(
            MINQING,
            P,
            Stage.SUB_HANDLING,
            Zone.URBAN,
            true,
            new TimeLimit(4, LimitUnit.WORKING_HOURS),
            t("2026-03-02T09:00"),
            t("2026-03-02T13:00"));
    assertEquals(LimitUnit.NATURAL_HOURS, em.limit().unit());
    assertEquals(Duration.ofHours(4), em.budget());
  }
}
