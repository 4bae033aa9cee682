package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deadline computations per second on one thread, mixed units, starts spread over 2016–2026.
 * Target: at least 1,000,000 per second. Run: see docs/sla-calendar.md.
 */
@Tag("benchmark")
class DeadlineBenchmarkTest {

  /**
   * Entry point for a run outside Surefire (the build excludes the "benchmark" group): see the
   * command in docs/sla-calendar.md.
   */
  public static void main(String[] args) {
    new DeadlineBenchmarkTest().mixedDeadlineComputationsPerSecond();
  }

  @Test
  void mixedDeadlineComputationsPerSecond() {
    WorkCalendar cal = Times.MINQING;
    int n = 1 << 16;
    Instant[] starts = new Instant[n];
    TimeLimit[] limits = new TimeLimit[n];
    Random rnd = new Random(42);
    long from = Times.t("2016-01-01T00:00").toEpochMilli();
    long span = Times.t("2026-12-01T00:00").toEpochMilli() - from;
    LimitUnit[] units = LimitUnit.values();
    for (int i = 0; i < n; i++) {
      starts[i] = Instant.ofEpochMilli(from + (long) (rnd.nextDouble() * span));
      limits[i] = new TimeLimit(1 + rnd.nextInt(20), units[i % units.length]);
    }
    long sink = 0;
    // warm-up
    for (int r = 0; r < 30; r++) {
      for (int i = 0; i < n; i++) {
        sink += cal.deadline(starts[i], limits[i]).getEpochSecond();
      }
    }
    long ops = 0;
    long t0 = System.nanoTime();
    long elapsed;
    do {
      for (int i = 0; i < n; i++) {
        sink += cal.deadline(starts[i], limits[i]).getEpochSecond();
      }
      ops += n;
      elapsed = System.nanoTime() - t0;
    } while (elapsed < 3_000_000_000L);
    double perSecond = ops / (elapsed / 1e9);
    System.out.printf(
        "DeadlineBenchmark: %,.0f deadline computations/s on one thread (%,d ops, mixed units,"
            + " sink %d)%n",
        perSecond, ops, sink % 10);
    assertTrue(perSecond >= 1_000_000, "below target: " + perSecond);
  }
}
