package cn.szcg.sla.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockWarned;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.sla.notify.application.NotifyEventHandler;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.infra.NotifyStore;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.PollRoundTrips;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * Issue 21: the notify consumer applies a poll set-based — the directory is read once for all the
 * poll's recipients and the notifications and deliveries are written in multi-row statements, so
 * its round trips do not grow with the number of events (before: ~8 per warning, one intent at a
 * time). Idempotency unchanged: the same poll again raises nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class NotifyBatchRoundTripTest {

  @Inject NotifyEventHandler handler;
  @Inject NotifyStore store;
  @Inject EntityManager em;

  /** Two units of the run, each with an on-duty receiver and leader and an off-duty receiver. */
  void directory(String run) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String u : List.of("A", "B")) {
                String unit = run + "U" + u;
                store.upsertContact(person(run + u + "-receiver", "unit-receiver", unit, true));
                store.upsertContact(person(run + u + "-leader", "unit-leader", unit, true));
                store.upsertContact(person(run + u + "-off", "unit-receiver", unit, false));
              }
            });
  }

  /** Console only (no phone, no robot): nothing goes to an SMSC from this test. */
  static Contact person(String id, String role, String unit, boolean onDuty) {
    return new Contact(
        id, id, role, unit, null, onDuty, null, null, null, null, false, false, null);
  }

  /** {@code n} warnings (not urgent) to the run's two units in turn. */
  static List<EventHandler.Delivery> poll(String run, int n) {
    List<EventHandler.Delivery> out = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      String caseId = run + "C" + i;
      ClockWarned w =
          new ClockWarned(
              caseId,
              UUID.randomUUID().toString(),
              "HANDLING",
              caseId + "-O1",
              run + "U" + (i % 2 == 0 ? "A" : "B"),
              now,
              now.plusSeconds(3600),
              now,
              false);
      CloudEvent e = EventCodec.wrap("sla-service", caseId, now, w);
      out.add(new EventHandler.Delivery(e, w));
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
  void roundTripsOfAPollDoNotGrowWithItsEventsAndAReplayRaisesNothing() {
    String small = "nrt-s-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String large = "nrt-l-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    directory(small);
    directory(large);
    // the notify part knows the 受理号 of one case (from its case-filed event): its notifications
    // name it so (the others their id)
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO notify_case (case_id, report_no) VALUES (?1, 'MQ-RT-7')")
                    .setParameter(1, large + "C7")
                    .executeUpdate());
    int few = apply(poll(small, 4));
    List<EventHandler.Delivery> big = poll(large, 100);
    int many = apply(big);
    System.out.printf("notify statements per poll: 4 events %d, 100 events %d%n", few, many);
    // directory read + the cases' 受理号 + notifications + deliveries (the outbox's JDBC batch is
    // not counted)
    assertTrue(many <= 5, "statements for 100 events: " + many);
    assertTrue(many <= few, "grows with the events: " + few + " -> " + many);
    assertEquals(
        2L,
        count(
            "SELECT count(*) FROM notification WHERE case_id LIKE ?1"
                + " AND title_zh LIKE '预警：案件 MQ-RT-7 %'",
            large + "C7"));

    // the same rows as one intent at a time: receiver and leader on duty of the event's unit
    String notifications = "SELECT count(*) FROM notification WHERE case_id LIKE ?1";
    String deliveries =
        "SELECT count(*) FROM notify_delivery d JOIN notification n ON n.id = d.notification_id"
            + " WHERE n.case_id LIKE ?1 AND d.channel = 'CONSOLE' AND d.state = 'SENT'";
    String raised =
        "SELECT count(*) FROM outbox WHERE event_type LIKE '%notification-raised%'"
            + " AND payload LIKE '%' || ?1";
    assertEquals(200, count(notifications, large));
    assertEquals(200, count(deliveries, large));
    assertEquals(
        0, count("SELECT count(*) FROM notification WHERE recipient_id LIKE ?1", large + "A-off"));
    assertEquals(
        50,
        count("SELECT count(*) FROM notification WHERE recipient_id LIKE ?1", large + "B-leader"));
    long events = count(raised, large);
    assertEquals(200, events);

    // a replayed poll (the inbox lost, say) raises nothing twice
    apply(big);
    assertEquals(200, count(notifications, large));
    assertEquals(200, count(deliveries, large));
    assertEquals(events, count(raised, large));
  }

  @Test
  void aCaseFiledInAPollNamesItsCaseByReportNumberFromThenOn() {
    // intake's case-filed is the notify part's only source of a case's 受理号 (ADR 0008): the poll
    // that carries it writes notify_case, and a warning in a later poll reads it from there
    String run = "nrt-f-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    directory(run);
    String caseId = run + "C0";
    Instant t = Instant.now();
    CaseFiled f =
        new CaseFiled(
            caseId,
            "MQ-RT-F1",
            Channel.PATROL,
            ReportKind.REPORT,
            "C-0101",
            "井盖破损",
            1,
            new TimeLimit(4, LimitUnit.WORKING_HOURS),
            Zone.URBAN,
            false,
            null,
            null,
            null,
            "C0001",
            t.minusSeconds(60),
            t,
            "operator1");
    apply(List.of(new EventHandler.Delivery(EventCodec.wrap("intake-service", caseId, t, f), f)));
    assertEquals(
        1L,
        count(
            "SELECT count(*) FROM notify_case WHERE case_id LIKE ?1 AND report_no = 'MQ-RT-F1'",
            caseId));

    apply(poll(run, 1)); // a warning of the same case, in a later poll
    assertEquals(
        2L,
        count(
            "SELECT count(*) FROM notification WHERE case_id LIKE ?1"
                + " AND title_zh LIKE '预警：案件 MQ-RT-F1 %'",
            caseId));
  }
}
