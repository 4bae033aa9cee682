package cn.szcg.sla.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deadline calculator and calendar maintenance through the API, bad input included. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CalculatorAndCalendarApiTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("admin"));
  }

  static io.restassured.response.ValidatableResponse calc(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/deadlines").then();
  }

  @Test
  void lunchDoesNotCount() {
    // Mon 2026-03-02 11:30 + 1 working hour = 15:00 (30 min before noon, 30 min from 14:30)
    calc(Map.of("start", "2026-03-02T03:30:00Z", "amount", 1, "unit", "WORKING_HOURS"))
        .statusCode(200)
        .body("deadline", equalTo("2026-03-02T07:00:00Z"))
        .body("workingTimeSpanned", equalTo("PT1H"))
        .body("naturalTimeSpanned", equalTo("PT3H30M"))
        .body("explanation", containsString("工作小时"))
        .body("explanation", containsString("working"));
  }

  @Test
  void acrossNewYearAndAfterHours() {
    // Wed 2025-12-31 17:00: 元旦 01-01..03 off, Sunday 01-04 is an adjusted working day (补班)
    calc(Map.of("start", "2025-12-31T09:00:00Z", "amount", 1, "unit", "WORKING_HOURS"))
        .statusCode(200)
        .body("deadline", equalTo("2026-01-04T00:30:00Z"))
        .body("workingTimeSpanned", equalTo("PT1H"));
    // Mon 18:00 + 1 working day: counts from Tue 08:00 → Wed 08:00
    calc(Map.of("start", "2026-03-02T10:00:00Z", "amount", 1, "unit", "WORKING_DAYS"))
        .statusCode(200)
        .body("countsFrom", equalTo("2026-03-03T00:00:00Z"))
        .body("deadline", equalTo("2026-03-04T00:00:00Z"))
        .body("workingTimeSpanned", equalTo("PT7H"))
        .body("explanation", containsString("outside working time"));
  }

  @Test
  void getVariantAndNaturalTime() {
    given()
        .queryParam("start", "2026-02-15T14:00:00Z")
        .queryParam("amount", "2")
        .queryParam("unit", "NATURAL_HOURS")
        .get("/api/v1/deadlines")
        .then()
        .statusCode(200)
        .body("deadline", equalTo("2026-02-15T16:00:00Z"))
        .body("workingTimeSpanned", equalTo("PT0S"));
  }

  @Test
  void badInputNamesTheField() {
    calc(Map.of("start", "2026-03-02T03:30:00Z", "amount", 1, "unit", "WEEKS"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("unit"));
    calc(Map.of("start", "2026-03-02T03:30:00Z", "amount", -1, "unit", "WORKING_HOURS"))
        .statusCode(400)
        .body("errors.field", hasItem("amount"));
    calc(Map.of("start", "yesterday", "amount", 1, "unit", "WORKING_HOURS"))
        .statusCode(400)
        .body("errors.field", hasItem("start"));
    calc(Map.of("amount", 1, "unit", "WORKING_HOURS"))
        .statusCode(400)
        .body("errors.field", hasItem("start"));
    calc(Map.of(
            "start",
            "2026-03-02T03:30:00Z",
            "amount",
            1,
            "unit",
            "WORKING_HOURS",
            "calendar",
            "no-such-version"))
        .statusCode(400)
        .body("errors.field", hasItem("calendar"));
    calc(Map.of("start", "2026-03-02T03:30:00Z", "amount", "many", "unit", "WORKING_HOURS"))
        .statusCode(400)
        .body("errors.field", hasItem("amount"));
    given()
        .queryParam("start", "2026-03-02T03:30:00Z")
        .queryParam("amount", "x")
        .queryParam("unit", "WORKING_HOURS")
        .get("/api/v1/deadlines")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("amount"));
    given()
        .get("/api/v1/calendar/years/abc")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("year"));
  }

  @Test
  void readTheShippedYear() {
    given()
        .get("/api/v1/calendar/years/2026")
        .then()
        .statusCode(200)
        .body("holidays.date", hasItem("2026-02-15"))
        .body("holidays.date", hasItem("2026-10-01"))
        .body("adjustedWorkingDays.date", hasItem("2026-02-14"))
        .body("adjustedWorkingDays.date", hasItem("2026-01-04"))
        .body("workPeriods", equalTo(java.util.List.of("08:00-12:00", "14:30-17:30")))
        .body("calendarVersion", startsWith("cn-2016-2026.1"))
        .body("notices.source", hasItem("SHIPPED"));
  }

  static final String NOTICE_2027 =
      """
      {"format": "szcg-holidays/1", "region": "CN",
       "notices": [ { "year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知（测试）",
         "holidays": [
           {"name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01", "to": "2027-01-03",
            "workdays": []},
           {"name": "春节", "nameEn": "Spring Festival", "from": "2027-02-05", "to": "2027-02-13",
            "workdays": ["2027-01-31", "2027-02-20"]} ] } ] }
      """;

  @Test
  void aNewYearsNoticeMakesANewVersionAndOldClocksKeepTheirs() {
    String before =
        given()
            .get("/api/v1/calendar/years/2027")
            .then()
            .statusCode(200)
            .extract()
            .path("calendarVersion");
    // Thu 2026-12-31 17:00 + 1 working hour, before the 2027 notice: Fri 2027-01-01 is a weekday
    String oldDeadline =
        calc(Map.of("start", "2026-12-31T09:00:00Z", "amount", 1, "unit", "WORKING_HOURS"))
            .statusCode(200)
            .extract()
            .path("deadline");
    given()
        .contentType(ContentType.JSON)
        .body(NOTICE_2027)
        .put("/api/v1/calendar/years/2027")
        .then()
        .statusCode(200)
        .body("holidays.date", hasItem("2027-02-05"))
        .body("adjustedWorkingDays.date", hasItem("2027-01-31"))
        .body("calendarVersion", not(equalTo(before)))
        .body("notices[0].source", equalTo("JSON"));
    // now 01-01..01-03 are off: due Mon 2027-01-04 08:30
    calc(Map.of("start", "2026-12-31T09:00:00Z", "amount", 1, "unit", "WORKING_HOURS"))
        .statusCode(200)
        .body("deadline", equalTo("2027-01-04T00:30:00Z"));
    assertNotEquals("2027-01-04T00:30:00Z", oldDeadline);
    // the old version still answers as before (what a clock started under it measures with)
    calc(Map.of(
            "start",
            "2026-12-31T09:00:00Z",
            "amount",
            1,
            "unit",
            "WORKING_HOURS",
            "calendar",
            before))
        .statusCode(200)
        .body("deadline", equalTo(oldDeadline));
    given()
        .get("/api/v1/calendar/revisions")
        .then()
        .statusCode(200)
        .body("[0].createdBy", equalTo("test-admin"));

    // ICS import on top: 2027-05-01..05 off, Sunday 2027-04-25 worked
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270501\r\n"
            + "DTEND;VALUE=DATE:20270506\r\nSUMMARY:劳动节\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
            + "DTSTART;VALUE=DATE:20270425\r\nSUMMARY:劳动节补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    given()
        .contentType("text/calendar; charset=UTF-8")
        .body(ics)
        .post("/api/v1/calendar/ics")
        .then()
        .statusCode(200)
        .body("holidays.date", hasItem("2027-05-03"))
        .body("adjustedWorkingDays.date", hasItem("2027-04-25"))
        .body("holidays.date", hasItem("2027-02-05"));
  }

  @Test
  void badNoticesAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(NOTICE_2027)
        .put("/api/v1/calendar/years/2028")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("notices.year"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"format\": \"other\"}")
        .put("/api/v1/calendar/years/2027")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
    given()
        .contentType(ContentType.JSON)
        .body("not json")
        .put("/api/v1/calendar/years/2027")
        .then()
        .statusCode(400);
    given()
        .contentType("text/calendar")
        .body(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270501T080000Z\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n")
        .post("/api/v1/calendar/ics")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
  }
}
