package cn.szcg.sla.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The R-12 clock starts from the real report-registered event, over a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IntakeClockHandlerTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("operator"));
  }

  static ReportRegistered registered(String caseId, Instant at, Zone zone, ReportKind kind) {
    return new ReportRegistered(
        caseId,
        "MQ20260000007",
        Channel.PATROL,
        kind,
        "C-0101",
        null,
        null,
        null,
        "C0001",
        null,
        null,
        new LocationContext(null, null, null, null, null, zone),
        at);
  }

  private static void send(ReportRegistered r) {
    TestEvents.send(
        KafkaTestResource.kafka().bootstrapServers(),
        Topics.INTAKE,
        EventCodec.wrap("intake-service", r.caseId(), r.registeredAt(), r));
  }

  @Test
  void urbanReportGetsOneWorkingHourToDispatch() {
    // Monday 2026-03-02 09:15 in Minqing: due 10:15 the same morning.
    String caseId = UUID.randomUUID().toString();
    send(registered(caseId, Instant.parse("2026-03-02T01:15:00Z"), Zone.URBAN, ReportKind.REPORT));
    awaitClocks(caseId, 1);
    given()
        .get("/api/v1/cases/" + caseId + "/clocks")
        .then()
        .statusCode(200)
        .body("[0].stage", equalTo("REGISTRATION_TO_DISPATCH"))
        .body("[0].limitUnit", equalTo("WORKING_HOURS"))
        .body("[0].limitAmount", equalTo(1))
        .body("[0].deadline", equalTo("2026-03-02T02:15:00Z"))
        .body("[0].state", equalTo("RUNNING"));
  }

  @Test
  void fringeReportAtLunchGetsTwoWorkingHoursFromTheAfternoon() {
    // Friday 2026-03-06 12:40 (lunch) in the fringe: counts from 14:30, due 16:30.
    String caseId = UUID.randomUUID().toString();
    send(registered(caseId, Instant.parse("2026-03-06T04:40:00Z"), Zone.FRINGE, ReportKind.REPORT));
    awaitClocks(caseId, 1);
    given()
        .get("/api/v1/cases/" + caseId + "/clocks")
        .then()
        .body("[0].limitAmount", equalTo(2))
        .body("[0].deadline", equalTo("2026-03-06T08:30:00Z"));
  }

  @Test
  void consultationsGetNoClock() throws InterruptedException {
    String consultation = UUID.randomUUID().toString();
    send(
        registered(
            consultation,
            Instant.parse("2026-03-02T01:15:00Z"),
            Zone.URBAN,
            ReportKind.CONSULTATION));
    String marker = UUID.randomUUID().toString();
    send(registered(marker, Instant.parse("2026-03-02T01:16:00Z"), Zone.URBAN, ReportKind.REPORT));
    awaitClocks(marker, 1);
    given().get("/api/v1/cases/" + consultation + "/clocks").then().body("$", hasSize(0));
  }

  static void awaitClocks(String caseId, int n) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      int size = given().get("/api/v1/cases/" + caseId + "/clocks").then().extract().path("size()");
      if (size >= n) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("no clock for " + caseId + " within 30 s");
  }
}
