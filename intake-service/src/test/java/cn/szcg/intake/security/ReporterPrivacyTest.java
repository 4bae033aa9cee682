package cn.szcg.intake.security;

import static cn.szcg.intake.security.Fixtures.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.contracts.Topics;
import cn.szcg.intake.infra.Privacy;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public reporter's name and phone (举报人信息) reach the center's roles only: the same report read
 * by the center shows them, read by its collector or answered to the hotline platform or a county
 * system does not; events, the hotline status and the audit trail never carry them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReporterPrivacyTest {

  static final String NAME = "张三丰";
  static final String PHONE = "13812345678";

  @BeforeEach
  void setUp() {
    TestTokens.clearDefault();
    Fixtures.eligibleCollector("C-PRIV");
  }

  @Test
  void theCenterSeesTheReporterTheHotlinePlatformDoesNot() {
    String ref = "PRIV-" + UUID.randomUUID();
    // the hotline platform's own push answers without the reporter, the first time and on a retry
    String id =
        as(Fixtures.HOTLINE)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", ref)
            .body(Fixtures.hotline(ref))
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("$", not(hasKey("reporterName")))
            .body("$", not(hasKey("reporterPhone")))
            .extract()
            .path("id");
    String retry =
        as(Fixtures.HOTLINE)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", ref)
            .body(Fixtures.hotline(ref))
            .post("/api/v1/reports")
            .then()
            .statusCode(200)
            .body("id", equalTo(id))
            .extract()
            .asString();
    assertFalse(retry.contains(PHONE) || retry.contains(NAME), retry);
    // the hotline's status pull: no reporter either; the report itself is not the hotline's to read
    String status =
        as(Fixtures.HOTLINE)
            .get("/api/v1/hotline/tickets/" + ref + "/status")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(status.contains(PHONE) || status.contains(NAME), status);
    as(Fixtures.HOTLINE).get("/api/v1/reports/" + id).then().statusCode(403);

    // every center role sees name and phone, in the report and in the list
    for (String center :
        List.of(
            Fixtures.OPERATOR,
            Fixtures.SHIFT_LEAD,
            Fixtures.DISPATCHER,
            Fixtures.SUPERVISION,
            Fixtures.ADMIN)) {
      as(center)
          .get("/api/v1/reports/" + id)
          .then()
          .statusCode(200)
          .body("reporterName", equalTo(NAME))
          .body("reporterPhone", equalTo(PHONE));
    }
    as(Fixtures.OPERATOR)
        .queryParam("channel", "HOTLINE")
        .queryParam("size", 200)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + id + "' }.reporterPhone", equalTo(PHONE));
    // the efficiency office and the county government oversee the record: they read
    // the report and its history as a case's holder does, never the reporter; a unit only the
    // reports of cases it holds or held an order of (CaseHolderAccessTest), never the reporter
    for (var overseer : List.of(Fixtures.EFFICIENCY, TestTokens.of("county-government"))) {
      as(overseer)
          .get("/api/v1/reports/" + id)
          .then()
          .statusCode(200)
          .body("id", equalTo(id))
          .body("reporterName", nullValue())
          .body("reporterPhone", nullValue())
          .body("allowedActions", anyOf(nullValue(), empty()));
      as(overseer).get("/api/v1/reports/" + id + "/history").then().statusCode(200);
    }
    as(TestTokens.ofUnit("unit-receiver", "U-WATER"))
        .get("/api/v1/reports/" + id)
        .then()
        .statusCode(404);

    // the collector sent to verify gets the task with where and what, never who reported it
    String task = Fixtures.verificationTask(id, "C-PRIV");
    String taskView =
        as(Fixtures.collector("C-PRIV"))
            .get("/api/v1/verifications/" + task)
            .then()
            .statusCode(200)
            .body("reportId", equalTo(id))
            .body("description", equalTo("市民来电反映路灯不亮"))
            .body("lon", equalTo(118.8632f))
            .extract()
            .asString();
    assertFalse(taskView.contains(PHONE) || taskView.contains(NAME), taskView);
    // ...and cannot read the report itself
    as(Fixtures.collector("C-PRIV")).get("/api/v1/reports/" + id).then().statusCode(404);

    // events never carry the reporter
    TestEvents.readUntil(
        KafkaTestResource.kafka().bootstrapServers(),
        Topics.INTAKE,
        Duration.ofSeconds(30),
        seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
    for (var r :
        TestEvents.readUntil(
            KafkaTestResource.kafka().bootstrapServers(),
            Topics.INTAKE,
            Duration.ofMillis(500),
            s -> false)) {
      if (id.equals(r.key())) {
        assertFalse(r.value().contains(PHONE) || r.value().contains(NAME), r.value());
      }
    }
    // nor does the audit trail of the push
    String audit =
        as(Fixtures.SUPERVISION)
            .queryParam("who", "service-account-hotline-12345")
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(audit.contains(PHONE) || audit.contains(NAME), audit);
  }

  /** The same report: its collector reads it without the reporter, the center with. */
  @Test
  void centerAndCollectorViewOfTheSameReport() {
    String body =
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
            + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"description\":\"居民指认的破损井盖\","
            + "\"collectorId\":\"C-PRIV\",\"reporter\":{\"name\":\""
            + NAME
            + "\",\"phone\":\""
            + PHONE
            + "\"}}";
    String mine = Fixtures.collector("C-PRIV");
    String id =
        as(mine)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("reporterName", nullValue())
            .body("reporterPhone", nullValue())
            .extract()
            .path("id");
    String collectorView =
        as(mine)
            .get("/api/v1/reports/" + id)
            .then()
            .statusCode(200)
            .body("collectorId", equalTo("C-PRIV"))
            .body("$", not(hasKey("reporterName")))
            .body("$", not(hasKey("reporterPhone")))
            // the collector gets no steps to take and no other reports (duplicates)
            .body("$", not(hasKey("allowedActions")))
            .body("$", not(hasKey("duplicateCandidates")))
            .extract()
            .asString();
    assertFalse(collectorView.contains(PHONE) || collectorView.contains(NAME), collectorView);
    String listed =
        as(mine)
            .queryParam("size", 200)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(listed.contains(PHONE) || listed.contains(NAME), listed);
    as(Fixtures.OPERATOR)
        .get("/api/v1/reports/" + id)
        .then()
        .statusCode(200)
        .body("reporterName", equalTo(NAME))
        .body("reporterPhone", equalTo(PHONE))
        .body("allowedActions", org.hamcrest.Matchers.hasItem("FILE"));
  }

  /** A county system's push answers without the reporter; the center sees it. */
  @Test
  void countySystemsGetNoReporterBack() {
    String id =
        as(Fixtures.COUNTY)
            .contentType(ContentType.JSON)
            .body(
                "{\"channel\":\"WEIBO\",\"kind\":\"COMPLAINT\",\"sourceRef\":\"weibo-"
                    + UUID.randomUUID()
                    + "\",\"description\":\"学校门口占道经营\",\"reporter\":{\"name\":\""
                    + NAME
                    + "\",\"phone\":\""
                    + PHONE
                    + "\"}}")
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("$", not(hasKey("reporterName")))
            .body("$", not(hasKey("reporterPhone")))
            .extract()
            .path("id");
    as(Fixtures.SUPERVISION)
        .get("/api/v1/reports/" + id)
        .then()
        .body("reporterPhone", equalTo(PHONE));
  }

  /** Logs carry the reporter masked only (Privacy, used by the registration's debug log). */
  @Test
  void logsMaskTheReporter() {
    assertEquals("138****5678", Privacy.maskPhone(PHONE));
    assertEquals("张**", Privacy.maskName(NAME));
  }
}
