package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every change of the collector register (created, changed, deactivated, reactivated) is published
 * through the outbox as collector-registered, keyed by the collector id, in the order made; a
 * refused change publishes nothing (issue 7: assessment books collectors under their collection
 * unit).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CollectorRegisteredEventTest {

  @BeforeEach
  void signIn() {
    Api.signIn(Api.ADMIN);
  }

  private static void unit(String id) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"单位" + id + "\",\"contractFrom\":\"2025-01-01\"}")
        .put("/api/v1/collection-units/" + id)
        .then()
        .statusCode(200);
  }

  private static void collector(String id, String unit, String cert, int status) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"采集员"
                + id
                + "\",\"unitId\":\""
                + unit
                + "\""
                + (cert == null ? "" : ",\"certificate\":" + cert)
                + "}")
        .put("/api/v1/collectors/" + id)
        .then()
        .statusCode(status);
  }

  /** The collector-registered events of {@code collectorId}, in order, once the last is seen. */
  private static List<CollectorRegistered> events(String collectorId, String lastChange) {
    return TestEvents.readUntil(
            Api.bootstrap(),
            Topics.INTAKE,
            Duration.ofSeconds(30),
            seen -> of(seen, collectorId).stream().anyMatch(e -> lastChange.equals(e.change())))
        .stream()
        .filter(r -> collectorId.equals(r.key()))
        .filter(r -> Api.isType(r, "collector-registered"))
        .map(
            r ->
                (CollectorRegistered)
                    EventCodec.payload(CloudEvent.fromKafka(r.headers(), r.value())))
        .toList();
  }

  private static List<CollectorRegistered> of(
      List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> seen, String id) {
    return seen.stream()
        .filter(r -> id.equals(r.key()))
        .filter(r -> Api.isType(r, "collector-registered"))
        .map(
            r ->
                (CollectorRegistered)
                    EventCodec.payload(CloudEvent.fromKafka(r.headers(), r.value())))
        .toList();
  }

  @Test
  void everyRegisterChangeIsPublishedKeyedByTheCollector() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String a = "CU-A-" + tag;
    String b = "CU-B-" + tag;
    String id = "K-" + tag;
    unit(a);
    unit(b);
    collector(
        id,
        a,
        "{\"number\":\"MQ-" + tag + "\",\"validFrom\":\"2026-01-01\",\"validTo\":\"2027-12-31\"}",
        200);
    collector(id, b, null, 200); // moved to unit B, certificate withdrawn
    collector(id, "CU-NONE-" + tag, null, 400); // refused: unknown unit → nothing published
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"虚报屡教不改\"}")
        .post("/api/v1/collectors/" + id + "/deactivation")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"再次停用\"}")
        .post("/api/v1/collectors/" + id + "/deactivation")
        .then()
        .statusCode(409); // refused: already deactivated → nothing published
    given().post("/api/v1/collectors/" + id + "/reactivation").then().statusCode(200);

    List<CollectorRegistered> events = events(id, "REACTIVATED");
    assertEquals(
        List.of("CREATED", "CHANGED", "DEACTIVATED", "REACTIVATED"),
        events.stream().map(CollectorRegistered::change).toList());
    CollectorRegistered created = events.get(0);
    assertEquals(id, created.collectorId());
    assertEquals(a, created.collectionUnitId());
    assertEquals("采集员" + id, created.name());
    assertTrue(created.active());
    assertEquals("MQ-" + tag, created.certificateNumber());
    assertEquals(LocalDate.parse("2026-01-01"), created.certificateValidFrom());
    assertEquals(LocalDate.parse("2027-12-31"), created.certificateValidTo());
    assertEquals("admin-1", created.changedBy());

    CollectorRegistered moved = events.get(1);
    assertEquals(b, moved.collectionUnitId());
    assertTrue(moved.active());
    assertNull(moved.certificateNumber());
    assertNull(moved.certificateValidFrom());

    assertEquals(b, events.get(2).collectionUnitId());
    assertFalse(events.get(2).active());
    assertTrue(events.get(3).active());
    for (int i = 1; i < events.size(); i++) {
      assertFalse(
          events.get(i).changedAt().isBefore(events.get(i - 1).changedAt()),
          "changedAt in the order of the changes");
    }
  }
}
