package cn.szcg.sla.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.sla.application.ClockEventHandler;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.PollRoundTrips;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the clock consumer applies a poll set-based — its round trips do not grow with the
 * number of cases in the poll (before: ~30 statements per case, one event at a time).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ClockBatchRoundTripTest {

  @Inject ClockEventHandler handler;
  @Inject EntityManager em;

  /** The load benchmark's mix per case: registered, located, filed, DISPATCH, SIGN_FOR. */
  static List<EventHandler.Delivery> poll(String run, int cases) {
    List<EventHandler.Delivery> out = new ArrayList<>();
    Instant t0 = Instant.now().minusSeconds(60);
    for (int i = 0; i < cases; i++) {
      String c = run + i;
      Instant t = t0.plusMillis(i);
      Zone zone = i % 5 == 0 ? Zone.FRINGE : Zone.URBAN;
      add(out, c, t, Ev.registered(c, t, Zone.URBAN));
      add(out, c, t.plusMillis(1), Ev.located(c, zone, t.plusMillis(1)));
      add(out, c, t.plusMillis(2), Ev.filed(c, t, t.plusMillis(2), Ev.hours(4), zone, false));
      add(
          out,
          c,
          t.plusMillis(3),
          Ev.transition(
              c, 1, "DISPATCH", t.plusMillis(3), "O-" + c, "U1", Ev.hours(4), zone, false, null));
      add(
          out,
          c,
          t.plusMillis(4),
          Ev.transition(
              c, 2, "SIGN_FOR", t.plusMillis(4), "O-" + c, "U1", null, zone, false, null));
    }
    return out;
  }

  static void add(List<EventHandler.Delivery> out, String c, Instant t, Record payload) {
    CloudEvent e = Ev.wrap(c, t, payload);
    out.add(new EventHandler.Delivery(e, payload));
  }

  int apply(List<EventHandler.Delivery> poll) {
    return PollRoundTrips.apply(handler, poll);
  }

  long count(String sql, String prefix) {
    return PollRoundTrips.count(em, sql, prefix);
  }

  @Test
  void roundTripsOfAPollDoNotGrowWithItsCases() {
    String small = "rt-s-" + UUID.randomUUID() + "-";
    String large = "rt-l-" + UUID.randomUUID() + "-";
    int few = apply(poll(small, 5));
    int many = apply(poll(large, 60));
    System.out.printf("statements per poll: 5 cases %d, 60 cases %d%n", few, many);
    // read-ahead (clocks, facts) + batched inserts and updates per table: a handful, whatever N
    assertTrue(many <= 10, "statements for 60 cases (300 events): " + many);
    assertTrue(many <= few + 2, "grows with the cases: " + few + " -> " + many);

    // and the clocks are those of one event at a time: per case R-12 stopped, R-13 stopped by the
    // sign-for, R-16 and R-14 running
    assertEquals(240, count("SELECT count(*) FROM stage_clock WHERE case_id LIKE ?1", large));
    assertEquals(
        120,
        count(
            "SELECT count(*) FROM stage_clock WHERE case_id LIKE ?1 AND stopped_at IS NULL",
            large));
    assertEquals(
        60,
        count(
            "SELECT count(*) FROM stage_clock WHERE case_id LIKE ?1 AND stage = 'HANDLING'"
                + " AND stopped_at IS NULL",
            large));
    assertEquals(
        240 + 120, // started ×4, stopped ×2 per case
        count(
            "SELECT count(*) FROM outbox WHERE msg_key LIKE ?1 AND (event_type LIKE '%clock-started%'"
                + " OR event_type LIKE '%clock-stopped%')",
            large));
  }

  @Test
  void aClockRestartedWithinOnePollReplacesTheStoppedOne() {
    // FAIL_CHECK re-dispatches: its new clocks replace the ones stopped in the
    // same poll (one running clock per case, stage and order)
    String run = "rt-f-" + UUID.randomUUID() + "-";
    List<EventHandler.Delivery> poll = poll(run, 3);
    Instant t = Instant.now().minusSeconds(30);
    for (int i = 0; i < 3; i++) {
      String c = run + i;
      add(
          poll,
          c,
          t,
          Ev.transition(c, 3, "SUBMIT_FEEDBACK", t, "O-" + c, "U1", null, Zone.URBAN, false, null));
      add(
          poll,
          c,
          t.plusMillis(5),
          Ev.transition(
              c,
              4,
              "FAIL_CHECK",
              t.plusMillis(5),
              "O-" + c,
              "U1",
              Ev.hours(4),
              Zone.URBAN,
              false,
              null));
    }
    apply(poll);
    assertEquals(
        6,
        count(
            "SELECT count(*) FROM stage_clock WHERE case_id LIKE ?1 AND stopped_at IS NULL", run));
    assertEquals(
        6,
        count(
            "SELECT count(*) FROM stage_clock WHERE case_id LIKE ?1 AND stage = 'HANDLING'", run));
  }
}
