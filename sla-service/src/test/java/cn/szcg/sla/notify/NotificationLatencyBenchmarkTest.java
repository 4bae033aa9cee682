package cn.szcg.sla.notify;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency from the event to the SMPP submit at 50 notifications/s (issue 21; figures in
 * docs/notifications.md): breaches of unit U-WATER at 25 events/s, each told to the unit's leader
 * and the shift lead by SMS (50 SMS/s), for {@code szcg.bench.seconds} (default 20) seconds; the
 * latency of each is the in-process SMSC's receipt of its submit_sm minus the event's send time.
 *
 * <p>Run on purpose: {@code SZCG_TEST_DB_SUFFIX=_svc ./mvnw -B -pl sla-service test
 * -Dszcg.excludedGroups=none -Dgroups=benchmark -Dtest=NotificationLatencyBenchmarkTest}
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("benchmark")
class NotificationLatencyBenchmarkTest {

  @ConfigProperty(name = "szcg.notify.sms.port")
  int smscPort;

  @Test
  void eventToSmppSubmitAt50PerSecond() throws Exception {
    int seconds = Integer.getInteger("szcg.bench.seconds", 20);
    int perSecond = 25; // events; two SMS each
    TestSmsc smsc = new TestSmsc(smscPort);
    smsc.start();
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    String run = "BENCH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Properties p = new Properties();
    p.put("bootstrap.servers", KafkaTestResource.kafka().bootstrapServers());
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("linger.ms", "0");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      // warm-up: one event, so that the SMPP session is bound before the clock starts
      send(producer, run + "warm", sentAt);
      Await.until(
          "warm-up SMS",
          Duration.ofSeconds(30),
          () -> !smsc.to("13900000012", run + "warm").isEmpty());
      long start = System.nanoTime();
      int n = seconds * perSecond;
      for (int i = 0; i < n; i++) {
        long due = start + i * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        send(producer, run + i, sentAt);
      }
      int expected = 2 * n + 2;
      Await.until(
          "every SMS submitted",
          Duration.ofSeconds(120),
          () -> smsc.submitted().stream().filter(s -> s.text().contains(run)).count() >= expected);
      List<Long> latencies = new ArrayList<>();
      for (TestSmsc.Submitted s : smsc.submitted()) {
        int at = s.text().indexOf(run);
        if (at < 0 || s.text().contains(run + "warm")) {
          continue;
        }
        String caseId = s.text().substring(at).split(" ")[0];
        latencies.add(s.receivedAtMillis() - sentAt.get(caseId));
      }
      Collections.sort(latencies);
      System.out.printf(
          "NotificationLatencyBenchmark: %d SMS in %d s (%.1f/s): event -> submit_sm p50 %d ms,"
              + " p95 %d ms, p99 %d ms, max %d ms%n",
          latencies.size(),
          seconds,
          latencies.size() / (double) seconds,
          pct(latencies, 50),
          pct(latencies, 95),
          pct(latencies, 99),
          latencies.get(latencies.size() - 1));
    } finally {
      smsc.close();
    }
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static void send(KafkaProducer<String, String> producer, String caseId, Map<String, Long> sentAt)
      throws Exception {
    Instant now = Instant.now();
    CloudEvent e =
        EventCodec.wrap(
            "sla-service",
            caseId,
            now,
            new ClockBreached(
                caseId,
                UUID.randomUUID().toString(),
                "HANDLING",
                caseId + "-O1",
                "U-WATER",
                now,
                now,
                false));
    sentAt.put(caseId, System.currentTimeMillis());
    producer.send(new ProducerRecord<>(Topics.CLOCKS, null, caseId, e.data(), e.toHeaders())).get();
  }
}
