package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.platform.outbox.OutboxRelay;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Registration through the REST API, against the local PostgreSQL and a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RegistrationTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    Api.signIn(Api.OPERATOR);
  }

  @Inject OutboxRelay relay;
  @Inject EntityManager em;

  static final String PATROL =
      """
      {"channel":"PATROL","kind":"REPORT","categoryCode":"C-0101",
       "location":{"lon":118.8632,"lat":26.2231},"address":"梅城镇解放大街12号",
       "description":"上水井盖破损","collectorId":"C0001"}
      """;

  private static String bootstrap() {
    return KafkaTestResource.kafka().bootstrapServers();
  }

  @org.junit.jupiter.api.BeforeEach
  void collector() {
    Api.eligibleCollector("C0001");
  }

  @Test
  void registersWithANumberAndATimestampAndPublishesTheEvent() {
    String id =
        Api.sender(PATROL)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("reportNo", matchesPattern("MQ\\d{4}\\d{7}"))
            .body("registeredAt", notNullValue())
            .body("status", equalTo("REGISTERED"))
            .extract()
            .path("id");

    List<ConsumerRecord<String, String>> seen = readEventsOf(id, 1);
    CloudEvent event = CloudEvent.fromKafka(seen.get(0).headers(), seen.get(0).value());
    assertEquals("cn.szcg.intake.report-registered.v1", event.type());
    assertEquals(id, seen.get(0).key());
    ReportRegistered r = (ReportRegistered) EventCodec.payload(event);
    assertEquals("C-0101", r.categoryCode());
  }

  /**
   * The transactional outbox: with the relay stopped (as if the service died between the write and
   * the send, or the broker were down), the registration is committed and its event waits; when the
   * relay is back the event arrives, once.
   */
  @Test
  void anEventWrittenWhileTheRelayIsDownArrivesOnceWhenItIsBack() {
    relay.stop();
    String id;
    try {
      id = Api.sender(PATROL).post("/api/v1/reports").then().statusCode(201).extract().path("id");
      assertEquals(1L, unsent(id), "the event waits in the outbox");
      List<ConsumerRecord<String, String>> early =
          TestEvents.readUntil(bootstrap(), Topics.INTAKE, Duration.ofSeconds(2), s -> false);
      assertFalse(early.stream().anyMatch(r -> id.equals(r.key())), "nothing sent yet");
    } finally {
      relay.start();
    }
    List<ConsumerRecord<String, String>> seen = readEventsOf(id, 1);
    // give a duplicate the chance to show up, then count again
    List<ConsumerRecord<String, String>> again =
        TestEvents.readUntil(bootstrap(), Topics.INTAKE, Duration.ofSeconds(2), s -> false);
    assertEquals(1, again.stream().filter(r -> id.equals(r.key())).count());
    assertEquals(1, seen.size());
    assertEquals(0L, unsent(id));
  }

  @Test
  void aRepeatedPushWithTheSameIdempotencyKeyReturnsTheOriginalRegistration() {
    String key = "hotline-" + UUID.randomUUID();
    String body =
        """
        {"channel":"HOTLINE","kind":"COMPLAINT","description":"路灯不亮",
         "sourceRef":"12345-2026-0001","reporter":{"name":"张三","phone":"13800000000"}}
        """;
    String first =
        Api.sender(body)
            .header("Idempotency-Key", key)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .extract()
            .path("reportNo");
    Api.sender(body)
        .header("Idempotency-Key", key)
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("reportNo", equalTo(first));
    long rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT count(*) FROM report WHERE idempotency_key = ?1")
                                .setParameter(1, key)
                                .getSingleResult())
                        .longValue());
    assertEquals(1, rows);
  }

  @Test
  void badInputGetsAProblemNamingTheField() {
    Api.sender("{\"channel\":\"CARRIER_PIGEON\",\"kind\":\"REPORT\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("channel"));
    Api.sender("{\"kind\":\"REPORT\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("channel"));
    Api.sender(
            "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"location\":{\"lon\":\"east\",\"lat\":1}}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("location.lon"));
    Api.sender("{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"location\":{\"lon\":500,\"lat\":1}}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("location.lon"));
    Api.sender("{\"channel\":\"PATROL\",")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));
    Api.sender("{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"sneaky\":1}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("sneaky"));
    given()
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/api/v1/reports")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/reports/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private long unsent(String caseId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM outbox WHERE msg_key = ?1 AND sent_at IS NULL")
                            .setParameter(1, caseId)
                            .getSingleResult())
                    .longValue());
  }

  private static List<ConsumerRecord<String, String>> readEventsOf(String caseId, int n) {
    List<ConsumerRecord<String, String>> all =
        TestEvents.readUntil(
            bootstrap(),
            Topics.INTAKE,
            Duration.ofSeconds(30),
            seen -> seen.stream().filter(r -> caseId.equals(r.key())).count() >= n);
    List<ConsumerRecord<String, String>> mine =
        all.stream().filter(r -> caseId.equals(r.key())).toList();
    assertEquals(n, mine.size(), "events of " + caseId);
    return mine;
  }
}
