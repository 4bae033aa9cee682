package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.sla.infra.HolidayDataLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The precomputed arrays (prefix sums over 2010–2040) are only a speed-up: the same calendar whose
 * precomputed range does not cover 2016–2026 (so it walks day by day) must give identical answers.
 */
class FastAndSlowPathAgreeTest {

  private static WorkCalendar calendar(int fromYear, int toYear) {
    return HolidayDataLoader.readWorkHours(
            FastAndSlowPathAgreeTest.class
                .getClassLoader()
                .getResourceAsStream(HolidayDataLoader.SHIPPED_WORK_HOURS))
        .seasonalPeriods(
            MonthDay.of(7, 1),
            MonthDay.of(8, 31),
            List.of(WorkPeriod.parse("07:30-11:30"), WorkPeriod.parse("15:00-18:00")))
        .holidays(HolidayDataLoader.loadShipped())
        .precompute(fromYear, toYear)
        .build();
  }

  @Test
  void randomDeadlinesAndSpansAgree() {
    WorkCalendar fast = calendar(2010, 2040);
    WorkCalendar slow = calendar(2035, 2035); // 2016–2026 lies outside: day-by-day path
    WorkCalendar partial = calendar(2020, 2021); // crosses in and out of the range
    Random rnd = new Random(20260227L);
    long from = Times.t("2015-06-01T00:00").toEpochMilli();
    long span = Times.t("2026-12-01T00:00").toEpochMilli() - from;
    LimitUnit[] units = LimitUnit.values();
    for (int i = 0; i < 5_000; i++) {
      Instant start =
          Instant.ofEpochMilli(from + (long) (rnd.nextDouble() * span) / 60_000 * 60_000);
      TimeLimit limit = new TimeLimit(rnd.nextInt(120), units[rnd.nextInt(units.length)]);
      Instant expected = slow.deadline(start, limit);
      assertEquals(expected, fast.deadline(start, limit), () -> start + " + " + limit);
      assertEquals(expected, partial.deadline(start, limit), () -> start + " + " + limit);
      Instant end = start.plus(Duration.ofMinutes(rnd.nextInt(200_000)));
      assertEquals(
          slow.workingTimeBetween(start, end),
          fast.workingTimeBetween(start, end),
          start + ".." + end);
      assertEquals(slow.workingTimeBetween(start, end), partial.workingTimeBetween(start, end));
      assertEquals(slow.nextWorkingMoment(start), fast.nextWorkingMoment(start));
    }
  }

  @Test
  void addingWorkingTimeThenMeasuringItGivesItBack() {
    WorkCalendar cal = Times.MINQING;
    Random rnd = new Random(7);
    long from = Times.t("2016-01-01T00:00").toEpochMilli();
    for (int i = 0; i < 5_000; i++) {
      Instant start = Instant.ofEpochMilli(from + (long) (rnd.nextDouble() * 3.3e11));
      Duration amount = Duration.ofMillis(1 + (long) (rnd.nextDouble() * 3.6e8));
      Instant end = cal.addWorkingTime(start, amount);
      assertEquals(amount, cal.workingTimeBetween(start, end), () -> start + " + " + amount);
    }
  }
}
