package cn.szcg.assessment.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Counters are not idempotent by themselves: only the inbox keeps a redelivered event from counting
 * twice. (Remove the inbox check in EventConsumers and this test fails.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IntakeFiguresHandlerTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("admin"));
  }

  private static ReportRegistered registered(String caseId, Channel channel, Instant at) {
    return new ReportRegistered(
        caseId,
        "MQ20260000009",
        channel,
        ReportKind.REPORT,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        at);
  }

  @Test
  void aRedeliveredEventCountsOnce() {
    // April 2026 in Shanghai although still March in UTC: months follow the county's calendar.
    Instant at = Instant.parse("2026-03-31T16:30:00Z");
    String bootstrap = KafkaTestResource.kafka().bootstrapServers();
    String first = UUID.randomUUID().toString();
    CloudEvent event =
        EventCodec.wrap("intake-service", first, at, registered(first, Channel.WEIBO, at));
    TestEvents.send(bootstrap, Topics.INTAKE, event);
    TestEvents.send(bootstrap, Topics.INTAKE, event);
    TestEvents.send(bootstrap, Topics.INTAKE, event);
    String second = UUID.randomUUID().toString();
    TestEvents.send(
        bootstrap,
        Topics.INTAKE,
        EventCodec.wrap("intake-service", second, at, registered(second, Channel.WEIBO, at)));
    awaitRegistered("2026-04", "WEIBO", 2);
    // A later event on the same key (same partition, so after the duplicates) proves they were
    // seen.
    String third = UUID.randomUUID().toString();
    TestEvents.send(
        bootstrap,
        Topics.INTAKE,
        new CloudEvent(
            UUID.randomUUID().toString(),
            "intake-service",
            "cn.szcg.intake.report-registered.v1",
            first,
            at,
            EventCodec.toJson(registered(third, Channel.WEIBO, at))));
    awaitRegistered("2026-04", "WEIBO", 3);
    given()
        .queryParam("month", "2026-04")
        .get("/api/v1/figures/intake")
        .then()
        .statusCode(200)
        .body("find { it.channel == 'WEIBO' }.registered", equalTo(3));
    given().get("/api/v1/cases/" + first).then().statusCode(200).body("channel", equalTo("WEIBO"));
  }

  @Test
  void aBadMonthIsAProblemNamingTheField() {
    given()
        .queryParam("month", "2026-13")
        .get("/api/v1/figures/intake")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("month"));
  }

  static void awaitRegistered(String month, String channel, int n) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      Integer v =
          given()
              .queryParam("month", month)
              .get("/api/v1/figures/intake")
              .then()
              .extract()
              .path("find { it.channel == '" + channel + "' }.registered");
      if (v != null && v >= n) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("figure not reached within 30 s");
  }
}
