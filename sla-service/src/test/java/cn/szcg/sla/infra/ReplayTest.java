package cn.szcg.sla.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The clocks can be rebuilt from the event history with identical results: a generated history of
 * cases (returns, extensions, failed checks, emergencies, fringe zones, rejections) is applied, the
 * clocks and the clocks events are snapshotted, wiped, the same history is replayed, and both runs
 * are compared field by field.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReplayTest {

  @Inject ClockEventHandler handler;
  @Inject ClockScheduler scheduler;
  @Inject EntityManager em;

  record Step(String id, String caseId, Instant time, Record payload) {}

  static List<Step> history(long seed, int cases) {
    Random rnd = new Random(seed);
    List<Step> out = new ArrayList<>();
    TimeLimit[] limits = {
      new TimeLimit(4, LimitUnit.WORKING_HOURS),
      new TimeLimit(1, LimitUnit.WORKING_DAYS),
      new TimeLimit(3, LimitUnit.WORKING_DAYS),
      new TimeLimit(2, LimitUnit.NATURAL_HOURS),
      new TimeLimit(90, LimitUnit.WORKING_MINUTES)
    };
    for (int k = 0; k < cases; k++) {
      String c = "replay-" + seed + "-" + k;
      Instant t =
          Instant.parse("2026-01-05T00:00:00Z")
              .plus(Duration.ofMinutes(rnd.nextInt(60 * 24 * 150)));
      List<Step> s = new ArrayList<>();
      Zone zone = rnd.nextInt(4) == 0 ? Zone.FRINGE : Zone.URBAN;
      boolean em = rnd.nextInt(6) == 0;
      TimeLimit limit = limits[rnd.nextInt(limits.length)];
      s.add(step(c, s.size(), t, Ev.registered(c, t, Zone.URBAN)));
      if (zone == Zone.FRINGE) {
        t = t.plusSeconds(60 + rnd.nextInt(600));
        s.add(step(c, s.size(), t, Ev.located(c, Zone.FRINGE, t)));
      }
      t = t.plusSeconds(60 + rnd.nextInt(3600 * 2));
      if (rnd.nextInt(8) == 0) {
        s.add(step(c, s.size(), t, new ReportRejected(c, "无效", false, "C0001", t, "op")));
        out.addAll(s);
        continue;
      }
      s.add(step(c, s.size(), t, Ev.filed(c, t, t, limit, zone, em)));
      long seq = 1;
      String order = c + "-O1";
      String unit = "U" + rnd.nextInt(5);
      t = t.plusSeconds(60 + rnd.nextInt(3600 * 3));
      s.add(
          step(
              c,
              s.size(),
              t,
              Ev.transition(c, ++seq, "DISPATCH", t, order, unit, limit, zone, em, null)));
      if (rnd.nextInt(5) == 0) {
        t = t.plusSeconds(60 + rnd.nextInt(3000));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "REQUEST_RETURN", t, order, unit, null, zone, em, null)));
        t = t.plusSeconds(60 + rnd.nextInt(3000));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "APPROVE_RETURN", t, order, unit, null, zone, em, null)));
        order = c + "-O2";
        unit = "U" + (5 + rnd.nextInt(5));
        t = t.plusSeconds(60 + rnd.nextInt(3000));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "DISPATCH", t, order, unit, limit, zone, em, null)));
      }
      int rounds = 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
      boolean open = rnd.nextInt(6) == 0;
      for (int r = 1; r <= rounds && !open; r++) {
        t = t.plusSeconds(60 + rnd.nextInt(7200));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "SIGN_FOR", t, order, unit, null, zone, em, null)));
        if (!em && rnd.nextInt(5) == 0) {
          t = t.plusSeconds(60 + rnd.nextInt(3600));
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(
                      c,
                      ++seq,
                      "GRANT_EXTENSION",
                      t,
                      order,
                      unit,
                      null,
                      zone,
                      em,
                      t.plus(Duration.ofDays(5 + rnd.nextInt(5))))));
        }
        t = t.plusSeconds(600 + rnd.nextInt(3600 * 30));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "SUBMIT_FEEDBACK", t, order, unit, null, zone, em, null)));
        t = t.plusSeconds(60 + rnd.nextInt(3600 * 3));
        boolean fail = r < rounds;
        if (fail) {
          order = order + "-R" + (r + 1);
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "FAIL_CHECK", t, order, unit, limit, zone, em, null)));
        } else {
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "PASS_CHECK", t, order, unit, null, zone, em, null)));
          t = t.plusSeconds(60 + rnd.nextInt(600));
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "CLOSE", t, null, null, null, zone, em, null)));
        }
      }
      out.addAll(s);
    }
    return out;
  }

  static Step step(String caseId, int n, Instant t, Record payload) {
    return new Step(caseId + "-e" + n, caseId, t, payload);
  }

  void applyAll(List<Step> steps) {
    for (Step s : steps) {
      CloudEvent e = Ev.wrap(s.caseId(), s.time(), s.payload());
      CloudEvent fixed =
          new CloudEvent(s.id(), e.source(), e.type(), e.subject(), e.time(), e.data());
      QuarkusTransaction.requiringNew().run(() -> handler.handle(fixed, s.payload()));
    }
  }

  @SuppressWarnings("unchecked")
  List<String> snapshot(String prefix) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<String> rows = new ArrayList<>();
              for (Object r :
                  em.createNativeQuery(
                          "SELECT concat_ws('|', id, case_id, stage, order_id, unit_id, zone, emergency,"
                              + " limit_amount, limit_unit, started_at, warning_at, deadline, state,"
                              + " stopped_at, stop_reason, on_time, snapshot, warned_at IS NOT NULL,"
                              + " breached_at IS NOT NULL, next_due, policy_version, calendar_version)"
                              + " FROM stage_clock WHERE case_id LIKE ?1 ORDER BY id")
                      .setParameter(1, prefix + "%")
                      .getResultList()) {
                rows.add((String) r);
              }
              // the clocks events, without the moment they were published and whether that was late
              for (Object r :
                  em.createNativeQuery(
                          "SELECT concat_ws('|', msg_key, event_type,"
                              + " (payload::jsonb - 'publishedAt' - 'late')::text)"
                              + " FROM outbox WHERE topic = 'szcg.clocks' AND msg_key LIKE ?1 ORDER BY id")
                      .setParameter(1, prefix + "%")
                      .getResultList()) {
                rows.add((String) r);
              }
              return rows;
            });
  }

  void wipe(String prefix) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery("DELETE FROM stage_clock WHERE case_id LIKE ?1")
                  .setParameter(1, prefix + "%")
                  .executeUpdate();
              em.createNativeQuery("DELETE FROM case_clock_info WHERE case_id LIKE ?1")
                  .setParameter(1, prefix + "%")
                  .executeUpdate();
              em.createNativeQuery(
                      "DELETE FROM outbox WHERE topic = 'szcg.clocks' AND msg_key LIKE ?1")
                  .setParameter(1, prefix + "%")
                  .executeUpdate();
            });
  }

  @Test
  void replayingTheHistoryRebuildsTheSameClocks() {
    long seed = System.nanoTime() % 100_000;
    String prefix = "replay-" + seed + "-";
    List<Step> steps = history(seed, 60);
    scheduler.stop(); // replay mode: moments are published by the events alone
    try {
      applyAll(steps);
      List<String> first = snapshot(prefix);
      assertTrue(first.size() > 100, "too little history: " + first.size());
      assertTrue(first.stream().anyMatch(r -> r.contains("clock-breached")), "no breach");
      assertTrue(first.stream().anyMatch(r -> r.contains("clock-deadline-changed")));
      assertTrue(first.stream().anyMatch(r -> r.contains("FAIL_CHECK")));
      wipe(prefix);
      assertEquals(0, snapshot(prefix).size());
      applyAll(steps);
      List<String> second = snapshot(prefix);
      assertEquals(first.size(), second.size());
      for (int i = 0; i < first.size(); i++) {
        assertEquals(first.get(i), second.get(i), "row " + i + " (seed " + seed + ")");
      }
    } finally {
      scheduler.start();
    }
  }
}
