package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Filing (立案, R-05, R-12) against the shipped Minqing filing standard. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FilingTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    Api.signIn(Api.OPERATOR);
  }

  private static String register(String body) {
    return Api.sender(body).post("/api/v1/reports").then().statusCode(201).extract().path("id");
  }

  @org.junit.jupiter.api.BeforeEach
  void collector() {
    Api.eligibleCollector("C0001");
  }

  @Test
  void aCollectorReportIsFiledAndTheEventCarriesWhatDownstreamNeeds() {
    String id = register(RegistrationTest.PATROL);
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"))
        .body("categoryCode", equalTo("E-0101"));

    var records =
        TestEvents.readUntil(
            KafkaTestResource.kafka().bootstrapServers(),
            Topics.INTAKE,
            Duration.ofSeconds(30),
            seen ->
                seen.stream()
                    .anyMatch(
                        r ->
                            id.equals(r.key())
                                && new String(r.headers().lastHeader("ce_type").value())
                                    .contains("case-filed")));
    var rec =
        records.stream()
            .filter(
                r ->
                    id.equals(r.key())
                        && new String(r.headers().lastHeader("ce_type").value())
                            .contains("case-filed"))
            .findFirst()
            .orElseThrow();
    CaseFiled filed =
        (CaseFiled) EventCodec.payload(CloudEvent.fromKafka(rec.headers(), rec.value()));
    assertEquals("E-0101", filed.categoryCode());
    assertEquals("暴露垃圾", filed.categoryName());
    assertEquals(1, filed.catalogueVersion());
    assertEquals(4, filed.handlingLimit().amount());
    assertEquals(LimitUnit.WORKING_HOURS, filed.handlingLimit().unit());
    assertFalse(filed.emergency());
  }

  @Test
  void anEmergencyIsFiledInNaturalTime() {
    String id = register(RegistrationTest.PATROL);
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\",\"emergency\":true}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200)
        .body("emergency", equalTo(true));
  }

  @Test
  void refusals() {
    String consultation =
        register(
            "{\"channel\":\"HOTLINE\",\"kind\":\"CONSULTATION\",\"sourceRef\":\"12345-1\","
                + "\"description\":\"垃圾清运时间？\"}");
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + consultation + "/filing")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    String id = register(RegistrationTest.PATROL);
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"X-9999\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("categoryCode"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(409)
        .body("detail", containsString("FILE"));
  }
}
