package cn.szcg.dispatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The consuming half of the event backbone, against a real broker and the local PostgreSQL: a
 * redelivered event changes nothing (idempotent consumer), and a malformed or unknown event goes to
 * the dead-letter topic while the consumer moves on.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FiledCaseConsumerTest {

  @Inject EntityManager em;

  static CaseFiled filed(String caseId) {
    Instant t = Instant.parse("2026-03-02T01:30:00Z");
    return new CaseFiled(
        caseId,
        "MQ20260000001",
        Channel.PATROL,
        ReportKind.REPORT,
        "C-0101",
        "上水井盖",
        1,
        new TimeLimit(4, LimitUnit.WORKING_HOURS),
        Zone.URBAN,
        false,
        null,
        null,
        null,
        "C0001",
        t.minusSeconds(600),
        t,
        "operator1");
  }

  private static String bootstrap() {
    return KafkaTestResource.kafka().bootstrapServers();
  }

  @Test
  void theSameEventDeliveredTwiceHasOneEffect() {
    String caseId = UUID.randomUUID().toString();
    CloudEvent event = EventCodec.wrap("intake-service", caseId, Instant.now(), filed(caseId));
    TestEvents.send(bootstrap(), Topics.INTAKE, event);
    TestEvents.send(bootstrap(), Topics.INTAKE, event); // what a relay re-send looks like

    await(() -> count("SELECT count(*) FROM inbox WHERE event_id = '" + event.id() + "'") == 1);
    // Send a marker after the duplicate: once it is applied, the duplicate has been seen too.
    String marker = UUID.randomUUID().toString();
    TestEvents.send(
        bootstrap(),
        Topics.INTAKE,
        EventCodec.wrap("intake-service", marker, Instant.now(), filed(marker)));
    awaitCase(marker);
    // Same partition? Not necessarily; so also wait until the consumer is idle on all partitions.
    await(() -> count("SELECT count(*) FROM dispatch_case WHERE case_id = '" + caseId + "'") == 1);
    assertEquals(1, count("SELECT count(*) FROM inbox WHERE event_id = '" + event.id() + "'"));
    assertEquals(1, count("SELECT count(*) FROM dispatch_case WHERE case_id = '" + caseId + "'"));
    CaseEntity c = QuarkusTransaction.requiringNew().call(() -> CaseEntity.findById(caseId));
    assertEquals("AWAITING_DISPATCH", c.state);
    assertEquals("C-0101", c.categoryCode);
    assertEquals(4, c.limitAmount);
  }

  @Test
  void malformedAndUnknownEventsGoToTheDeadLetterTopicAndTheConsumerMovesOn() {
    String garbageKey = "garbage-" + UUID.randomUUID();
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    h.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    h.add("ce_source", "intake-service".getBytes(StandardCharsets.UTF_8));
    h.add("ce_type", "cn.szcg.intake.case-filed.v1".getBytes(StandardCharsets.UTF_8));
    h.add("ce_subject", garbageKey.getBytes(StandardCharsets.UTF_8));
    h.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
    TestEvents.send(bootstrap(), Topics.INTAKE, garbageKey, "{not json", h);

    String unknownKey = "unknown-" + UUID.randomUUID();
    CloudEvent unknown =
        new CloudEvent(
            UUID.randomUUID().toString(),
            "elsewhere",
            "cn.szcg.nobody.knows.v1",
            unknownKey,
            Instant.now(),
            "{}");
    TestEvents.send(bootstrap(), Topics.INTAKE, unknown);

    String good = UUID.randomUUID().toString();
    TestEvents.send(
        bootstrap(),
        Topics.INTAKE,
        EventCodec.wrap("intake-service", good, Instant.now(), filed(good)));
    awaitCase(good);

    var dead =
        TestEvents.readUntil(
            bootstrap(),
            Topics.DEAD_LETTER,
            Duration.ofSeconds(30),
            seen ->
                seen.stream().anyMatch(r -> garbageKey.equals(r.key()))
                    && seen.stream().anyMatch(r -> unknownKey.equals(r.key())));
    var garbage = dead.stream().filter(r -> garbageKey.equals(r.key())).findFirst().orElseThrow();
    String reason =
        new String(garbage.headers().lastHeader("szcg_dlq_reason").value(), StandardCharsets.UTF_8);
    assertTrue(reason.contains("does not parse"), reason);
    assertEquals("{not json", garbage.value());
    var unknownDead =
        dead.stream().filter(r -> unknownKey.equals(r.key())).findFirst().orElseThrow();
    assertTrue(
        new String(
                unknownDead.headers().lastHeader("szcg_dlq_reason").value(), StandardCharsets.UTF_8)
            .contains("unknown event type"));
  }

  private void awaitCase(String caseId) {
    await(() -> count("SELECT count(*) FROM dispatch_case WHERE case_id = '" + caseId + "'") == 1);
    assertNotNull(QuarkusTransaction.requiringNew().call(() -> CaseEntity.findById(caseId)));
  }

  private long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  static void await(BooleanSupplier condition) {
    Await.until("condition", Duration.ofSeconds(30), condition);
  }
}
