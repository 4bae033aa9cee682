package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.ConsultationAnswered;
import cn.szcg.contracts.events.ReportMerged;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rejection, duplicates and merging, consultations, the operators' list. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DecisionsTest {

  @BeforeEach
  void signIn() {
    Api.signIn(Api.OPERATOR);
  }

  @BeforeEach
  void collector() {
    Api.eligibleCollector("C0001");
  }

  @Test
  void unfoundedCollectorReportIsRejected() {
    String id = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"现场无垃圾，照片为旧照\",\"unfounded\":true}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("unfounded", equalTo(true));
    ReportRejected e = (ReportRejected) Api.event(id, "report-rejected");
    assertTrue(e.unfounded());
    assertEquals("C0001", e.collectorId());
    assertEquals("center-operator", e.rejectedBy());
    // closed: no second decision
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void unfoundedOnlyForCollectorReportsAndAReasonIsRequired() {
    String id = Api.register(Api.hotline("DEC-" + UUID.randomUUID(), "REPORT"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"不属实\",\"unfounded\":true}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("unfounded"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\" \"}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/rejection")
        .then()
        .statusCode(404);
  }

  @Test
  void duplicatesAreProposedThenMergedOrKeptSeparate() {
    // a unique place so other tests' reports are not candidates
    double lon = 118.70 + (Math.abs(UUID.randomUUID().hashCode()) % 1000) / 100000.0;
    String first = Api.register(Api.patrol("C0001", "E-0201", lon, 26.10));
    String second = Api.register(Api.patrol("C0001", "E-0201", lon + 0.0002, 26.10)); // ~20 m
    String elsewhere = Api.register(Api.patrol("C0001", "E-0201", lon + 0.01, 26.10)); // ~1 km
    given()
        .get("/api/v1/reports/" + second)
        .then()
        .statusCode(200)
        .body("duplicateCandidates.id", hasItem(first))
        .body("duplicateCandidates.id", not(hasItem(elsewhere)));
    given().get("/api/v1/reports/" + elsewhere).then().body("duplicateCandidates", hasSize(0));

    String hotline = Api.register(Api.hotline("DUP-" + UUID.randomUUID(), "REPORT"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"" + first + "\"}")
        .post("/api/v1/reports/" + second + "/merge")
        .then()
        .statusCode(200)
        .body("status", equalTo("MERGED"))
        .body("mergedInto", equalTo(first));
    ReportMerged m = (ReportMerged) Api.event(second, "report-merged");
    assertEquals(first, m.intoCaseId());
    // a closed report takes no duplicates
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"" + second + "\"}")
        .post("/api/v1/reports/" + hotline + "/merge")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"" + hotline + "\"}")
        .post("/api/v1/reports/" + hotline + "/merge")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("intoCaseId"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"" + UUID.randomUUID() + "\"}")
        .post("/api/v1/reports/" + hotline + "/merge")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("intoCaseId"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"intoCaseId\":\"not-a-uuid\"}")
        .post("/api/v1/reports/" + hotline + "/merge")
        .then()
        .statusCode(400);

    String third = Api.register(Api.patrol("C0001", "E-0201", lon + 0.0001, 26.10));
    given().get("/api/v1/reports/" + third).then().body("duplicateCandidates.id", hasItem(first));
    given()
        .post("/api/v1/reports/" + third + "/keep-separate")
        .then()
        .statusCode(200)
        .body("keptSeparate", equalTo(true));
    given().get("/api/v1/reports/" + third).then().body("duplicateCandidates", hasSize(0));
  }

  @Test
  void consultationIsAnsweredAndClosed() {
    String id =
        Api.register(
            "{\"channel\":\"WEBSITE\",\"kind\":\"CONSULTATION\",\"sourceRef\":\"WEB-9\","
                + "\"description\":\"大件垃圾如何预约清运？\"}");
    given()
        .get("/api/v1/reports/" + id)
        .then()
        .body("allowedActions", org.hamcrest.Matchers.containsInAnyOrder("ANSWER", "REJECT"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/reports/" + id + "/verification")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body("{\"answer\":\"\"}")
        .post("/api/v1/reports/" + id + "/answer")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("answer"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"answer\":\"请拨打 0591-22334455 预约\"}")
        .post("/api/v1/reports/" + id + "/answer")
        .then()
        .statusCode(200)
        .body("status", equalTo("ANSWERED"));
    ConsultationAnswered a = (ConsultationAnswered) Api.event(id, "consultation-answered");
    assertEquals("center-operator", a.answeredBy());
    // only consultations are answered
    String report = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
    given()
        .contentType(ContentType.JSON)
        .body("{\"answer\":\"好的\"}")
        .post("/api/v1/reports/" + report + "/answer")
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("ANSWER"));
  }

  @Test
  void closedReportsAndUnknownIds() {
    String id = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"重复上报\"}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(200);
    given()
        .post("/api/v1/reports/" + id + "/keep-separate")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/reports/" + id + "/history")
        .then()
        .statusCode(200)
        .body("[0].action", equalTo("REJECT"))
        .body("[0].note", equalTo("重复上报"));
    given().get("/api/v1/reports/" + UUID.randomUUID() + "/history").then().statusCode(404);
    given().post("/api/v1/reports/" + UUID.randomUUID() + "/keep-separate").then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body("{\"answer\":\"x\"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/answer")
        .then()
        .statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"" + "长".repeat(501) + "\"}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
  }

  @Test
  void operatorsList() {
    Api.register(Api.hotline("LIST-" + UUID.randomUUID(), "REPORT"));
    given()
        .queryParam("channel", "HOTLINE")
        .queryParam("status", "REGISTERED")
        .queryParam("size", 5)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("size", equalTo(5))
        .body("items.channel", everyItem(equalTo("HOTLINE")))
        .body("items.status", everyItem(equalTo("REGISTERED")));
    given()
        .queryParam("from", "2020-01-01T00:00:00Z")
        .queryParam("to", "2020-01-02T00:00:00Z")
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    given().queryParam("size", 201).get("/api/v1/reports").then().statusCode(400);
    given().queryParam("status", "NAPPING").get("/api/v1/reports").then().statusCode(400);
    given().queryParam("channel", "FAX").get("/api/v1/reports").then().statusCode(400);
    given().queryParam("from", "yesterday").get("/api/v1/reports").then().statusCode(400);
    given()
        .queryParam("from", "2026-01-02T00:00:00Z")
        .queryParam("to", "2026-01-01T00:00:00Z")
        .get("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("to"));
  }
}
