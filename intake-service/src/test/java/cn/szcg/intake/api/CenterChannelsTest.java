package cn.szcg.intake.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 来电 PHONE and 来访 WALK_IN: a phone call or a walk-in report, complaint or consultation
 * the center receives itself, registered by an operator or a shift lead. Public channels: verified
 * on site before filing, like HOTLINE. The caller's name and phone are kept for the center only —
 * not in the collector's task, the unit's view, the hotline feed or any event. (Who may use the
 * channels: ChannelByRoleTest.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CenterChannelsTest {

  static final String NAME = "王五福";
  static final String PHONE = "13955556666";

  @BeforeEach
  void setUp() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("C-CALL");
  }

  static String arrival(String channel, String kind, String description) {
    return "{\"channel\":\""
        + channel
        + "\",\"kind\":\""
        + kind
        + "\",\"description\":\""
        + description
        + "\",\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"address\":\"梅城镇台山路\","
        + "\"reporter\":{\"name\":\""
        + NAME
        + "\",\"phone\":\""
        + PHONE
        + "\"}}";
  }

  static void assertNoReporter(String body) {
    assertFalse(body.contains(NAME) || body.contains(PHONE), body);
  }

  @Test
  void aCallOrAVisitIsRegisteredVerifiedAndFiledTheCallerStaysWithTheCenter() {
    // 来电 举报 by an operator: no source reference needed, the reporter kept for the center
    String call =
        Api.as(Api.OPERATOR)
            .contentType(ContentType.JSON)
            .body(arrival("PHONE", "REPORT", "来电反映台山路井盖缺失"))
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("channel", equalTo("PHONE"))
            .body("status", equalTo("REGISTERED"))
            .body("reporterName", equalTo(NAME))
            .body("reporterPhone", equalTo(PHONE))
            .extract()
            .path("id");
    // 来访 投诉 by a shift lead
    String visit =
        Api.as(Api.SHIFT_LEAD)
            .contentType(ContentType.JSON)
            .body(arrival("WALK_IN", "COMPLAINT", "来访投诉夜间施工噪音"))
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("channel", equalTo("WALK_IN"))
            .body("kind", equalTo("COMPLAINT"))
            .body("reporterPhone", equalTo(PHONE))
            .extract()
            .path("id");
    // the operators' list filters by the new channels
    Api.as(Api.OPERATOR)
        .queryParam("channel", "WALK_IN")
        .queryParam("size", 200)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItem(visit))
        .body("items.channel", org.hamcrest.Matchers.everyItem(equalTo("WALK_IN")));
    // 来电 咨询: answered, never filed
    String question =
        Api.register(
            "{\"channel\":\"PHONE\",\"kind\":\"CONSULTATION\",\"description\":\"大件垃圾怎么预约清运？\"}");
    Api.as(Api.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"answer\":\"请拨打 0591-22334455 预约\"}")
        .post("/api/v1/reports/" + question + "/answer")
        .then()
        .statusCode(200)
        .body("status", equalTo("ANSWERED"));

    // a public channel: not filed before a collector verified it on site
    Api.as(Api.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\"}")
        .post("/api/v1/reports/" + call + "/filing")
        .then()
        .statusCode(409);
    String task =
        Api.as(Api.OPERATOR)
            .contentType(ContentType.JSON)
            .body("{\"collectorId\":\"C-CALL\"}")
            .post("/api/v1/reports/" + call + "/verification")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String collector = Api.collector("C-CALL");
    // the collector's task: where and what, never who called
    String taskView =
        Api.as(collector)
            .get("/api/v1/verifications/" + task)
            .then()
            .statusCode(200)
            .body("description", equalTo("来电反映台山路井盖缺失"))
            .extract()
            .asString();
    assertNoReporter(taskView);
    Api.as(collector).get("/api/v1/reports/" + call).then().statusCode(404);
    Api.as(collector)
        .contentType("image/jpeg")
        .queryParam("purpose", "VERIFICATION")
        .queryParam("verificationTaskId", task)
        .body(TestImages.jpeg("center-channels"))
        .post("/api/v1/reports/" + call + "/attachments")
        .then()
        .statusCode(201);
    Api.as(collector)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"C-CALL\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + task + "/result")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"));
    Api.as(Api.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0101\"}")
        .post("/api/v1/reports/" + call + "/filing")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"));

    // the unit the case is dispatched to reads the problem, not the caller
    TestEvents.send(
        Api.bootstrap(),
        Topics.CASES,
        EventCodec.wrap(
            "dispatch-service",
            call,
            Instant.now(),
            new CaseTransitioned(
                call,
                2,
                "DISPATCH",
                "AWAITING_DISPATCH",
                "DISPATCHED",
                "d1",
                "DISPATCHER",
                null,
                Instant.now(),
                null,
                "O-CALL",
                "U-CALL-WATER",
                "C-0101",
                Zone.URBAN,
                false,
                null,
                null,
                null,
                false,
                true,
                Map.of())));
    String unit = TestTokens.ofUnit("unit-receiver", "U-CALL-WATER");
    Await.until(
        "the unit reads the report",
        Duration.ofSeconds(30),
        () -> Api.as(unit).get("/api/v1/reports/" + call).then().extract().statusCode() == 200);
    String unitView =
        Api.as(unit)
            .get("/api/v1/reports/" + call)
            .then()
            .statusCode(200)
            .body("channel", equalTo("PHONE"))
            .body("description", equalTo("来电反映台山路井盖缺失"))
            .body("$", not(hasKey("reporterName")))
            .body("$", not(hasKey("reporterPhone")))
            .extract()
            .asString();
    assertNoReporter(unitView);

    // the hotline platform hears nothing of the center's own calls
    assertNoReporter(
        Api.as(Api.HOTLINE)
            .queryParam("limit", 200)
            .get("/api/v1/hotline/status-changes")
            .then()
            .statusCode(200)
            .extract()
            .asString());
    // no event carries the caller (registered, verification, filed)
    Api.event(call, "case-filed");
    for (String raw : Api.rawEvents(call, Duration.ofMillis(500))) {
      assertNoReporter(raw);
    }
    // the center still sees who called
    Api.as(Api.SHIFT_LEAD)
        .get("/api/v1/reports/" + call)
        .then()
        .body("reporterName", equalTo(NAME))
        .body("reporterPhone", equalTo(PHONE));
  }
}
