package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Public reports are verified on site before filing; a shift lead may override. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class VerificationTest {

  @BeforeEach
  void collectors() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("V-NEAR");
    Api.eligibleCollector("V-FAR");
    position("V-NEAR", 118.8640, 26.2235);
    position("V-FAR", 118.95, 26.30);
  }

  static void position(String id, double lon, double lat) {
    Api.as(Api.collector(id))
        .contentType(ContentType.JSON)
        .body("{\"lon\":" + lon + ",\"lat\":" + lat + "}")
        .put("/api/v1/collectors/" + id + "/position")
        .then()
        .statusCode(200);
  }

  /** An on-site photo uploaded by collector {@code by} to the task. */
  static void photo(String by, String reportId, String taskId, int seed) {
    byte[] bytes = TestImages.jpeg("verification-" + seed);
    Api.as(Api.collector(by))
        .contentType("image/jpeg")
        .body(bytes)
        .queryParam("purpose", "VERIFICATION")
        .queryParam("verificationTaskId", taskId)
        .post("/api/v1/reports/" + reportId + "/attachments")
        .then()
        .statusCode(201);
  }

  @Test
  void aCollectorWithATaskCannotUseUpTheReportsAttachments() {
    String id = Api.register(Api.hotline("VER-Q-" + UUID.randomUUID(), "REPORT"));
    String task =
        given()
            .contentType(ContentType.JSON)
            .body("{\"collectorId\":\"V-NEAR\"}")
            .post("/api/v1/reports/" + id + "/verification")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < 9; i++) {
      photo("V-NEAR", id, task, 100 + i);
    }
    // the collector's own quota for on-site photos is used up …
    Api.as(Api.collector("V-NEAR"))
        .contentType("image/jpeg")
        .body(TestImages.jpeg("verification-one-too-many"))
        .queryParam("purpose", "VERIFICATION")
        .queryParam("verificationTaskId", task)
        .post("/api/v1/reports/" + id + "/attachments")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("attachment"))
        .body("errors[0].code", equalTo("too_many"));
    // … and the center still attaches (issue 19: the quota was the report's, 9 in all)
    given()
        .contentType("image/jpeg")
        .body(TestImages.jpeg("center-after-collector"))
        .post("/api/v1/reports/" + id + "/attachments")
        .then()
        .statusCode(201);
  }

  @Test
  void confirmedOnSiteThenFiled() {
    String id = Api.register(Api.hotline("VER-" + UUID.randomUUID(), "REPORT"));
    // not before verification
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(409)
        .body("detail", containsString("REQUEST_VERIFICATION"));
    String task =
        given()
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/v1/reports/" + id + "/verification")
            .then()
            .statusCode(201)
            .body("collectorId", equalTo("V-NEAR"))
            .body("status", equalTo("PENDING"))
            .extract()
            .path("id");
    VerificationRequested req = (VerificationRequested) Api.event(id, "verification-requested");
    assertEquals("V-NEAR", req.collectorId());
    given()
        .queryParam("collectorId", "V-NEAR")
        .queryParam("status", "PENDING")
        .get("/api/v1/verifications")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(task));
    // with photos only
    Api.as(Api.collector("V-NEAR"))
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"V-NEAR\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + task + "/result")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("attachments"));
    // someone else's task
    photo("V-NEAR", id, task, 11);
    // (issue 19: 404 as reading it answers, never naming its collector — was 403 naming V-NEAR)
    Api.as(Api.collector("V-FAR"))
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"V-FAR\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + task + "/result")
        .then()
        .statusCode(404)
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("V-NEAR")));
    Api.as(Api.collector("V-NEAR"))
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"V-NEAR\",\"confirmed\":true,\"note\":\"现场属实\"}")
        .post("/api/v1/verifications/" + task + "/result")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"));
    VerificationCompleted done = (VerificationCompleted) Api.event(id, "verification-completed");
    assertTrue(done.confirmed());
    Api.as(Api.collector("V-NEAR"))
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"V-NEAR\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + task + "/result")
        .then()
        .statusCode(409);
    given().get("/api/v1/reports/" + id).then().body("status", equalTo("VERIFIED"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"));
    CaseFiled filed = (CaseFiled) Api.event(id, "case-filed");
    assertEquals("C-0101", filed.categoryCode());
    given()
        .get("/api/v1/reports/" + id + "/history")
        .then()
        .statusCode(200)
        .body(
            "action",
            org.hamcrest.Matchers.contains("REQUEST_VERIFICATION", "COMPLETE_VERIFICATION", "FILE"))
        .body("actorId", hasItem("V-NEAR"));
  }

  @Test
  void refutedIsNotFiledButRejected() {
    String id = Api.register(Api.hotline("VER-" + UUID.randomUUID(), "COMPLAINT"));
    String task =
        given()
            .contentType(ContentType.JSON)
            .body("{\"collectorId\":\"V-FAR\"}")
            .post("/api/v1/reports/" + id + "/verification")
            .then()
            .statusCode(201)
            .body("collectorId", equalTo("V-FAR"))
            .extract()
            .path("id");
    photo("V-FAR", id, task, 21);
    Api.as(Api.collector("V-FAR"))
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"V-FAR\",\"confirmed\":false,\"note\":\"现场无此问题\"}")
        .post("/api/v1/verifications/" + task + "/result")
        .then()
        .statusCode(200)
        .body("status", equalTo("REFUTED"));
    // even a shift lead cannot file a refuted report
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\",\"overrideReason\":\"急\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"核实不属实\"}")
        .post("/api/v1/reports/" + id + "/rejection")
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
  }

  @Test
  void shiftLeadFilesBeforeVerificationWithAReason() {
    String id = Api.register(Api.hotline("VER-" + UUID.randomUUID(), "REPORT"));
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("overrideReason"));
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\",\"overrideReason\":\"道路塌陷，不能等待核实\",\"emergency\":true}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"))
        .body("decidedBy", equalTo("lead-1"))
        .body("overrideReason", equalTo("道路塌陷，不能等待核实"));
  }

  @Test
  void badInputOnVerificationEndpoints() {
    String id = Api.register(Api.hotline("VER-" + UUID.randomUUID(), "REPORT"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"NOBODY\"}")
        .post("/api/v1/reports/" + id + "/verification")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("collectorId"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"bad id!\"}")
        .post("/api/v1/reports/" + id + "/verification")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("collectorId"));
    Api.as(Api.collector("V-NEAR"))
        .contentType(ContentType.JSON)
        .body("{\"confirmed\":true}")
        .post("/api/v1/verifications/" + UUID.randomUUID() + "/result")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("collectorId"));
    Api.as(Api.collector("V-NEAR"))
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"V-NEAR\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + UUID.randomUUID() + "/result")
        .then()
        .statusCode(404);
    given().get("/api/v1/verifications?status=SOMETIMES").then().statusCode(400);
  }
}
