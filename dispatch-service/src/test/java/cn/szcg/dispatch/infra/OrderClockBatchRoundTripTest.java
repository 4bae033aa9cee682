package cn.szcg.dispatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.dispatch.application.ClockHandler;
import cn.szcg.dispatch.application.FiledCaseHandler;
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.PollRoundTrips;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: what sla-service says of the orders' clocks (R-14 handling, R-16 return window) is
 * applied a poll at a time — the session's round trips do not grow with the poll's cases — and a
 * clock started and breached in the same poll keeps its breach (过期未处置).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OrderClockBatchRoundTripTest {

  @Inject ClockHandler clocks;
  @Inject FiledCaseHandler filed;
  @Inject EntityManager em;

  static ClockStarted started(String caseId, String stage, Instant at) {
    return new ClockStarted(
        caseId,
        "clk-" + stage + "-" + caseId,
        stage,
        caseId + "-O1",
        "U-WATER",
        Zone.URBAN,
        false,
        new TimeLimit(1, LimitUnit.WORKING_HOURS),
        at,
        at.plus(Duration.ofMinutes(50)),
        at.plus(Duration.ofHours(1)),
        "policy-1",
        "calendar-2026");
  }

  static List<EventHandler.Delivery> poll(String run, int cases) {
    List<EventHandler.Delivery> out = new ArrayList<>();
    Instant t = Instant.now().minusSeconds(60);
    for (int i = 0; i < cases; i++) {
      for (String stage : List.of("RETURN_WINDOW", "HANDLING")) {
        ClockStarted s = started(run + i, stage, t);
        out.add(new EventHandler.Delivery(EventCodec.wrap("sla-service", s.caseId(), t, s), s));
      }
    }
    return out;
  }

  int apply(EventHandler handler, List<EventHandler.Delivery> poll) {
    return PollRoundTrips.apply(handler, poll);
  }

  long count(String sql, String prefix) {
    return PollRoundTrips.count(em, sql, prefix);
  }

  @Test
  void roundTripsOfAPollDoNotGrowWithItsCases() {
    String small = "oc-s-" + UUID.randomUUID() + "-";
    String large = "oc-l-" + UUID.randomUUID() + "-";
    apply(filed, FiledCaseBatchRoundTripTest.poll(small, 5));
    apply(filed, FiledCaseBatchRoundTripTest.poll(large, 60));
    int few = apply(clocks, poll(small, 5));
    int many = apply(clocks, poll(large, 60));
    System.out.printf("session statements per clock poll: 5 cases %d, 60 cases %d%n", few, many);
    assertTrue(many <= 3, "statements for 60 cases (120 clocks): " + many);
    assertEquals(few, many, "grows with the cases");
    assertEquals(120, count("SELECT count(*) FROM order_clock WHERE case_id LIKE ?1", large));
  }

  @Test
  void aBreachInTheSamePollAsTheStartStays() {
    String run = "oc-b-" + UUID.randomUUID() + "-";
    List<EventHandler.Delivery> poll = poll(run, 1);
    Instant t = Instant.now();
    ClockStarted h = started(run + 0, "HANDLING", t.minusSeconds(60));
    ClockBreached b =
        new ClockBreached(
            h.caseId(), h.clockId(), "HANDLING", h.orderId(), h.unitId(), h.deadline(), t, false);
    poll.add(new EventHandler.Delivery(EventCodec.wrap("sla-service", h.caseId(), t, b), b));
    // and the start redelivered after the breach: the breach stays
    CloudEvent again = EventCodec.wrap("sla-service", h.caseId(), t, h);
    poll.add(new EventHandler.Delivery(again, h));
    apply(clocks, poll);
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM order_clock WHERE case_id LIKE ?1 AND stage = 'HANDLING'"
                + " AND breached_at IS NOT NULL",
            run));
    assertEquals(2, count("SELECT count(*) FROM order_clock WHERE case_id LIKE ?1", run));
  }
}
