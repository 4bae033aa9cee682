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

  /**
   * Group commit (RegistrationWriter): 30 tickets pushed twice each, back to back, all 60 calls at
   * once — the two pushes of a ticket often land in the same batch, whose unique violation sends it
   * one by one. Every ticket is registered exactly once with its own number, both pushes answer
   * with it (201 for the winner, 200 for the repeat), and each has one event and one hotline status
   * row.
   */
  @Test
  void concurrentPushesAreRegisteredOnceEachInGroupCommits() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    int tickets = 30;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    var http = java.net.http.HttpClient.newHttpClient();
    java.net.URI uri =
        java.net.URI.create(
            io.restassured.RestAssured.baseURI
                + ":"
                + io.restassured.RestAssured.port
                + "/api/v1/reports");
    List<java.util.concurrent.Future<String[]>> calls = new java.util.ArrayList<>();
    for (int t = 0; t < tickets; t++) {
      for (int push = 0; push < 2; push++) {
        String ref = "GC-" + run + "-" + t;
        String body =
            """
            {"channel":"HOTLINE","kind":"COMPLAINT","description":"路灯不亮",
             "sourceRef":"%s","reporter":{"name":"张三","phone":"13800000000"}}
            """
                .formatted(ref);
        calls.add(
            pool.submit(
                () -> {
                  var res =
                      http.send(
                          java.net.http.HttpRequest.newBuilder(uri)
                              .header("Authorization", "Bearer " + Api.HOTLINE)
                              .header("Content-Type", "application/json")
                              .header("Idempotency-Key", ref)
                              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          java.net.http.HttpResponse.BodyHandlers.ofString());
                  String no = res.body().replaceAll(".*\"reportNo\":\"([^\"]+)\".*", "$1");
                  return new String[] {ref, Integer.toString(res.statusCode()), no};
                }));
      }
    }
    java.util.Map<String, java.util.Set<String>> numbersByRef = new java.util.HashMap<>();
    java.util.Map<String, List<String>> statusesByRef = new java.util.HashMap<>();
    for (var f : calls) {
      String[] r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      numbersByRef.computeIfAbsent(r[0], k -> new java.util.HashSet<>()).add(r[2]);
      statusesByRef.computeIfAbsent(r[0], k -> new java.util.ArrayList<>()).add(r[1]);
    }
    pool.shutdown();
    java.util.Set<String> all = new java.util.HashSet<>();
    for (var e : numbersByRef.entrySet()) {
      assertEquals(1, e.getValue().size(), "both pushes of " + e.getKey() + " answer one number");
      all.addAll(e.getValue());
      List<String> st = new java.util.ArrayList<>(statusesByRef.get(e.getKey()));
      java.util.Collections.sort(st);
      assertEquals(List.of("200", "201"), st, "one 201 and one 200 for " + e.getKey());
    }
    assertEquals(tickets, all.size(), "every ticket its own number");
    assertEquals(tickets, count("SELECT count(*) FROM report WHERE source_ref LIKE ?1", run));
    assertEquals(
        tickets,
        count(
            "SELECT count(*) FROM hotline_status h JOIN report r ON r.id = h.report_id"
                + " WHERE r.source_ref LIKE ?1",
            run));
    @SuppressWarnings("unchecked")
    List<Object> ids =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery("SELECT id::text FROM report WHERE source_ref LIKE ?1")
                        .setParameter(1, "GC-" + run + "-%")
                        .getResultList());
    java.util.Set<String> wanted = new java.util.HashSet<>();
    ids.forEach(x -> wanted.add(x.toString()));
    java.util.Map<String, Long> events = new java.util.HashMap<>();
    TestEvents.readUntil(
        bootstrap(),
        Topics.INTAKE,
        Duration.ofSeconds(30),
        recs -> {
          events.clear();
          for (var r : recs) {
            if (wanted.contains(r.key())
                && new String(r.headers().lastHeader("ce_type").value())
                    .contains("report-registered")) {
              events.merge(r.key(), 1L, Long::sum);
            }
          }
          return events.size() >= tickets;
        });
    assertEquals(tickets, events.size(), "every registration's event on Kafka");
    assertEquals(java.util.Set.of(1L), new java.util.HashSet<>(events.values()), "once each");
  }

  private long count(String sql, String run) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(sql)
                            .setParameter(1, "GC-" + run + "-%")
                            .getSingleResult())
                    .longValue());
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
