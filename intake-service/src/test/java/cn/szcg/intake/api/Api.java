package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Shared steps of the intake API tests. */
final class Api {

  private Api() {}

  static final String UNIT = "U-MQ-01";

  // --- who calls (signed test tokens shaped like the Minqing realm's)
  // ------------------------------

  /** 受理员 "center-operator" of the web client. */
  static final String OPERATOR = TestTokens.user("center-operator", "operator").build();

  /** 值班长 "lead-1". */
  static final String SHIFT_LEAD = TestTokens.user("lead-1", "shift-lead").build();

  /** 系统管理员. */
  static final String ADMIN = TestTokens.user("admin-1", "admin").build();

  /** The 12345 hotline platform's client (client credentials of client hotline-12345). */
  static final String HOTLINE =
      TestTokens.user("service-account-hotline-12345", "hotline-platform")
          .client("hotline-12345")
          .build();

  /** The county systems' client (video analytics, website/Weibo/media bridges). */
  static final String COUNTY =
      TestTokens.user("service-account-county-systems", "county-system")
          .client("county-systems")
          .build();

  private static final Map<String, String> COLLECTORS = new ConcurrentHashMap<>();

  /** A collector's token (mobile app) with claim collector_id = {@code id} (one subject per id). */
  static String collector(String id) {
    return COLLECTORS.computeIfAbsent(
        id,
        c ->
            TestTokens.user("collector-" + c, "collector")
                .client("szcg-mobile")
                .collector(c)
                .build());
  }

  /**
   * Every request of the test carries {@code token} unless it says otherwise with {@link #as}: an
   * explicit Authorization header replaces the default one (never two headers).
   */
  static void signIn(String token) {
    RestAssured.config =
        RestAssured.config()
            .headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization"));
    TestTokens.useByDefault(token);
  }

  /** A request as {@code token}. */
  static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Who would send this arrival: the collector of a PATROL report, the hotline platform for
   * HOTLINE, a county system for VIDEO, an operator for the rest (and for what is not JSON).
   */
  static String tokenFor(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return switch (n.path("channel").asText("")) {
        case "PATROL" -> collector(n.path("collectorId").asText("C0001"));
        case "HOTLINE" -> HOTLINE;
        case "VIDEO" -> COUNTY;
        default -> OPERATOR;
      };
    } catch (Exception e) {
      return OPERATOR;
    }
  }

  /** POST /api/v1/reports with {@code body} as its natural sender ({@link #tokenFor}). */
  static RequestSpecification sender(String body) {
    return as(tokenFor(body)).contentType(ContentType.JSON).body(body);
  }

  /** A certified, active collector of a unit under contract (idempotent). */
  static void eligibleCollector(String id) {
    as(ADMIN)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"闽清城市服务有限公司\",\"contractFrom\":\"2025-01-01\",\"contractTo\":\"2030-12-31\"}")
        .put("/api/v1/collection-units/" + UNIT)
        .then()
        .statusCode(200);
    as(ADMIN)
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

  /** Registers {@code body} as its natural sender; the new report's id. */
  static String register(String body) {
    return sender(body).post("/api/v1/reports").then().statusCode(201).extract().path("id");
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
