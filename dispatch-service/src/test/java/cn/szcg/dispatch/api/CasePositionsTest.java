package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The map's case layer: GET /api/v1/cases/positions (docs/case-lifecycle.md, the map). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class CasePositionsTest {

  static final String BOX = "118.80,26.18,118.90,26.26";

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static JsonPath positions(String bbox, String state) {
    var r = SHIFT_LEAD.spec().queryParam("bbox", bbox);
    if (state != null) {
      r = r.queryParam("state", state);
    }
    return r.get("/api/v1/cases/positions").then().statusCode(200).extract().jsonPath();
  }

  static Map<String, Object> feature(JsonPath fc, String caseId) {
    List<Map<String, Object>> fs = fc.getList("features");
    return fs.stream().filter(f -> caseId.equals(f.get("id"))).findFirst().orElse(null);
  }

  @Test
  void openCasesInTheBoxByStateWithoutTheReporter() {
    String inside =
        file("C-0101", "350124100", null, true, Channel.PATROL, new GeoPoint(118.8625, 26.2215));
    String outside =
        file("C-0101", "350124100", null, false, Channel.PATROL, new GeoPoint(118.95, 26.30));
    String unplaced = file("C-0101", "350124100", null, false, Channel.PATROL, null);

    JsonPath fc = positions(BOX, null);
    assertEquals("FeatureCollection", fc.getString("type"));
    Map<String, Object> f = feature(fc, inside);
    assertTrue(f != null, "the case in the box is on the map");
    @SuppressWarnings("unchecked")
    Map<String, Object> props = (Map<String, Object>) f.get("properties");
    assertEquals("AWAITING_DISPATCH", props.get("state"));
    assertEquals("待派遣", props.get("stateNameZh"));
    assertEquals("C-0101", props.get("categoryCode"));
    assertEquals(true, props.get("emergency"));
    assertEquals("MQ" + inside.substring(0, 8), props.get("reportNo"));
    assertFalse(props.containsKey("reporter"));
    assertFalse(props.containsKey("reporterPhone"));
    @SuppressWarnings("unchecked")
    List<Number> coords =
        (List<Number>) ((Map<String, Object>) f.get("geometry")).get("coordinates");
    assertEquals(118.8625, coords.get(0).doubleValue(), 1e-5);
    assertEquals(26.2215, coords.get(1).doubleValue(), 1e-5);
    assertEquals(null, feature(fc, outside));
    assertEquals(null, feature(fc, unplaced));

    // by state: dispatched, it leaves the AWAITING_DISPATCH layer and joins DISPATCHED
    ok(DISPATCHER, inside, "dispatch", body());
    assertEquals(null, feature(positions(BOX, "AWAITING_DISPATCH"), inside));
    assertTrue(feature(positions(BOX, "DISPATCHED,SIGNED_FOR"), inside) != null);
    // cancelled: no longer open, not in the default layer
    ok(SHIFT_LEAD, inside, "cancel", body("reason", "地图测试作废"));
    assertEquals(null, feature(positions(BOX, null), inside));
    assertTrue(feature(positions(BOX, "CANCELLED"), inside) != null);
  }

  @Test
  void theAnswerIsBoundedAndSaysWhenItWasCut() {
    file("C-0101", "350124100", null, false, Channel.PATROL, new GeoPoint(118.85, 26.20));
    file("C-0101", "350124100", null, false, Channel.PATROL, new GeoPoint(118.851, 26.201));
    JsonPath fc =
        SHIFT_LEAD
            .spec()
            .queryParam("bbox", BOX)
            .queryParam("limit", 1)
            .get("/api/v1/cases/positions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, fc.getInt("numberReturned"));
    assertEquals(1, fc.getInt("limit"));
    assertTrue(fc.getBoolean("truncated"));
  }

  @Test
  void badParametersAre400NamingTheField() {
    bad(null, null, null, "bbox");
    bad("118.8,26.1,118.9", null, null, "bbox");
    bad("118.8,26.1,118.7,26.2", null, null, "bbox");
    bad("110,20,119,26", null, null, "bbox");
    bad("118.8,x,118.9,26.2", null, null, "bbox");
    bad(BOX, "OPEN", null, "state");
    bad(BOX, null, "0", "limit");
    bad(BOX, null, "5001", "limit");
  }

  private static void bad(String bbox, String state, String limit, String field) {
    var r = SHIFT_LEAD.spec();
    if (bbox != null) {
      r = r.queryParam("bbox", bbox);
    }
    if (state != null) {
      r = r.queryParam("state", state);
    }
    if (limit != null) {
      r = r.queryParam("limit", limit);
    }
    r.get("/api/v1/cases/positions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", org.hamcrest.Matchers.equalTo(field));
  }

  @Test
  void aUnitSeesOnlyItsOwnCasesAndNoMapLayer() {
    given().get("/api/v1/cases/positions?bbox=" + BOX).then().statusCode(200);
    receiver("U-WATER")
        .spec()
        .queryParam("bbox", BOX)
        .get("/api/v1/cases/positions")
        .then()
        .statusCode(403);
  }
}
