package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Shared steps of the intake API tests. */
final class Api {

  private Api() {}

  static final String UNIT = "U-MQ-01";

  /** A certified, active collector of a unit under contract (idempotent). */
  static void eligibleCollector(String id) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"闽清城市服务有限公司\",\"contractFrom\":\"2025-01-01\",\"contractTo\":\"2030-12-31\"}")
        .put("/api/v1/collection-units/" + UNIT)
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"林采集\",\"unitId\":\""
                + UNIT
                + "\",\"certificate\":{\"number\":\"MQ-CERT-"
                + id
                + "\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2030-12-31\"}}")
        .put("/api/v1/collectors/" + id)
        .then()
        .statusCode(200);
  }

  static String patrol(String collectorId, String category, double lon, double lat) {
    return "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\""
        + category
        + "\",\"location\":{\"lon\":"
        + lon
        + ",\"lat\":"
        + lat
        + "},\"description\":\"巡查发现\",\"collectorId\":\""
        + collectorId
        + "\"}";
  }

  static String hotline(String sourceRef, String kind) {
    return "{\"channel\":\"HOTLINE\",\"kind\":\""
        + kind
        + "\",\"description\":\"市民来电反映路灯不亮\",\"location\":{\"lon\":118.8632,\"lat\":26.2231},"
        + "\"sourceRef\":\""
        + sourceRef
        + "\",\"reporter\":{\"name\":\"张三\",\"phone\":\"13800000000\"}}";
  }

  static String register(String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String bootstrap() {
    return KafkaTestResource.kafka().bootstrapServers();
  }

  static boolean isType(
      org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, String type) {
    var h = r.headers().lastHeader("ce_type");
    return h != null && new String(h.value(), StandardCharsets.UTF_8).contains("." + type + ".");
  }

  /** The payload of the event of {@code type} about {@code caseId} (waits up to 30 s). */
  static Object event(String caseId, String type) {
    var all =
        TestEvents.readUntil(
            bootstrap(),
            Topics.INTAKE,
            Duration.ofSeconds(30),
            seen -> seen.stream().anyMatch(r -> caseId.equals(r.key()) && isType(r, type)));
    Optional<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> rec =
        all.stream().filter(r -> caseId.equals(r.key()) && isType(r, type)).findFirst();
    assertTrue(rec.isPresent(), "event " + type + " of " + caseId);
    return EventCodec.payload(CloudEvent.fromKafka(rec.get().headers(), rec.get().value()));
  }

  /** All raw event values about {@code caseId} seen within a short time. */
  static List<String> rawEvents(String caseId, Duration wait) {
    return TestEvents.readUntil(bootstrap(), Topics.INTAKE, wait, s -> false).stream()
        .filter(r -> caseId.equals(r.key()))
        .map(r -> r.value())
        .toList();
  }
}
