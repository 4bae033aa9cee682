package cn.szcg.sla.notify;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockWarned;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.QuietHours;
import cn.szcg.sla.notify.infra.NotifyStore;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 over the broker, a real SMPP server endpoint and PostgreSQL: a breach reaches the leader
 * by SMS and in the console inbox once, although the SMSC was down for a minute; quiet hours hold a
 * warning and let a breach through; phone numbers appear in no log line and no event.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class NotificationDeliveryTest {

  static final String LEADER_PHONE = "13900000012";
  static final String RECEIVER_PHONE = "13900000011";
  static TestSmsc smsc;

  @Inject NotifyStore store;

  @ConfigProperty(name = "szcg.notify.sms.port")
  int smscPort;

  static synchronized TestSmsc smsc(int port) {
    if (smsc == null) {
      smsc = new TestSmsc(port);
    }
    return smsc;
  }

  @AfterAll
  static void closeSmsc() {
    if (smsc != null) {
      smsc.close();
      smsc = null;
    }
  }

  static void send(String topic, String caseId, Record payload) {
    CloudEvent e = EventCodec.wrap("sla-service", caseId, Instant.now(), payload);
    TestEvents.send(KafkaTestResource.kafka().bootstrapServers(), topic, e);
  }

  static ClockBreached breach(String caseId) {
    return new ClockBreached(
        caseId,
        UUID.randomUUID().toString(),
        "HANDLING",
        caseId + "-O1",
        "U-WATER",
        Instant.now().minusSeconds(1),
        Instant.now(),
        false);
  }

  static ClockWarned warning(String caseId) {
    return new ClockWarned(
        caseId,
        UUID.randomUUID().toString(),
        "HANDLING",
        caseId + "-O1",
        "U-WATER",
        Instant.now(),
        Instant.now().plusSeconds(3600),
        Instant.now(),
        false);
  }

  JsonPath inbox(String user) {
    return given()
        .auth()
        .oauth2(TestTokens.user(user, "unit-leader").unit("U-WATER").build())
        .get("/api/v1/notifications/mine")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A delivery as the center's API shows it. */
  record D(String channel, String state, int attempts, String lastError, Instant heldUntil) {}

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> ofCase(String caseId) {
    return given()
        .auth()
        .oauth2(TestTokens.of("shift-lead"))
        .queryParam("caseId", caseId)
        .get("/api/v1/notifications")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList(".");
  }

  /** Captures every log record of the JVM while a scenario runs. */
  static final class Capture extends Handler {
    final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord r) {
      String msg = r.getMessage();
      Object[] ps = r.getParameters();
      StringBuilder b = new StringBuilder(String.valueOf(msg));
      if (ps != null) {
        for (Object p : ps) {
          b.append(' ').append(p);
        }
      }
      if (r.getThrown() != null) {
        b.append(' ').append(r.getThrown());
      }
      lines.add(b.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void aBreachReachesTheLeaderOnceBySmsAndInboxAfterTheSmscWasDownForAMinute() throws Exception {
    TestSmsc server = smsc(smscPort);
    server.stop();
    Capture logs = new Capture();
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(logs);
    try {
      String caseId = "FRINGE-" + UUID.randomUUID();
      send(Topics.CLOCKS, caseId, breach(caseId));

      // the inbox is immediate, whatever the SMSC does
      Await.until(
          "the breach in the leader's inbox",
          Duration.ofSeconds(30),
          () ->
              inbox("water-leader")
                      .getList("items.findAll { it.caseId == '" + caseId + "' }")
                      .size()
                  == 1);
      // the SMSC is down for a minute: the SMS waits, retried with back-off, the reason recorded
      Thread.sleep(60_000);
      D sms = smsOf(caseId, "water-leader");
      assertEquals("QUEUED", sms.state(), "still queued while the SMSC is down");
      assertTrue(sms.attempts() >= 3, "retried with back-off: " + sms.attempts());
      assertTrue(sms.lastError().contains("SMSC"), sms.lastError());
      assertTrue(server.to(LEADER_PHONE, caseId).isEmpty());

      server.start();
      Await.until(
          "the SMS delivered after the SMSC came back",
          Duration.ofSeconds(40),
          () -> "DELIVERED".equals(smsOf(caseId, "water-leader").state()));
      Thread.sleep(3000);
      assertEquals(1, server.to(LEADER_PHONE, caseId).size(), "exactly one SMS to the leader");
      assertTrue(server.to(LEADER_PHONE, caseId).get(0).text().contains("超时"));
      assertEquals(
          1,
          inbox("water-leader").getList("items.findAll { it.caseId == '" + caseId + "' }").size(),
          "exactly one inbox entry");
      // the shift lead is told too (R-22: the center follows breaches)
      Await.until(
          "the shift lead's SMS",
          Duration.ofSeconds(20),
          () -> server.to("13900000002", caseId).size() == 1);

      // the console push: NotificationRaised keyed by the recipient, without contact details
      List<ConsumerRecord<String, String>> raised =
          TestEvents.readUntil(
              KafkaTestResource.kafka().bootstrapServers(),
              Topics.NOTIFICATIONS,
              Duration.ofSeconds(20),
              seen -> seen.stream().filter(r -> r.value().contains(caseId)).count() >= 2);
      List<ConsumerRecord<String, String>> mine =
          raised.stream().filter(r -> r.value().contains(caseId)).toList();
      assertEquals(1, mine.stream().filter(r -> "water-leader".equals(r.key())).count());
      for (ConsumerRecord<String, String> r : raised) {
        assertFalse(
            r.value().contains(LEADER_PHONE) || r.value().contains("13900000002"), r.value());
      }
      // no phone number in any log line of the whole scenario (retries, binds, receipts)
      assertFalse(logs.lines.isEmpty());
      for (String line : logs.lines) {
        assertFalse(line.contains(LEADER_PHONE) || line.contains("13900000002"), line);
      }
      // and the center's API masks it everywhere
      String all =
          given()
              .auth()
              .oauth2(TestTokens.of("admin"))
              .queryParam("caseId", caseId)
              .get("/api/v1/notifications")
              .asString();
      assertFalse(all.contains(LEADER_PHONE));
    } finally {
      root.removeHandler(logs);
      server.start();
    }
  }

  @Test
  void quietHoursHoldAWarningAndLetABreachThrough() throws Exception {
    TestSmsc server = smsc(smscPort);
    server.start();
    Contact leader = contact("water-leader");
    Contact receiver = contact("water-receiver");
    LocalTime now = LocalTime.now(QuietHours.ZONE).withSecond(0).withNano(0);
    QuietHours quiet = new QuietHours(now.minusHours(1), now.plusHours(2));
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                store.upsertContact(withQuiet(leader, quiet));
                store.upsertContact(withQuiet(receiver, quiet));
              });
      String caseId = "QUIET-" + UUID.randomUUID();
      send(Topics.CLOCKS, caseId, warning(caseId));
      Await.until(
          "the warning in both inboxes at once",
          Duration.ofSeconds(30),
          () -> ofCase(caseId).size() == 2);
      D held = smsOf(caseId, "water-leader");
      assertEquals("QUEUED", held.state());
      assertNotNull(held.heldUntil(), "held until the quiet hours end");
      assertEquals(quiet.releaseAt(Instant.now()), held.heldUntil());
      assertEquals("SENT", consoleOf(caseId, "water-leader").state(), "the inbox is immediate");

      send(Topics.CLOCKS, caseId, breach(caseId));
      Await.until(
          "the breach by SMS through the quiet hours",
          Duration.ofSeconds(30),
          () -> server.to(LEADER_PHONE, caseId).stream().anyMatch(s -> s.text().contains("超时")));
      Thread.sleep(2500);
      assertTrue(
          server.to(LEADER_PHONE, caseId).stream().noneMatch(s -> s.text().contains("预警")),
          "the warning waits for the end of the quiet hours");
      assertTrue(server.to(RECEIVER_PHONE, caseId).isEmpty());
      assertEquals("QUEUED", smsOf(caseId, "water-receiver").state());
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                store.upsertContact(leader);
                store.upsertContact(receiver);
              });
    }
  }

  Contact contact(String id) {
    return QuarkusTransaction.requiringNew().call(() -> store.contact(id).orElseThrow());
  }

  static Contact withQuiet(Contact c, QuietHours q) {
    return new Contact(
        c.personId(),
        c.displayName(),
        c.role(),
        c.unitId(),
        c.collectorId(),
        c.onDuty(),
        c.phone(),
        c.webhookKind(),
        c.webhookUrl(),
        c.webhookSecret(),
        c.smsEnabled(),
        c.webhookEnabled(),
        q);
  }

  D smsOf(String caseId, String person) {
    return deliveryOf(caseId, person, "SMS");
  }

  D consoleOf(String caseId, String person) {
    return deliveryOf(caseId, person, "CONSOLE");
  }

  @SuppressWarnings("unchecked")
  D deliveryOf(String caseId, String person, String channel) {
    List<D> out = new ArrayList<>();
    for (Map<String, Object> n : ofCase(caseId)) {
      if (person.equals(n.get("recipientId"))) {
        for (Map<String, Object> d : (List<Map<String, Object>>) n.get("deliveries")) {
          if (channel.equals(d.get("channel"))) {
            Object held = d.get("heldUntil");
            out.add(
                new D(
                    channel,
                    (String) d.get("state"),
                    ((Number) d.get("attempts")).intValue(),
                    (String) d.get("lastError"),
                    held == null ? null : Instant.parse((String) held)));
          }
        }
      }
    }
    assertEquals(1, out.size(), channel + " deliveries of " + person + ": " + out);
    return out.get(0);
  }
}
