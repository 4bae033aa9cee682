package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 效能告诫: the efficiency office issues one from an Art 33 notice (the notice's person by
 * default; bad input is a problem+json naming the field; one per notice per person), only the
 * person warned acknowledges it (once; again returns the same), both are listed and published on
 * szcg.assessment.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EfficiencyWarningFlowTest {

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("efficiency-office"));
  }

  @Test
  void issuedFromANoticeAcknowledgedByThePersonOnly() {
    String unit = "EW-" + UUID.randomUUID().toString().substring(0, 8);
    String duty = "duty-" + unit;
    CaseEvents ev = new CaseEvents();
    String c = unit + "-c1";
    Instant at = Instant.parse("2032-02-02T01:00:00Z");
    ev.step(
        c,
        "DISPATCH",
        c + "-O1",
        unit,
        at,
        "dispatcher-1",
        Map.of("personOnDutyId", duty, "personOnDutyName", "张值班"));
    breached(c, SIGN, c + "-O1", unit, at.plusSeconds(3600));
    JsonPath n = CaseEvents.awaitNotices(unit, "2032-02", 1);
    String actionId = n.getString("items[0].actionId");
    assertEquals(duty, n.getString("items[0].personId"));
    String path = "/api/v1/notices/" + actionId + "/efficiency-warnings";

    // bad input: the field is named
    given()
        .contentType("application/json")
        .body(Map.of("reasonZh", " "))
        .post(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("reasonZh"));
    given()
        .contentType("application/json")
        .body(Map.of("reasonZh", "x".repeat(2001)))
        .post(path)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reasonZh"));
    given()
        .contentType("application/json")
        .body(Map.of("reasonZh", "事由"))
        .post("/api/v1/notices/NO-SUCH-NOTICE/efficiency-warnings")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // only the efficiency office issues
    given()
        .auth()
        .oauth2(TestTokens.of("supervision-office"))
        .contentType("application/json")
        .body(Map.of("reasonZh", "事由"))
        .post(path)
        .then()
        .statusCode(403);

    // issued to the notice's person
    JsonPath w =
        given()
            .contentType("application/json")
            .body(Map.of("reasonZh", "超时签收，予以效能告诫"))
            .post(path)
            .then()
            .statusCode(201)
            .body("personId", equalTo(duty))
            .body("personName", equalTo("张值班"))
            .body("unitId", equalTo(unit))
            .body("caseId", equalTo(c))
            .body("issuedBy", equalTo("test-efficiency-office"))
            .extract()
            .jsonPath();
    String warningId = w.getString("warningId");
    // once per notice per person
    given()
        .contentType("application/json")
        .body(Map.of("reasonZh", "再次"))
        .post(path)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // another person of the same notice may be warned too
    given()
        .contentType("application/json")
        .body(Map.of("reasonZh", "分管领导", "personId", "lead-" + unit))
        .post(path)
        .then()
        .statusCode(201);

    // someone else cannot see or acknowledge it
    String other = TestTokens.user("someone-else", "unit-leader").unit(unit).build();
    given()
        .auth()
        .oauth2(other)
        .post("/api/v1/efficiency-warnings/" + warningId + "/acknowledgement")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(other)
        .get("/api/v1/efficiency-warnings/mine")
        .then()
        .statusCode(200)
        .body("warningId", not(hasItem(warningId)));

    // the person: "my warnings", then acknowledges — twice gives the same acknowledgement
    String me = TestTokens.user(duty, "unit-receiver").unit(unit).build();
    given()
        .auth()
        .oauth2(me)
        .get("/api/v1/efficiency-warnings/mine")
        .then()
        .statusCode(200)
        .body("warningId", equalTo(List.of(warningId)))
        .body("[0].acknowledgedAt", equalTo(null));
    String first =
        given()
            .auth()
            .oauth2(me)
            .post("/api/v1/efficiency-warnings/" + warningId + "/acknowledgement")
            .then()
            .statusCode(200)
            .extract()
            .path("acknowledgedAt");
    assertNotNull(first);
    given()
        .auth()
        .oauth2(me)
        .post("/api/v1/efficiency-warnings/" + warningId + "/acknowledgement")
        .then()
        .statusCode(200)
        .body("acknowledgedAt", equalTo(first));

    // the office's list
    given()
        .get("/api/v1/efficiency-warnings")
        .then()
        .statusCode(200)
        .body("warningId", hasItem(warningId));

    // both published on szcg.assessment, the acknowledgement once
    List<ConsumerRecord<String, String>> published =
        TestEvents.readUntil(
            CaseEvents.bootstrap(),
            Topics.ASSESSMENT,
            Duration.ofSeconds(30),
            seen -> seen.stream().filter(r -> r.value().contains(warningId)).count() >= 2);
    List<ConsumerRecord<String, String>> mine =
        published.stream().filter(r -> r.value().contains(warningId)).toList();
    assertEquals(2, mine.size(), mine.toString());
    assertTrue(mine.stream().anyMatch(r -> r.value().contains("超时签收，予以效能告诫")));
    assertTrue(mine.stream().anyMatch(r -> r.value().contains("acknowledgedAt")));
    assertTrue(mine.stream().allMatch(r -> r.key().equals(c)));
  }
}
