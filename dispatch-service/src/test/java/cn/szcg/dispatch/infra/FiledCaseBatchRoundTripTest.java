package cn.szcg.dispatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.dispatch.application.FiledCaseHandler;
import cn.szcg.platform.inbox.EventHandler;
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
 * Issue 23: dispatch's case-filed consumer (接收立案, R-03) opens a poll's cases set-based — the
 * session's round trips do not grow with the cases of the poll (before: a lookup, the case insert
 * and its update per case), and the result is that of one event at a time: each case once, with its
 * OPEN step, its problem and its event on szcg.cases.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FiledCaseBatchRoundTripTest {

  @Inject FiledCaseHandler handler;
  @Inject EntityManager em;

  static List<EventHandler.Delivery> poll(String run, int cases) {
    List<EventHandler.Delivery> out = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      CaseFiled f = FiledCaseConsumerTest.filed(run + i);
      CloudEvent e = EventCodec.wrap("intake-service", f.caseId(), Instant.now(), f);
      out.add(new EventHandler.Delivery(e, f));
    }
    return out;
  }

  int apply(List<EventHandler.Delivery> poll) {
    return PollRoundTrips.apply(handler, poll);
  }

  long count(String sql, String prefix) {
    return PollRoundTrips.count(em, sql, prefix);
  }

  @Test
  void roundTripsOfAPollDoNotGrowWithItsCases() {
    String small = "fc-s-" + UUID.randomUUID() + "-";
    String large = "fc-l-" + UUID.randomUUID() + "-";
    int few = apply(poll(small, 5));
    int many = apply(poll(large, 60));
    System.out.printf("session statements per poll: 5 cases %d, 60 cases %d%n", few, many);
    // which cases are known (one select) + the case rows in one batch: whatever the number
    assertTrue(many <= 3, "statements for 60 cases: " + many);
    assertEquals(few, many, "grows with the cases");

    assertEquals(60, count("SELECT count(*) FROM dispatch_case WHERE case_id LIKE ?1", large));
    assertEquals(
        60,
        count(
            "SELECT count(*) FROM dispatch_case WHERE case_id LIKE ?1"
                + " AND state = 'AWAITING_DISPATCH' AND sequence = 1 AND snapshot IS NOT NULL",
            large));
    assertEquals(
        60,
        count(
            "SELECT count(*) FROM case_step WHERE case_id LIKE ?1 AND transition = 'OPEN'"
                + " AND to_state = 'AWAITING_DISPATCH'",
            large));
    assertEquals(60, count("SELECT count(*) FROM case_problem WHERE case_id LIKE ?1", large));
    assertEquals(60, count("SELECT count(*) FROM outbox WHERE msg_key LIKE ?1", large));
  }

  @Test
  void aCaseFiledTwiceInOnePollOrAgainLaterOpensOnce() {
    String run = "fc-d-" + UUID.randomUUID() + "-";
    List<EventHandler.Delivery> poll = poll(run, 3);
    poll.addAll(poll(run, 3)); // the same cases under new event ids, in the same poll
    apply(poll);
    apply(poll(run, 3)); // and in a later poll
    assertEquals(3, count("SELECT count(*) FROM dispatch_case WHERE case_id LIKE ?1", run));
    assertEquals(3, count("SELECT count(*) FROM case_step WHERE case_id LIKE ?1", run));
    assertEquals(3, count("SELECT count(*) FROM case_problem WHERE case_id LIKE ?1", run));
    assertEquals(3, count("SELECT count(*) FROM outbox WHERE msg_key LIKE ?1", run));
  }
}
