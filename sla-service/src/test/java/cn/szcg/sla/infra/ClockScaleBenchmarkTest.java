package cn.szcg.sla.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.sla.application.ClockScheduler;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scale: N open clocks (property {@code szcg.bench.clocks}, default 100,000; target 1,000,000), of
 * which a few hundred probes breach during the run. Measures (1) restart-ready time: the scheduler
 * is stopped, {@code overdue} clocks fall due "while it is down", and the time from start until
 * every overdue moment is published; (2) the lateness of live breaches (published moment −
 * deadline), p50/p99/max. Run: see docs/sla-clocks.md.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("benchmark")
class ClockScaleBenchmarkTest {

  @Inject ClockScheduler scheduler;
  @Inject EntityManager em;

  static final String PREFIX = "bench-";

  void insert(int n, String kind, String deadlineExpr, String warningExpr, boolean warned) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO stage_clock (id, case_id, stage, zone, emergency,"
                            + " limit_amount, limit_unit, started_at, warning_at, deadline, state,"
                            + " policy_version, calendar_version, order_id, unit_id, warned_at,"
                            + " warned_late, next_due)"
                            + " SELECT gen_random_uuid(), '"
                            + PREFIX
                            + kind
                            + "-' || g, 'HANDLING', 'URBAN', false, 3, 'WORKING_DAYS',"
                            + " now() - interval '1 hour', w, d, 'RUNNING', 'minqing-2016.1',"
                            + " 'cn-2016-2026.1', 'O-' || g, 'U' || (g % 40), "
                            + (warned
                                ? "now(), false, d + interval '1 millisecond'"
                                : "NULL, NULL, w")
                            + " FROM (SELECT g, "
                            + deadlineExpr
                            + " AS d, "
                            + warningExpr
                            + " AS w FROM generate_series(1, "
                            + n
                            + ") g) s")
                    .executeUpdate());
  }

  long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  @Test
  void breachLatenessAndRestartWithManyOpenClocks() throws Exception {
    int n = Integer.getInteger("szcg.bench.clocks", 100_000);
    int overdue = Integer.getInteger("szcg.bench.overdue", 2_000);
    int probes = Integer.getInteger("szcg.bench.probes", 300);
    scheduler.stop();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("DELETE FROM stage_clock WHERE case_id LIKE 'bench-%'")
                      .executeUpdate());
      long t0 = System.nanoTime();
      // the bulk: open clocks due over the next 30 days (nothing fires during the run)
      insert(
          n,
          "open",
          "now() + interval '1 hour' + g * interval '25 seconds'",
          "now() + interval '50 minutes' + g * interval '20 seconds'",
          false);
      // fell due while the scheduler was down: warning and deadline in the past
      insert(
          overdue,
          "overdue",
          "now() - interval '1 minute' + g * interval '1 millisecond'",
          "now() - interval '5 minutes'",
          false);
      em.clear();
      QuarkusTransaction.requiringNew()
          .run(() -> em.createNativeQuery("ANALYZE stage_clock").executeUpdate());
      double loadSec = (System.nanoTime() - t0) / 1e9;
      long open = count("SELECT count(*) FROM stage_clock WHERE stopped_at IS NULL");
      System.out.printf("ScaleBenchmark: %,d open clocks stored in %.1f s%n", open, loadSec);

      // restart
      long s0 = System.nanoTime();
      scheduler.start();
      while (scheduler.readyAt() == null && System.nanoTime() - s0 < 120e9) {
        Thread.sleep(5);
      }
      double readySec = (System.nanoTime() - s0) / 1e9;
      assertNotNull(scheduler.readyAt());
      long lateBreaches =
          count(
              "SELECT count(*) FROM stage_clock WHERE case_id LIKE 'bench-overdue-%'"
                  + " AND breached_at IS NOT NULL AND breached_late");
      assertEquals(overdue, lateBreaches);
      System.out.printf(
          "ScaleBenchmark: restart with %,d open clocks: ready (all %,d overdue clocks warned and"
              + " breached, late=true) in %.2f s%n",
          open, overdue, readySec);
    } finally {
      scheduler.start();
    }

    // live breaches: probes due 5..25 s from now, warning already published
    insert(
        probes,
        "probe",
        "now() + interval '5 seconds' + g * (interval '20 seconds' / " + probes + ")",
        "now() - interval '1 second'",
        true);
    scheduler.wake();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end
        && count(
                "SELECT count(*) FROM stage_clock WHERE case_id LIKE 'bench-probe-%'"
                    + " AND breached_at IS NULL")
            > 0) {
      Thread.sleep(500);
    }
    @SuppressWarnings("unchecked")
    List<Object> lat =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT (extract(epoch FROM breached_at - deadline) * 1000)::bigint"
                                + " FROM stage_clock WHERE case_id LIKE 'bench-probe-%'"
                                + " AND breached_at IS NOT NULL")
                        .getResultList());
    List<Long> ms = new ArrayList<>();
    lat.forEach(o -> ms.add(((Number) o).longValue()));
    Collections.sort(ms);
    assertEquals(probes, ms.size(), "every probe breached");
    long p50 = ms.get(ms.size() / 2);
    long p99 = ms.get((int) Math.ceil(ms.size() * 0.99) - 1);
    long max = ms.get(ms.size() - 1);
    System.out.printf(
        "ScaleBenchmark: %,d live breaches among %,d open clocks: lateness p50 %d ms, p99 %d ms,"
            + " max %d ms (measured at %s)%n",
        probes, n + probes, p50, p99, max, Instant.now());
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("DELETE FROM stage_clock WHERE case_id LIKE 'bench-%'")
                    .executeUpdate());
    assertTrue(p99 < 1000, "p99 lateness " + p99 + " ms");
  }
}
