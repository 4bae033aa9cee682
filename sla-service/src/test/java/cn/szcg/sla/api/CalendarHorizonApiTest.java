package cn.szcg.sla.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.sla.domain.WorkCalendar;
import cn.szcg.sla.infra.CalendarHealth;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 6 — the calendar knows where its knowledge ends. The time is injected ({@link
 * CalendarHealth#useClock}), and every date is relative to the last year with a stored notice
 * ({@code L}; 2026 with the shipped data, later if another test stored a notice), so nothing
 * depends on today's date.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CalendarHorizonApiTest {

  @Inject @org.eclipse.microprofile.health.Readiness CalendarHealth health;

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("admin"));
  }

  @AfterEach
  void realTime() {
    health.useClock(null);
  }

  static int lastNoticeYear() {
    return given()
        .get("/api/v1/calendar/years/2026")
        .then()
        .statusCode(200)
        .extract()
        .path("lastNoticeYear");
  }

  static Clock at(String localDateTime) {
    return Clock.fixed(
        LocalDateTime.parse(localDateTime).atZone(WorkCalendar.SHANGHAI).toInstant(),
        WorkCalendar.SHANGHAI);
  }

  static Map<String, Object> calendarCheck(String path) {
    JsonPath j = given().get(path).then().statusCode(200).extract().jsonPath();
    assertEquals("UP", j.getString("status"), j.prettify());
    List<Map<String, Object>> checks = j.getList("checks.findAll { it.name == 'calendar' }");
    assertEquals(1, checks.size(), j.prettify());
    assertEquals("UP", checks.get(0).get("status"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) checks.get(0).get("data");
    return data;
  }

  @Test
  void fromFirstDecemberAMissingNoticeIsReportedWithoutTakingTheServiceOutOfTheLoadBalancer() {
    int l = lastNoticeYear();
    health.useClock(at(l + "-12-07T10:00"));
    Map<String, Object> ready = calendarCheck("/q/health/ready");
    assertEquals("DEGRADED", ready.get("status"));
    assertEquals(l, ready.get("lastNoticeYear"));
    assertEquals(25, ready.get("certainHorizonDays"));
    assertTrue(String.valueOf(ready.get("message")).contains("/api/v1/calendar/years/" + (l + 1)));
    assertEquals("DEGRADED", calendarCheck("/q/health/well").get("status"));
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                x -> x.startsWith("szcg_calendar_certain_horizon_days") && x.endsWith(" 25.0")),
        metrics.lines().filter(x -> x.contains("horizon")).toList().toString());

    health.useClock(at(l + "-11-30T23:59"));
    Map<String, Object> nov = calendarCheck("/q/health/ready");
    assertEquals("OK", nov.get("status"));
    assertEquals(32, nov.get("certainHorizonDays"));
  }

  @Test
  void aDeadlinePastTheLastNoticeSaysSoAndRunningClocksAreRecomputedWhenItArrives() {
    int l = lastNoticeYear();
    // the calculator: 5 working days from 30 December of L reach into L+1
    String start = l + "-12-30T01:00:00Z";
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("start", start, "amount", 5, "unit", "WORKING_DAYS"))
        .post("/api/v1/deadlines")
        .then()
        .statusCode(200)
        .body("calendarCertain", equalTo(false))
        .body("certainThroughYear", equalTo(l))
        .body("explanation", containsString("最后一年（" + l + "）"))
        .body("explanation", containsString("past the last year with a stored holiday notice"));
    given()
        .get("/api/v1/deadlines?start=" + l + "-03-02T01:00:00Z&amount=5&unit=WORKING_DAYS")
        .then()
        .statusCode(200)
        .body("calendarCertain", equalTo(true));
    // natural time does not depend on holidays
    given()
        .get("/api/v1/deadlines?start=" + start + "&amount=5&unit=NATURAL_DAYS")
        .then()
        .statusCode(200)
        .body("calendarCertain", equalTo(true));

    // a clock: dispatched 30 December of L 09:00 with 5 working days
    String c = UUID.randomUUID().toString();
    Instant at = Instant.parse(start);
    CaseTransitioned dispatch =
        new CaseTransitioned(
            c,
            2,
            "DISPATCH",
            "FILED",
            "DISPATCHED",
            "u1",
            "DISPATCHER",
            null,
            at,
            null,
            c + "-O1",
            "U-ROADS",
            "C-0101",
            Zone.URBAN,
            false,
            new TimeLimit(5, LimitUnit.WORKING_DAYS),
            null,
            null,
            false,
            false,
            Map.of());
    TestEvents.send(
        KafkaTestResource.kafka().bootstrapServers(),
        Topics.CASES,
        EventCodec.wrap("dispatch-service", c, at, dispatch));
    Map<String, Object> before = handling(c, h -> true);
    assertEquals(false, before.get("calendarCertain"));
    assertTrue(
        String.valueOf(before.get("explanation")).contains("recomputed when the notice is stored"),
        String.valueOf(before.get("explanation")));

    // next year's notice is stored (a TEST FIXTURE, not the real arrangement: 01-04..01-08 off)
    int next = l + 1;
    String notice =
        """
        {"format": "szcg-holidays/1", "region": "CN",
         "notices": [ { "year": %d, "title": "测试用通知，非真实安排 / test fixture, not the real notice",
           "holidays": [
             {"name": "测试假日", "nameEn": "test holiday", "from": "%d-01-04", "to": "%d-01-08",
              "workdays": []} ] } ] }
        """
            .formatted(next, next, next);
    int recomputed =
        given()
            .contentType(ContentType.JSON)
            .body(notice)
            .put("/api/v1/calendar/years/" + next)
            .then()
            .statusCode(200)
            .body("lastNoticeYear", equalTo(next))
            .extract()
            .path("clocksRecomputed");
    assertTrue(recomputed >= 1, "recomputed " + recomputed);
    String expected =
        given()
            .get("/api/v1/deadlines?start=" + start + "&amount=5&unit=WORKING_DAYS")
            .then()
            .statusCode(200)
            .body("calendarCertain", equalTo(true))
            .extract()
            .path("deadline");
    Map<String, Object> after = handling(c, h -> expected.equals(h.get("deadline")));
    assertNotEquals(before.get("deadline"), after.get("deadline"));
    assertEquals(true, after.get("calendarCertain"));
    assertNotEquals(before.get("calendarVersion"), after.get("calendarVersion"));
    assertEquals(before.get("id"), after.get("id")); // the same clock, recomputed
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> handling(
      String caseId, java.util.function.Predicate<Map<String, Object>> until) {
    JsonPath j =
        Await.until(
            "HANDLING of " + caseId,
            Duration.ofSeconds(45),
            () -> given().get("/api/v1/cases/" + caseId + "/clocks").then().extract().jsonPath(),
            x -> {
              List<Map<String, Object>> l = x.getList("findAll { it.stage == 'HANDLING' }");
              return l != null && !l.isEmpty() && until.test(l.get(0));
            });
    return (Map<String, Object>) j.getList("findAll { it.stage == 'HANDLING' }").get(0);
  }
}
