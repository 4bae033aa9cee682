package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status back to the hotline platform: pull per ticket, a cursor feed, and the webhook. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HotlineTest {

  @BeforeEach
  void collector() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("C0001");
  }

  @Test
  void pullStatusAndMergedTicketsFollowThePrimary() {
    String ref = "12345-" + UUID.randomUUID();
    String id = Api.register(Api.hotline(ref, "REPORT"));
    given()
        .get("/api/v1/hotline/tickets/" + ref + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("REGISTERED"))
        .body("statusZh", equalTo("已登记"))
        .body("reporterPhone", org.hamcrest.Matchers.nullValue());
    String primary = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"" + primary + "\"}")
        .post("/api/v1/reports/" + id + "/merge")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + primary + "/filing")
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/hotline/tickets/" + ref + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"))
        .body("mergedIntoReportNo", org.hamcrest.Matchers.startsWith("MQ"));
    List<String> statuses =
        given()
            .queryParam("after", 0)
            .queryParam("limit", 200)
            .get("/api/v1/hotline/status-changes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.sourceRef == '" + ref + "' }.status");
    assertTrue(statuses.containsAll(List.of("REGISTERED", "FILED")), statuses.toString());
    given().get("/api/v1/hotline/tickets/NO-SUCH/status").then().statusCode(404);
    given().queryParam("limit", 1000).get("/api/v1/hotline/status-changes").then().statusCode(400);
    given().queryParam("after", -1).get("/api/v1/hotline/status-changes").then().statusCode(400);
  }

  /** After filing, dispatch's case-transitioned steps reach the ticket (stale steps ignored). */
  @Test
  void theCaseOutcomeFromDispatchReachesTheTicket() throws Exception {
    String ref = "12345-" + UUID.randomUUID();
    String ticket = Api.register(Api.hotline(ref, "REPORT"));
    String primary = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"" + primary + "\"}")
        .post("/api/v1/reports/" + ticket + "/merge")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + primary + "/filing")
        .then()
        .statusCode(200);
    sendStep(primary, 7, "CLOSED");
    sendStep(primary, 3, "DISPATCHED"); // older: ignored
    long end = System.currentTimeMillis() + 30_000;
    String state = null;
    while (System.currentTimeMillis() < end) {
      state =
          given()
              .get("/api/v1/hotline/tickets/" + ref + "/status")
              .then()
              .extract()
              .path("caseState");
      if ("CLOSED".equals(state)) {
        break;
      }
      Thread.sleep(200);
    }
    org.junit.jupiter.api.Assertions.assertEquals("CLOSED", state);
    Thread.sleep(1000);
    given()
        .get("/api/v1/hotline/tickets/" + ref + "/status")
        .then()
        .body("caseState", equalTo("CLOSED"))
        .body("status", equalTo("FILED"));
    List<String> statuses =
        given()
            .queryParam("limit", 200)
            .get("/api/v1/hotline/status-changes")
            .then()
            .extract()
            .jsonPath()
            .getList("findAll { it.sourceRef == '" + ref + "' }.status");
    assertTrue(
        statuses.contains("CLOSED") && !statuses.contains("DISPATCHED"), statuses.toString());
  }

  private static void sendStep(String caseId, long seq, String toState) {
    var step =
        new cn.szcg.contracts.events.CaseTransitioned(
            caseId,
            seq,
            "STEP",
            "BEFORE",
            toState,
            "u1",
            "UNIT_STAFF",
            "unit-1",
            java.time.Instant.now(),
            null,
            null,
            "unit-1",
            "E-0101",
            cn.szcg.contracts.events.Zone.URBAN,
            false,
            null,
            null,
            null,
            false,
            true,
            java.util.Map.of());
    cn.szcg.testsupport.TestEvents.send(
        Api.bootstrap(),
        cn.szcg.contracts.Topics.CASES,
        cn.szcg.contracts.envelope.EventCodec.wrap(
            "dispatch-service", caseId, java.time.Instant.now(), step));
  }

  @Test
  void webhookRetriesUntilTheHotlineAccepts() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer hotline = HttpServer.create(new InetSocketAddress("127.0.0.1", 18982), 0);
    hotline.createContext(
        "/status",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          // the first call fails: the sender must retry
          int status = calls.incrementAndGet() == 1 ? 503 : 200;
          if (status == 200) {
            received.add(body);
          }
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    hotline.start();
    try {
      String ref = "12345-" + UUID.randomUUID();
      String id = Api.register(Api.hotline(ref, "CONSULTATION"));
      // answer only once the first push was refused: the answer is queued while the
      // registration's change backs off, and must still reach the hotline after it
      long first = System.currentTimeMillis() + 10_000;
      while (calls.get() == 0 && System.currentTimeMillis() < first) {
        Thread.sleep(20);
      }
      given()
          .contentType(ContentType.JSON)
          .body("{\"answer\":\"周二、周五上午\"}")
          .post("/api/v1/reports/" + id + "/answer")
          .then()
          .statusCode(200);
      long end = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < end
          && (received.stream().noneMatch(b -> b.contains(ref) && b.contains("ANSWERED"))
              || received.stream()
                  .noneMatch(b -> b.contains(ref) && b.contains("\"REGISTERED\"")))) {
        Thread.sleep(100);
      }
      assertTrue(
          received.stream().anyMatch(b -> b.contains(ref) && b.contains("\"REGISTERED\"")),
          received.toString());
      assertTrue(received.stream().anyMatch(b -> b.contains(ref) && b.contains("ANSWERED")));
      assertTrue(calls.get() >= 3, "one refused call was retried");
      List<String> mine = received.stream().filter(b -> b.contains(ref)).toList();
      assertTrue(
          mine.get(0).contains("\"REGISTERED\""),
          "a change waits for the earlier one backing off (order kept): " + mine);
      assertTrue(received.stream().noneMatch(b -> b.contains("13800000000")), "no reporter data");
    } finally {
      hotline.stop(0);
    }
    given()
        .get("/api/v1/reports?channel=HOTLINE&size=1")
        .then()
        .statusCode(200)
        .body("items.channel", hasItem("HOTLINE"));
  }

  @jakarta.inject.Inject cn.szcg.intake.infra.HotlineNotifier notifier;

  /**
   * Several intake replicas run the sender at once (here: three threads calling a round besides the
   * service's own timer, against a slow receiver): each status change still reaches the hotline
   * once — the round holds an advisory lock, the others skip.
   */
  @Test
  void severalSendersDeliverEachStatusChangeOnce() throws Exception {
    java.util.Map<String, AtomicInteger> byEventId = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer hotline = HttpServer.create(new InetSocketAddress("127.0.0.1", 18982), 0);
    hotline.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    hotline.createContext(
        "/status",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          bodies.add(body);
          byEventId
              .computeIfAbsent(
                  ex.getRequestHeaders().getFirst("X-Szcg-Event-Id"), k -> new AtomicInteger())
              .incrementAndGet();
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    hotline.start();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      String run = UUID.randomUUID().toString().substring(0, 8);
      List<String> refs = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String ref = "12345-MULTI-" + run + "-" + i;
        refs.add(ref);
        Api.register(Api.hotline(ref, "COMPLAINT"));
      }
      long end = System.currentTimeMillis() + 30_000;
      java.util.function.BooleanSupplier allIn =
          () -> refs.stream().allMatch(r -> bodies.stream().anyMatch(b -> b.contains(r)));
      List<java.util.concurrent.Future<?>> senders = new java.util.ArrayList<>();
      for (int t = 0; t < 3; t++) {
        senders.add(
            pool.submit(
                () -> {
                  while (System.currentTimeMillis() < end && !allIn.getAsBoolean()) {
                    notifier.round();
                  }
                  return null;
                }));
      }
      for (var f : senders) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
      Thread.sleep(500); // a duplicate in flight would land now
      assertTrue(allIn.getAsBoolean(), "every ticket's status delivered");
      for (String ref : refs) {
        long n = bodies.stream().filter(b -> b.contains(ref)).count();
        org.junit.jupiter.api.Assertions.assertEquals(1, n, ref + " delivered once: " + n);
      }
      byEventId.forEach(
          (id, n) -> org.junit.jupiter.api.Assertions.assertEquals(1, n.get(), id + " once"));
    } finally {
      pool.shutdownNow();
      hotline.stop(0);
    }
  }

  /** The shared secret of the test profile ({@code %test.szcg.hotline.webhook-secret}). */
  static final String SECRET = "test-only-hotline-webhook-secret-0123456789";

  /** One callback as the hotline platform received it. */
  record Callback(String timestamp, String signature, String eventId, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * The receiver's check as docs/intake.md §6 describes it, written independently of the sender:
   * timestamp within 5 minutes of the receiver's clock, HMAC-SHA256 over {@code timestamp + "." +
   * body} compared in constant time.
   */
  static boolean verify(
      String secret, String timestamp, String signature, byte[] body, long nowEpochSecond)
      throws Exception {
    if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(nowEpochSecond - ts) > 300) {
      return false;
    }
    byte[] given;
    try {
      given = java.util.HexFormat.of().parseHex(signature.substring("sha256=".length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = mac.doFinal(body);
    return java.security.MessageDigest.isEqual(expected, given);
  }

  @Test
  void webhookCallbacksAreSignedAndATamperedBodyFailsVerification() throws Exception {
    List<Callback> received = new CopyOnWriteArrayList<>();
    HttpServer hotline = HttpServer.create(new InetSocketAddress("127.0.0.1", 18982), 0);
    hotline.createContext(
        "/status",
        ex -> {
          var h = ex.getRequestHeaders();
          received.add(
              new Callback(
                  h.getFirst("X-Szcg-Timestamp"),
                  h.getFirst("X-Szcg-Signature"),
                  h.getFirst("X-Szcg-Event-Id"),
                  ex.getRequestBody().readAllBytes()));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    hotline.start();
    Callback cb;
    try {
      String ref = "12345-" + UUID.randomUUID();
      Api.register(Api.hotline(ref, "REPORT"));
      long end = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < end
          && received.stream().noneMatch(c -> c.text().contains(ref))) {
        Thread.sleep(100);
      }
      cb = received.stream().filter(c -> c.text().contains(ref)).findFirst().orElseThrow();
    } finally {
      hotline.stop(0);
    }
    long now = java.time.Instant.now().getEpochSecond();
    assertTrue(cb.signature().matches("sha256=[0-9a-f]{64}"), cb.signature());
    assertTrue(Math.abs(now - Long.parseLong(cb.timestamp())) < 60, cb.timestamp());
    // the event id header is the body's eventId (the receiver's de-duplication key)
    assertTrue(cb.text().contains("\"eventId\":\"" + cb.eventId() + "\""), cb.text());
    assertTrue(cb.text().contains("\"status\":\"REGISTERED\""), cb.text());

    // every callback received verifies
    for (Callback c : received) {
      assertTrue(verify(SECRET, c.timestamp(), c.signature(), c.body(), now), c.text());
    }
    // a tampered body, another secret, a replay after 5 minutes, a moved timestamp: refused
    byte[] tampered =
        cb.text().replace("\"REGISTERED\"", "\"FILED\"").getBytes(StandardCharsets.UTF_8);
    assertTrue(!java.util.Arrays.equals(tampered, cb.body()));
    assertTrue(!verify(SECRET, cb.timestamp(), cb.signature(), tampered, now));
    assertTrue(!verify(SECRET + "x", cb.timestamp(), cb.signature(), cb.body(), now));
    long ts = Long.parseLong(cb.timestamp());
    assertTrue(!verify(SECRET, cb.timestamp(), cb.signature(), cb.body(), ts + 301));
    assertTrue(
        !verify(SECRET, Long.toString(ts - 1), cb.signature(), cb.body(), now),
        "the timestamp is signed too");
    assertTrue(!verify(SECRET, cb.timestamp(), null, cb.body(), now));
  }
}
