package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every channel of R-04 registers through the one endpoint; IntakeValidator refuses bad input. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ChannelsTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    Api.signIn(Api.OPERATOR);
  }

  @BeforeEach
  void collector() {
    Api.eligibleCollector("C0001");
  }

  @Test
  void patrolReportFromACertifiedCollector() {
    String body =
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
            + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"description\":\"暴露垃圾\","
            + "\"collectorId\":\"C0001\",\"deviceTime\":\""
            + OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(3)
            + "\"}";
    String id = Api.register(body);
    given()
        .get("/api/v1/reports/" + id)
        .then()
        .statusCode(200)
        .body("channel", equalTo("PATROL"))
        .body("collectorId", equalTo("C0001"))
        .body("deviceTime", org.hamcrest.Matchers.notNullValue())
        .body("allowedActions", hasItem("FILE"));
    ReportRegistered e = (ReportRegistered) Api.event(id, "report-registered");
    assertEquals(Channel.PATROL, e.channel());
  }

  @Test
  void videoAlarmWithCameraCategoryAndConfidence() {
    String id =
        Api.register(
            "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
                + "\"cameraId\":\"35012400001310000001\",\"sourceRef\":\"ALARM-1\",\"confidence\":0.91,"
                + "\"location\":{\"lon\":118.8632,\"lat\":26.2231}}");
    given()
        .get("/api/v1/reports/" + id)
        .then()
        .body("cameraId", equalTo("35012400001310000001"))
        .body("confidence", equalTo(0.91f));
    Api.sender(
            "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\",\"sourceRef\":\"A2\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cameraId"));
    Api.sender(
            "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\",\"cameraId\":\"c\","
                + "\"sourceRef\":\"A3\",\"confidence\":1.5}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("confidence"));
  }

  @Test
  void leaderMediaWebsiteWeiboAndHotline() {
    for (String ch : new String[] {"LEADER", "MEDIA", "WEBSITE", "WEIBO", "HOTLINE"}) {
      String id =
          Api.register(
              "{\"channel\":\""
                  + ch
                  + "\",\"kind\":\"COMPLAINT\",\"description\":\"占道经营\",\"sourceRef\":\"SRC-"
                  + ch
                  + "\",\"reporter\":{\"name\":\"李四\",\"phone\":\"0591-22334455\"}}");
      given()
          .get("/api/v1/reports/" + id)
          .then()
          .statusCode(200)
          .body("channel", equalTo(ch))
          .body("sourceRef", equalTo("SRC-" + ch))
          .body("reporterName", equalTo("李四"));
      // privacy: the event never carries the reporter
      Api.event(id, "report-registered");
      for (String raw : Api.rawEvents(id, Duration.ofMillis(300))) {
        assertFalse(raw.contains("李四") || raw.contains("22334455"), raw);
      }
    }
    // pushed channels must carry the source reference
    Api.sender("{\"channel\":\"WEIBO\",\"kind\":\"REPORT\",\"description\":\"x\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("sourceRef"));
  }

  @Test
  void badInputNamesTheField() {
    expect400(
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
            + "\"location\":{\"lon\":116.4,\"lat\":39.9},\"collectorId\":\"C0001\"}",
        "location",
        "out_of_area");
    expect400(
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-9999\","
            + "\"location\":{\"lon\":118.86,\"lat\":26.22},\"collectorId\":\"C0001\"}",
        "categoryCode",
        "unknown_category");
    expect400(
        "{\"channel\":\"WEBSITE\",\"kind\":\"REPORT\",\"sourceRef\":\"w\",\"description\":\""
            + "长".repeat(2001)
            + "\"}",
        "description",
        null);
    expect400(
        "{\"channel\":\"HOTLINE\",\"kind\":\"REPORT\",\"sourceRef\":\"h\",\"description\":\"x\","
            + "\"reporter\":{\"phone\":\"12345\"}}",
        "reporter.phone",
        null);
    expect400(
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
            + "\"location\":{\"lon\":118.86,\"lat\":26.22},\"collectorId\":\"C0001\",\"deviceTime\":\""
            + OffsetDateTime.now(ZoneOffset.UTC).plusHours(2)
            + "\"}",
        "deviceTime",
        "in_future");
    expect400(
        "{\"channel\":\"PATROL\",\"kind\":\"CONSULTATION\",\"categoryCode\":\"E-0101\","
            + "\"location\":{\"lon\":118.86,\"lat\":26.22},\"collectorId\":\"C0001\"}",
        "kind",
        "kind_not_allowed");
    expect400(
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\",\"collectorId\":\"C0001\"}",
        "location",
        "required");
    expect400("{\"channel\":\"TELEGRAPH\",\"kind\":\"REPORT\"}", "channel", null);
    // nothing half-registered: a refused arrival leaves no row
    given()
        .queryParam("channel", "PATROL")
        .queryParam("size", 200)
        .get("/api/v1/reports")
        .then()
        .statusCode(200);
  }

  @Test
  void idempotencyIsPerClientOfTheToken() {
    String body = Api.hotline("IDEM-CLIENT-1", "REPORT");
    String a =
        Api.as(Api.HOTLINE)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "k-1")
            .body(body)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // another client holding the same role: its own key space
    String otherClient =
        cn.szcg.testsupport.security.TestTokens.user(
                "service-account-hotline-backup", "hotline-platform")
            .client("hotline-backup")
            .build();
    String b =
        Api.as(otherClient)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "k-1")
            .body(body)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertFalse(a.equals(b), "the same key from another client is another registration");
    Api.as(Api.HOTLINE)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "k-1")
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("id", equalTo(a));
    // the token decides the client: a declared X-Client-Id changes nothing
    Api.as(otherClient)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "k-1")
        .header("X-Client-Id", "hotline-12345")
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("id", equalTo(b));
  }

  /** Two people of one app (one client) never share keys: a collector cannot replay another's. */
  @Test
  void peopleOfOneClientHaveTheirOwnKeys() {
    Api.eligibleCollector("C0002");
    String a =
        Api.sender(Api.patrol("C0001", "E-0101", 118.8632, 26.2231))
            .header("Idempotency-Key", "app-1")
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String b =
        Api.sender(Api.patrol("C0002", "E-0101", 118.8632, 26.2231))
            .header("Idempotency-Key", "app-1")
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("collectorId", equalTo("C0002"))
            .extract()
            .path("id");
    assertFalse(a.equals(b));
  }

  private static void expect400(String body, String field, String code) {
    var r =
        Api.sender(body)
            .post("/api/v1/reports")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field));
    if (code != null) {
      r.body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
    }
  }
}
