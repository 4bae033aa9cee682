package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A grid's zone changes with a date; a case keeps the zone it had when registered. */
@QuarkusTest
class ZoneChangeTest {

  @BeforeEach
  void load() {
    TestTokens.useByDefault(TestTokens.of("admin"));
    DemoFixture.load();
  }

  private static JsonNode urbanGrid(int skip) {
    int n = 0;
    for (JsonNode g : DemoFixture.features().get(cn.szcg.gis.domain.imports.FeatureKind.GRID)) {
      if ("URBAN".equals(g.path("properties").path("zone").asText()) && n++ == skip) {
        return g;
      }
    }
    throw new IllegalStateException();
  }

  @Test
  void locateAnswersTheZoneInForceAtThePastInstant() {
    JsonNode g = urbanGrid(20);
    String code = g.path("properties").path("code").asText();
    double[] c = DemoFixture.centre(g);
    given()
        .contentType("application/json")
        .body(
            "{\"zone\":\"城乡结合部\",\"effectiveFrom\":\"2026-06-01T00:00:00Z\","
                + "\"reason\":\"县政府2026年城区范围调整\"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(201)
        .body("zoneNow", equalTo("FRINGE"))
        .body("zoneHistory.size()", equalTo(2))
        .body("zoneHistory[0].zone", equalTo("URBAN"))
        .body("zoneHistory[0].validTo", equalTo("2026-06-01T00:00:00Z"))
        .body("zoneHistory[1].changedBy", equalTo("test-admin"))
        .body("zoneHistory[1].reason", equalTo("县政府2026年城区范围调整"));

    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("at", "2026-03-01T08:00:00Z")
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("gridCode", equalTo(code))
        .body("zone", equalTo("URBAN"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("at", "2026-05-31T23:59:59Z")
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("zone", equalTo("URBAN"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("at", "2026-06-01T07:59:59+08:00")
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("zone", equalTo("URBAN"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("at", "2026-06-01T00:00:00Z")
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("zone", equalTo("FRINGE"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("zone", equalTo("FRINGE"));
    given().get("/api/v1/grids/" + code).then().statusCode(200).body("zoneNow", equalTo("FRINGE"));

    // same zone again: 409 naming the current zone
    given()
        .contentType("application/json")
        .body("{\"zone\":\"FRINGE\",\"effectiveFrom\":\"2026-07-01T00:00:00Z\",\"reason\":\"x\"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(409);
    // before the latest entry: 409
    given()
        .contentType("application/json")
        .body("{\"zone\":\"URBAN\",\"effectiveFrom\":\"2026-05-01T00:00:00Z\",\"reason\":\"x\"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(409);
  }

  @Test
  void badZoneChangesAre400Or404() {
    String code = urbanGrid(21).path("properties").path("code").asText();
    given()
        .contentType("application/json")
        .body("{\"zone\":\"SUBURB\",\"effectiveFrom\":\"2026-07-01T00:00:00Z\",\"reason\":\"x\"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("zone"));
    given()
        .contentType("application/json")
        .body("{\"zone\":\"FRINGE\",\"reason\":\"x\"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body("{\"zone\":\"FRINGE\",\"effectiveFrom\":\"2026-07-01T00:00:00Z\",\"reason\":\" \"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body("{\"zone\":\"FRINGE\",\"effectiveFrom\":\"2026-07-01T00:00:00Z\",\"reason\":\"x\"}")
        .post("/api/v1/grids/3501241000019998/zone-changes")
        .then()
        .statusCode(404);
    given()
        .get("/api/v1/grids/123")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("code"));
  }
}
