package cn.szcg.assessment.infra;

import static io.restassured.RestAssured.given;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Realistic events of dispatch-service (cases), sla-service (clocks) and intake-service (intake),
 * sent over the in-process broker as the services would send them.
 */
final class CaseEvents {
  static final String CATEGORY = "0101";
  private long seq = 0;

  static String bootstrap() {
    return KafkaTestResource.kafka().bootstrapServers();
  }

  private static org.apache.kafka.clients.producer.KafkaProducer<String, String> producer;

  /** One producer for the whole run (a producer per event would dominate the test time). */
  static synchronized org.apache.kafka.clients.producer.KafkaProducer<String, String> producer() {
    if (producer == null) {
      java.util.Properties p = new java.util.Properties();
      p.put("bootstrap.servers", bootstrap());
      p.put(
          "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
      p.put(
          "value.serializer",
          org.apache.kafka.common.serialization.StringSerializer.class.getName());
      p.put("linger.ms", "2");
      producer = new org.apache.kafka.clients.producer.KafkaProducer<>(p);
    }
    return producer;
  }

  /** When set, {@link #send} collects the records here instead of sending them (benchmarks). */
  static java.util.List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> capture;

  static void send(String topic, String source, String caseId, Instant at, Record payload) {
    CloudEvent e = EventCodec.wrap(source, caseId, at, payload);
    var record =
        new org.apache.kafka.clients.producer.ProducerRecord<>(
            topic, null, e.subject(), e.data(), e.toHeaders());
    if (capture != null) {
      capture.add(record);
    } else {
      producer().send(record);
    }
  }

  static void registered(String caseId, Instant at) {
    send(
        Topics.INTAKE,
        "intake-service",
        caseId,
        at,
        new cn.szcg.contracts.events.ReportRegistered(
            caseId,
            "MQ" + caseId,
            Channel.PATROL,
            ReportKind.REPORT,
            CATEGORY,
            null,
            null,
            "暴露垃圾",
            "C0001",
            null,
            null,
            null,
            at));
  }

  /** Waits until everything sent so far is on the broker. */
  static void flush() {
    producer().flush();
  }

  static void filed(String caseId, String township, Instant at) {
    send(
        Topics.INTAKE,
        "intake-service",
        caseId,
        at,
        new CaseFiled(
            caseId,
            "MQ" + caseId,
            Channel.PATROL,
            ReportKind.REPORT,
            CATEGORY,
            "暴露垃圾",
            1,
            new TimeLimit(2, LimitUnit.WORKING_HOURS),
            Zone.URBAN,
            false,
            null,
            new LocationContext(township, "梅城镇", null, null, null, Zone.URBAN),
            null,
            null,
            at,
            at,
            "operator-1"));
  }

  void step(
      String caseId,
      String transition,
      String orderId,
      String unitId,
      Instant at,
      String actor,
      Map<String, String> data) {
    send(
        Topics.CASES,
        "dispatch-service",
        caseId,
        at,
        new CaseTransitioned(
            caseId,
            ++seq,
            transition,
            "S",
            "T",
            actor,
            "UNIT_RECEIVER",
            unitId,
            at,
            null,
            orderId,
            unitId,
            CATEGORY,
            Zone.URBAN,
            false,
            "DISPATCH".equals(transition) ? new TimeLimit(2, LimitUnit.WORKING_HOURS) : null,
            null,
            null,
            false,
            true,
            data == null ? Map.of() : data));
  }

  void step(String caseId, String transition, String orderId, String unitId, Instant at) {
    step(caseId, transition, orderId, unitId, at, null, null);
  }

  static void stopped(
      String caseId, String stage, String orderId, String unitId, Instant at, boolean onTime) {
    send(
        Topics.CLOCKS,
        "sla-service",
        caseId,
        at,
        new ClockStopped(
            caseId, UUID.randomUUID().toString(), stage, orderId, unitId, at, at, onTime));
  }

  static void breached(String caseId, String stage, String orderId, String unitId, Instant at) {
    send(
        Topics.CLOCKS,
        "sla-service",
        caseId,
        at,
        new ClockBreached(
            caseId, UUID.randomUUID().toString(), stage, orderId, unitId, at, at, false));
  }

  static JsonPath figures(String unitId, String period) {
    return given()
        .queryParam("period", period)
        .get("/api/v1/figures/units/" + unitId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Polls the unit's figures until {@code done} holds (30 s), then returns them. */
  static JsonPath awaitFigures(String unitId, String period, Predicate<JsonPath> done) {
    flush();
    return Await.until(
        "figures of " + unitId, Duration.ofSeconds(60), () -> figures(unitId, period), done);
  }

  static JsonPath notices(String unitId, String month) {
    return given()
        .queryParam("unitId", unitId)
        .queryParam("month", month)
        .queryParam("size", 200)
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath awaitNotices(String unitId, String month, int total) {
    flush();
    return Await.until(
        "notices of " + unitId,
        Duration.ofSeconds(60),
        () -> notices(unitId, month),
        j -> j.getInt("total") >= total);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
