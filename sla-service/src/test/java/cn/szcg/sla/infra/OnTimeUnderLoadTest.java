package cn.szcg.sla.infra;

import static cn.szcg.sla.infra.Ev.count;
import static cn.szcg.sla.infra.Ev.send;
import static cn.szcg.sla.infra.Ev.transition;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventConsumers;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the warning (预警) and breach (超时) of a running clock are pushed on time (< 1 s) while
 * the consumer is applying a steady stream of other cases' events (the load benchmark's mix, 100
 * cases/s). The scheduler has its own thread and transactions and only skips the clocks the
 * consumer's poll holds; the consumer keeps up (its events stay younger than the backlog age), so
 * the scheduler's "now" is never held back behind it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OnTimeUnderLoadTest {

  @Inject EventConsumers consumers;

  @Test
  void warningAndBreachStayOnTimeWhileTheConsumerIsLoaded() throws Exception {
    // an emergency's handling limit of 1 natural minute, accepted 40 s ago, dispatched 30 s
    // ago: warning (80 %) in ~8 s, breach in ~20 s
    String c = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant reg = now.minusSeconds(40);
    Instant dispatched = now.minusSeconds(30);
    TimeLimit minute = new TimeLimit(1, LimitUnit.WORKING_MINUTES);
    send(c, reg, Ev.registered(c, reg, Zone.URBAN));
    send(c, reg.plusSeconds(2), Ev.filed(c, reg, reg.plusSeconds(2), minute, Zone.URBAN, true));
    send(
        c,
        dispatched,
        transition(c, 2, "DISPATCH", dispatched, c + "-O1", "U1", minute, Zone.URBAN, true, null));

    // the load: 100 cases/s × 5 events for 24 s, produced at their event time
    String run = "otl-" + UUID.randomUUID() + "-";
    long before = consumers.appliedCount("clocks");
    Thread load =
        new Thread(
            () -> {
              long t0 = System.currentTimeMillis();
              for (int s = 0; s < 24 * 10; s++) {
                List<Ev.Out> out = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  String k = run + s + "-" + i;
                  Instant t = Instant.now();
                  out.add(Ev.Out.of(k, t, Ev.registered(k, t, Zone.URBAN)));
                  out.add(Ev.Out.of(k, t, Ev.located(k, Zone.URBAN, t)));
                  out.add(Ev.Out.of(k, t, Ev.filed(k, t, t, Ev.hours(4), Zone.URBAN, false)));
                  out.add(
                      Ev.Out.of(
                          k,
                          t,
                          transition(
                              k,
                              1,
                              "DISPATCH",
                              t,
                              "O-" + k,
                              "U1",
                              Ev.hours(4),
                              Zone.URBAN,
                              false,
                              null)));
                  out.add(
                      Ev.Out.of(
                          k,
                          t,
                          transition(
                              k, 2, "SIGN_FOR", t, "O-" + k, "U1", null, Zone.URBAN, false, null)));
                }
                Ev.sendAll(out);
                long sleep = t0 + (s + 1) * 100L - System.currentTimeMillis();
                if (sleep > 0) {
                  try {
                    Thread.sleep(sleep);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            "load");
    load.start();

    List<Ev.Read> events =
        Ev.clocksOf(c, Duration.ofSeconds(60), rs -> count(rs, "clock-breached", "HANDLING") == 1);
    load.join();
    long applied = consumers.appliedCount("clocks") - before;
    Ev.Read warned = ClockLifecycleTest.one(events, "clock-warned", "HANDLING");
    Ev.Read breached = ClockLifecycleTest.one(events, "clock-breached", "HANDLING");
    long warnLateness = ClockLifecycleTest.lateness(warned, "warningAt");
    long breachLateness = ClockLifecycleTest.lateness(breached, "deadline");
    System.out.printf(
        "under load (%d events applied meanwhile): warning %d ms late, breach %d ms%n",
        applied, warnLateness, breachLateness);
    assertTrue(warnLateness >= 0 && warnLateness < 1000, "warning lateness " + warnLateness);
    assertTrue(breachLateness > 0 && breachLateness < 1000, "breach lateness " + breachLateness);
    assertFalse(warned.data().path("late").asBoolean());
    assertFalse(breached.data().path("late").asBoolean());
  }
}
