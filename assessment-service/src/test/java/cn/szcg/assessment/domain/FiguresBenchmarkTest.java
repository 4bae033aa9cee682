package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (excluded from the normal run): recomputing a year of unit figures from the full fact
 * history in memory. Run: ./mvnw -o -pl assessment-service test -Dszcg.excludedGroups=none
 * -Dgroups=benchmark -Dtest=FiguresBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 */
@Tag("benchmark")
class FiguresBenchmarkTest {
  @Test
  void recomputeAYear() {
    Random rnd = new Random(42);
    int orders = 200_000;
    List<FactEvent> facts = new ArrayList<>(orders * 5);
    Instant yearStart = Period.year(2026).start();
    for (int i = 0; i < orders; i++) {
      OrderRef ref =
          new OrderRef(
              "o" + i,
              "c" + i,
              "U" + rnd.nextInt(60),
              "C" + rnd.nextInt(120),
              "T" + rnd.nextInt(16),
              yearStart.plusSeconds(rnd.nextInt(365 * 24 * 3600)));
      OrderTrack.Step s = OrderTrack.received(ref.orderId() + ":r", ref);
      facts.addAll(s.facts());
      OrderTrack t = s.next();
      s = t.signedFor(ref.orderId() + ":s", ref.receivedAt(), rnd.nextInt(10) < 9);
      facts.addAll(s.facts());
      if (rnd.nextInt(5) == 0) {
        s = t.checkFailed(ref.orderId() + ":f", ref.receivedAt());
        facts.addAll(s.facts());
        t = s.next();
      }
      s = t.handled(ref.orderId() + ":h", ref.receivedAt(), rnd.nextInt(10) < 8);
      facts.addAll(s.facts());
      s = s.next().satisfaction(ref.orderId() + ":v", ref.receivedAt(), Satisfaction.SATISFIED);
      facts.addAll(s.facts());
    }
    long t0 = System.nanoTime();
    FiguresBook book = FiguresBook.recompute(facts);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "FiguresBenchmark: %d facts of %d orders -> %d cells recomputed in %d ms (%.0f facts/s)%n",
        facts.size(), orders, book.cells().size(), ms, facts.size() * 1000.0 / Math.max(1, ms));
    long received = 0;
    for (int u = 0; u < 60; u++) {
      received += book.get(FiguresKey.total("U" + u, Period.year(2026))).received();
    }
    assertEquals(orders, received);
  }
}
