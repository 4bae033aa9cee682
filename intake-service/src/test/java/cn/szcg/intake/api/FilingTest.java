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

  /**
   * The unit that gets the order learns from case-filed what the problem is and when it counts as
   * fixed: the report's description and the category's filing and closing conditions
   * (zh and en) of the version the case is filed under — and never who reported it.
   */
  @Test
  void theEventCarriesTheDescriptionAndTheCategoryTermsButNeverTheReporter() {
    String ref = "12345-FILE-" + java.util.UUID.randomUUID();
    String id =
        register(
            "{\"channel\":\"HOTLINE\",\"kind\":\"REPORT\",\"sourceRef\":\""
                + ref
                + "\",\"description\":\"小区门口垃圾堆放三天无人清理\","
                + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},"
                + "\"reporter\":{\"name\":\"李四光\",\"phone\":\"13911112222\"}}");
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\",\"overrideReason\":\"值班长确认\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200);
    CaseFiled filed = (CaseFiled) Api.event(id, "case-filed");
    assertEquals("小区门口垃圾堆放三天无人清理", filed.description());
    assertEquals("道路、广场、绿地等公共场所有暴露垃圾，面积 0.5 平方米以上", filed.filingCondition().zh());
    assertEquals(
        "exposed garbage of 0.5 m² or more in a public place such as a road, square or green space",
        filed.filingCondition().en());
    assertEquals("暴露垃圾已清除，现场干净", filed.closingCondition().zh());
    assertEquals("the garbage is removed and the place is clean", filed.closingCondition().en());
    for (String raw : Api.rawEvents(id, Duration.ofMillis(500))) {
      assertFalse(raw.contains("李四光") || raw.contains("13911112222"), raw);
    }
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
