package cn.szcg.sla.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventConsumers;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The event consumer's rate in isolation (docs/stress.md, whole-pipeline load): N cases (property
 * {@code szcg.bench.cases}, default 2,000), each with the realistic mix report-registered,
 * location-resolved, case-filed (szcg.intake) and case-transitioned DISPATCH, SIGN_FOR
 * (szcg.cases), produced to the in-process broker; timed until the consumer has applied all 5·N.
 * Run: see docs/sla-clocks.md.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("benchmark")
class ConsumerRateBenchmarkTest {

  @Inject EventConsumers consumers;
  @Inject EntityManager em;

  long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  @Test
  void consumerRate() throws Exception {
    int n = Integer.getInteger("szcg.bench.cases", 2_000);
    String run = "crb-" + System.currentTimeMillis() + "-";
    long before = consumers.appliedCount("clocks");
    List<Ev.Out> out = new ArrayList<>();
    Instant t0 = Instant.now();
    for (int i = 0; i < n; i++) {
      String c = run + i;
      Instant t = t0.plusMillis(i);
      Zone zone = i % 5 == 0 ? Zone.FRINGE : Zone.URBAN;
      out.add(Ev.Out.of(c, t, Ev.registered(c, t, Zone.URBAN)));
      out.add(Ev.Out.of(c, t, Ev.located(c, zone, t.plusMillis(1))));
      out.add(Ev.Out.of(c, t, Ev.filed(c, t, t.plusMillis(2), Ev.hours(4), zone, i % 50 == 0)));
      out.add(
          Ev.Out.of(
              c,
              t,
              Ev.transition(
                  c,
                  1,
                  "DISPATCH",
                  t.plusMillis(3),
                  "O-" + c,
                  "U" + (i % 40),
                  Ev.hours(4),
                  zone,
                  false,
                  null)));
      out.add(
          Ev.Out.of(
              c,
              t,
              Ev.transition(
                  c,
                  2,
                  "SIGN_FOR",
                  t.plusMillis(4),
                  "O-" + c,
                  "U" + (i % 40),
                  null,
                  zone,
                  false,
                  null)));
    }
    int rate = Integer.getInteger("szcg.bench.rate", 0); // cases/s; 0: all at once
    Thread consumer =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("consumer-clocks"))
            .findFirst()
            .orElseThrow();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = threads.getThreadCpuTime(consumer.getId());
    long proc0 = os.getProcessCpuTime();
    long s0 = System.nanoTime();
    if (rate <= 0) {
      Ev.sendAll(out);
    } else {
      for (int from = 0; from < out.size(); from += 5 * rate / 10) {
        long due = s0 + (long) (from / (5.0 * rate) * 1e9);
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        Ev.sendAll(out.subList(from, Math.min(out.size(), from + 5 * rate / 10)));
      }
    }
    double sendSec = (System.nanoTime() - s0) / 1e9;
    long target = before + 5L * n;
    long deadline = System.nanoTime() + 900_000_000_000L;
    while (consumers.appliedCount("clocks") < target && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    double sec = (System.nanoTime() - s0) / 1e9;
    double cpuMs = (threads.getThreadCpuTime(consumer.getId()) - cpu0) / 1e6;
    double procMs = (os.getProcessCpuTime() - proc0) / 1e6;
    long applied = consumers.appliedCount("clocks") - before;
    long orderClocks =
        count(
            "SELECT count(*) FROM stage_clock WHERE case_id LIKE '"
                + run
                + "%' AND stage = 'DISPATCH_TO_SIGN_FOR'");
    System.out.printf(
        "ConsumerRateBenchmark: %,d cases, %,d events (sent in %.1f s) applied in %.1f s:"
            + " %.0f events/s, %.1f cases (order clocks)/s; consumer thread CPU %.2f ms/event,"
            + " process CPU %.2f ms/event%n",
        n,
        applied,
        sendSec,
        sec,
        applied / sec,
        orderClocks / sec,
        cpuMs / applied,
        procMs / applied);
    assertEquals(5L * n, applied);
    assertEquals(n, orderClocks);
  }
}
