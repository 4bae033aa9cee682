package cn.szcg.console.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The push channel end to end inside the JVM: a real Kafka broker (in-process), the console's feed
 * reading it, real signed tokens verified by quarkus-oidc, and SSE clients on a real socket. An
 * event published to a topic reaches an open stream within 2 s, as {kind, id, change, at} and
 * nothing else; no token is a 401, a unit or collector token without its unit_id / collector_id a
 * 403; a unit's people get the changes of their unit's cases and not another unit's, a collector
 * those of its own reports and tasks; a client that never reads is dropped while the others go on.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class LiveStreamTest {

  @TestHTTPResource("/live/events")
  URI live;

  @Inject LiveHub hub;
  @Inject LiveFeed feed;

  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    producer = new KafkaProducer<>(p);
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  /** An open stream on its own socket: the status, the headers and the lines as they arrive. */
  private record Stream1(Socket socket, int status, String headers, BlockingQueue<String> lines) {
    /** The next data line whose JSON has {@code id}, within {@code timeout}; null if none. */
    JsonNode next(String id, Duration timeout) throws Exception {
      long end = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < end) {
        String line = lines.poll(50, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith("data: ")) {
          JsonNode json = EventCodec.mapper().readTree(line.substring(6));
          if (id.equals(json.path("id").asText())) {
            return json;
          }
        }
      }
      return null;
    }

    void close() throws Exception {
      socket.close();
    }
  }

  /** GET /live/events over HTTP/1.1 on a raw socket (closing it ends the stream at once). */
  private Stream1 open(String token) throws Exception {
    Socket socket = new Socket(live.getHost(), live.getPort());
    socket
        .getOutputStream()
        .write(
            ("GET /live/events HTTP/1.1\r\nHost: "
                    + live.getHost()
                    + "\r\nAuthorization: Bearer "
                    + token
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String statusLine = in.readLine();
    StringBuilder headers = new StringBuilder();
    for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
      headers.append(h.toLowerCase(java.util.Locale.ROOT)).append('\n');
    }
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                  lines.add(l); // chunk-size lines too: each frame is one chunk
                }
              } catch (java.io.IOException e) {
                // closed
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return new Stream1(
        socket, Integer.parseInt(statusLine.split(" ")[1]), headers.toString(), lines);
  }

  private long publish(String topic, String type, String caseId, String data) throws Exception {
    CloudEvent e =
        new CloudEvent(UUID.randomUUID().toString(), "test", type, caseId, Instant.now(), data);
    long sent = System.nanoTime();
    producer.send(new ProducerRecord<>(topic, null, caseId, data, e.toHeaders())).get();
    return sent;
  }

  private void awaitFeedAndClients(int clients) {
    Await.until("the Kafka feed positioned", Duration.ofSeconds(30), feed::ready);
    Await.until("streams open", Duration.ofSeconds(10), () -> hub.clients() >= clients);
  }

  @Test
  void anEventReachesAnOpenStreamWithin2sSayingOnlyWhatChanged() throws Exception {
    Stream1 s = open(TestTokens.user("operator1", "operator").build());
    assertEquals(200, s.status());
    assertTrue(s.headers().contains("content-type: text/event-stream; charset=utf-8"), s.headers());
    awaitFeedAndClients(1);

    String caseId = UUID.randomUUID().toString();
    // a report registration with personal data in it: none of it may be pushed
    String data =
        "{\"caseId\":\""
            + caseId
            + "\",\"reportNo\":\"MQ-1\",\"description\":\"张三 13800000000 家门口\",\"reporterPhone\":\"13800000000\"}";
    long sent = publish(Topics.INTAKE, "cn.szcg.intake.report-registered.v1", caseId, data);
    JsonNode got = s.next(caseId, Duration.ofSeconds(2));
    long ms = (System.nanoTime() - sent) / 1_000_000;
    assertNotNull(got, "the change reached the stream within 2 s");
    System.out.printf("push: Kafka → SSE client in %d ms%n", ms);
    Set<String> fields = new TreeSet<>();
    got.fieldNames().forEachRemaining(fields::add);
    assertEquals(Set.of("at", "change", "id", "kind"), fields);
    assertEquals("report", got.get("kind").asText());
    assertEquals("report-registered", got.get("change").asText());
    assertFalse(got.toString().contains("13800000000"));

    // dispatch's transition and sla's clock, each by its kind
    publish(
        Topics.CASES,
        "cn.szcg.cases.case-transitioned.v1",
        caseId,
        "{\"caseId\":\"" + caseId + "\",\"transition\":\"DISPATCH\",\"unitId\":\"U-WATER\"}");
    JsonNode c = s.next(caseId, Duration.ofSeconds(2));
    assertNotNull(c);
    assertEquals("case", c.get("kind").asText());
    assertEquals("DISPATCH", c.get("change").asText());
    assertFalse(c.toString().contains("U-WATER"));
    publish(
        Topics.CLOCKS, "cn.szcg.clocks.clock-warned.v1", caseId, "{\"caseId\":\"" + caseId + "\"}");
    JsonNode k = s.next(caseId, Duration.ofSeconds(2));
    assertNotNull(k);
    assertEquals("clock", k.get("kind").asText());
    assertEquals("clock-warned", k.get("change").asText());
    s.close();
  }

  @Test
  void theStreamCarriesAHeartbeat() throws Exception {
    Stream1 s = open(TestTokens.of("shift-lead"));
    // the %test heartbeat is 1 s (15 s in production)
    String line = null;
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < end && (line == null || !line.equals(": heartbeat"))) {
      line = s.lines().poll(100, TimeUnit.MILLISECONDS);
    }
    assertEquals(": heartbeat", line);
    s.close();
  }

  @Test
  void noTokenOrAForeignOneIs401AndAPersonWithoutScopeIs403() {
    // a refusal that is not given opens an endless stream: fail after 30 s instead of hanging
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          given()
              .when()
              .get("/live/events")
              .then()
              .statusCode(401)
              .header("WWW-Authenticate", "Bearer")
              .contentType("application/problem+json")
              .body("status", equalTo(401));
          given()
              .header(
                  "Authorization",
                  "Bearer " + TestTokens.user("x", "operator").foreignKey().build())
              .when()
              .get("/live/events")
              .then()
              .statusCode(401)
              .contentType("application/problem+json");
          given()
              .header(
                  "Authorization", "Bearer " + TestTokens.user("x", "operator").expired().build())
              .when()
              .get("/live/events")
              .then()
              .statusCode(401);
          // a unit role or a collector without the claim that scopes them: no stream
          given()
              .header(
                  "Authorization", "Bearer " + TestTokens.user("collector1", "collector").build())
              .when()
              .get("/live/events")
              .then()
              .statusCode(403)
              .contentType("application/problem+json")
              .body("title", containsString("Forbidden"));
          given()
              .header("Authorization", "Bearer " + TestTokens.user("h1", "unit-handler").build())
              .when()
              .get("/live/events")
              .then()
              .statusCode(403)
              .contentType("application/problem+json");
          // the 12345 platform (a machine client) has no stream
          given()
              .header("Authorization", "Bearer " + TestTokens.of("hotline-platform"))
              .when()
              .get("/live/events")
              .then()
              .statusCode(403);
        });
  }

  @Test
  void aUnitGetsTheChangesOfItsOwnCasesAndNotAnotherUnits() throws Exception {
    Stream1 water = open(TestTokens.ofUnit("unit-receiver", "U-WATER"));
    Stream1 sanitation = open(TestTokens.ofUnit("unit-leader", "U-SANITATION"));
    Stream1 center = open(TestTokens.of("shift-lead"));
    assertEquals(200, water.status());
    assertEquals(200, sanitation.status());
    awaitFeedAndClients(3);

    String mine = UUID.randomUUID().toString();
    String theirs = UUID.randomUUID().toString();
    publish(Topics.CASES, CASE, mine, transition(mine, "DISPATCH", "U-WATER", null, "{}"));
    publish(Topics.CASES, CASE, theirs, transition(theirs, "DISPATCH", "U-SANITATION", null, "{}"));

    JsonNode got = water.next(mine, Duration.ofSeconds(5));
    assertNotNull(got, "the unit hears of the case dispatched to it");
    assertEquals("DISPATCH", got.get("change").asText());
    Set<String> fields = new TreeSet<>();
    got.fieldNames().forEachRemaining(fields::add);
    assertEquals(Set.of("at", "change", "id", "kind"), fields, "still only what changed");
    assertNotNull(sanitation.next(theirs, Duration.ofSeconds(5)), "the other unit its own");
    assertNotNull(center.next(mine, Duration.ofSeconds(5)), "the center every case");
    assertNotNull(center.next(theirs, Duration.ofSeconds(5)));

    // a clock of U-WATER's order, then an intake event: the water unit gets the clock only
    publish(
        Topics.CLOCKS,
        "cn.szcg.clocks.clock-started.v1",
        mine,
        "{\"caseId\":\"" + mine + "\",\"stage\":\"HANDLING\",\"unitId\":\"U-WATER\"}");
    JsonNode clock = water.next(mine, Duration.ofSeconds(5));
    assertNotNull(clock);
    assertEquals("clock", clock.get("kind").asText());
    // 结案 names the current order's unit; a step that names no unit still reaches the unit that
    // held the case's order (remembered from the dispatch)
    publish(Topics.CASES, CASE, mine, transition(mine, "ORDER_CHECK", null, null, "{}"));
    assertNotNull(water.next(mine, Duration.ofSeconds(5)), "remembered: the case is the unit's");

    // never another unit's case, and nothing of intake's reports
    publish(
        Topics.INTAKE,
        "cn.szcg.intake.report-registered.v1",
        mine,
        "{\"caseId\":\"" + mine + "\",\"collectorId\":\"C0001\"}");
    String marker = UUID.randomUUID().toString();
    publish(Topics.CASES, CASE, marker, transition(marker, "DISPATCH", "U-WATER", null, "{}"));
    // everything published before the marker has been delivered once the marker is
    List<String> seen = idsUntil(water, marker);
    assertFalse(seen.contains(theirs), "no frame of another unit's case: " + seen);
    assertEquals(1, seen.size(), "no report frame for a unit: " + seen);
    assertTrue(seen.contains(marker));
    water.close();
    sanitation.close();
    center.close();
  }

  @Test
  void aTownshipBodyHearsOfItsDepartmentsSubOrderAndACollectorOfItsTasks() throws Exception {
    Stream1 township = open(TestTokens.ofUnit("unit-leader", "U-TOWN"));
    Stream1 department = open(TestTokens.ofUnit("unit-handler", "U-TOWN-D1"));
    Stream1 collector = open(TestTokens.user("collector1", "collector").collector("C0001").build());
    Stream1 otherCollector =
        open(TestTokens.user("collector2", "collector").collector("C0002").build());
    assertEquals(200, collector.status());
    awaitFeedAndClients(4);

    String c = UUID.randomUUID().toString();
    // 二级派遣: the event names the department (unitId) and the township body (data.parentUnitId)
    publish(
        Topics.CASES,
        CASE,
        c,
        transition(
            c, "REDISPATCH_TO_SUB_UNIT", "U-TOWN-D1", "U-TOWN", "{\"parentUnitId\":\"U-TOWN\"}"));
    assertNotNull(township.next(c, Duration.ofSeconds(5)));
    assertNotNull(department.next(c, Duration.ofSeconds(5)));
    // the sub-order's clock names only the department: the township body still hears of it
    publish(
        Topics.CLOCKS,
        "cn.szcg.clocks.clock-started.v1",
        c,
        "{\"caseId\":\"" + c + "\",\"stage\":\"SUB_HANDLING\",\"unitId\":\"U-TOWN-D1\"}");
    assertNotNull(township.next(c, Duration.ofSeconds(5)), "its department's clock");

    // 指令核查 to C0001: C0001 hears of it, C0002 does not
    publish(
        Topics.CASES,
        CASE,
        c,
        transition(c, "ORDER_CHECK", "U-TOWN", null, "{\"collectorId\":\"C0001\"}"));
    assertNotNull(collector.next(c, Duration.ofSeconds(5)), "the collector's check task");
    // C0002's own report: C0002 hears of it, C0001 not
    String r = UUID.randomUUID().toString();
    publish(
        Topics.INTAKE,
        "cn.szcg.intake.report-registered.v1",
        r,
        "{\"caseId\":\"" + r + "\",\"collectorId\":\"C0002\"}");
    assertNotNull(otherCollector.next(r, Duration.ofSeconds(5)), "its own report");
    String marker = UUID.randomUUID().toString();
    publish(
        Topics.CASES,
        CASE,
        marker,
        transition(marker, "ORDER_CHECK", null, null, "{\"collectorId\":\"C0001\"}"));
    List<String> seen = idsUntil(collector, marker);
    assertFalse(seen.contains(r), "not another collector's report: " + seen);
    List<String> other = idsUntil(otherCollector, null);
    assertFalse(other.contains(c), "not another collector's task: " + other);
    township.close();
    department.close();
    collector.close();
    otherCollector.close();
  }

  private static final String CASE = "cn.szcg.cases.case-transitioned.v1";

  /** A case-transitioned event as dispatch-service writes it (the fields the audience reads). */
  private static String transition(
      String caseId, String transition, String unitId, String actorUnitId, String data) {
    return "{\"caseId\":\""
        + caseId
        + "\",\"transition\":\""
        + transition
        + "\",\"actorRole\":\"DISPATCHER\""
        + (unitId == null ? "" : ",\"unitId\":\"" + unitId + "\"")
        + (actorUnitId == null ? "" : ",\"actorUnitId\":\"" + actorUnitId + "\"")
        + ",\"data\":"
        + data
        + "}";
  }

  /**
   * The ids of the data frames a stream gets until the one with {@code marker} (within 5 s); with
   * no marker, whatever arrives within 1 s.
   */
  private static List<String> idsUntil(Stream1 s, String marker) throws Exception {
    List<String> ids = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(marker == null ? 1 : 5).toNanos();
    while (System.nanoTime() < end) {
      String line = s.lines().poll(50, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith("data: ")) {
        String id = EventCodec.mapper().readTree(line.substring(6)).path("id").asText();
        ids.add(id);
        if (id.equals(marker)) {
          return ids;
        }
      }
    }
    if (marker != null) {
      throw new AssertionError("the marker frame never came; got " + ids);
    }
    return ids;
  }

  @Test
  void aClientThatNeverReadsIsDroppedAndTheOthersGoOn() throws Exception {
    Stream1 good = open(TestTokens.of("dispatcher"));
    // the streams of the other tests are closed: only this one is open
    Await.until("only the reading client open", Duration.ofSeconds(10), () -> hub.clients() == 1);
    long droppedBefore = hub.dropped();
    int before = 1;
    // a client that sends its request and never reads a byte (small receive window)
    Socket slow = new Socket();
    slow.setReceiveBufferSize(2048);
    slow.connect(new java.net.InetSocketAddress(live.getHost(), live.getPort()));
    OutputStream out = slow.getOutputStream();
    out.write(
        ("GET /live/events HTTP/1.1\r\nHost: "
                + live.getHost()
                + "\r\nAuthorization: Bearer "
                + TestTokens.of("operator")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    awaitFeedAndClients(before + 1);

    // a burst of changes, paced so that a reading client keeps up
    int sent = 0;
    while (hub.dropped() == droppedBefore && sent < 400_000) {
      for (int i = 0; i < 200; i++) {
        hub.publish(new Change("clock", "flood-" + sent++, "clock-warned", Instant.now()));
      }
      // the next burst only once the reading client has the last frame of this one: the event
      // loop has then caught up, so what piles up is the silent client's, not the loop's lag
      // (paced by time, a busy or a quiet machine let the loop fall behind and dropped the reader
      // too — max-pending counts frames not yet handed to the loop)
      if (hub.dropped() == droppedBefore) {
        assertNotNull(
            good.next("flood-" + (sent - 1), Duration.ofSeconds(10)), "the reader keeps up");
      }
    }
    System.out.printf("slow client dropped after %d frames%n", sent);
    assertEquals(droppedBefore + 1, hub.dropped(), "the slow client was dropped");
    // before counts the reading client: it is still attached
    Await.until("the slow client gone", Duration.ofSeconds(5), () -> hub.clients() == before);

    // the reading client is still served: a real event still reaches it
    String caseId = UUID.randomUUID().toString();
    publish(Topics.INTAKE, "cn.szcg.intake.case-filed.v1", caseId, "{}");
    JsonNode got = good.next(caseId, Duration.ofSeconds(10));
    assertNotNull(got, "the reading client still gets changes");
    assertEquals("case-filed", got.get("change").asText());
    slow.close();
    good.close();
  }

  @Test
  void everyReplicaReadsEverything_noConsumerGroupIsUsed() throws Exception {
    awaitFeedAndClients(0);
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      List<String> groups = new ArrayList<>();
      admin.listConsumerGroups().all().get().forEach(g -> groups.add(g.groupId()));
      assertTrue(groups.isEmpty(), "no consumer group (partitions are assigned): " + groups);
    }
  }
}
