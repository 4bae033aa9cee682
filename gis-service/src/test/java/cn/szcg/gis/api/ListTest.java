package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listings of areas, grids and cameras (GeoJSON, paged, filtered). */
@QuarkusTest
class ListTest {

  @BeforeEach
  void load() {
    TestTokens.useByDefault(TestTokens.of("operator"));
    DemoFixture.load();
  }

  @Test
  void areasByLevelAndParent() {
    given()
        .queryParam("level", "乡镇")
        .get("/api/v1/areas")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("type", equalTo("FeatureCollection"))
        .body("numberReturned", equalTo(16))
        .body("features[0].properties.code", equalTo("350124100"))
        .body("features[0].properties.name", equalTo("梅城镇"))
        .body("features.properties.level", everyItem(equalTo("TOWNSHIP")))
        .body("features[0].geometry.type", equalTo("Polygon"));
    given()
        .queryParam("parentCode", "350124100")
        .queryParam("size", 200)
        .get("/api/v1/areas")
        .then()
        .statusCode(200)
        .body("numberReturned", greaterThan(2))
        .body("features.properties.code", everyItem(startsWith("350124100")))
        .body("features.properties.level", everyItem(equalTo("COMMUNITY")));
    given()
        .get("/api/v1/areas/350124100")
        .then()
        .statusCode(200)
        .body("properties.name", equalTo("梅城镇"))
        .body("properties.parentCode", equalTo("350124"));
    given().get("/api/v1/areas/350124199999").then().statusCode(404);
    given()
        .get("/api/v1/areas/35012X")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("code"));
    given()
        .queryParam("level", "PROVINCE")
        .get("/api/v1/areas")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("level"));
  }

  @Test
  void gridsByCommunityZoneAndBox() {
    JsonNode g = DemoFixture.grid("FRINGE");
    String code = g.path("properties").path("code").asText();
    String community = code.substring(0, 12);
    given()
        .queryParam("communityCode", community)
        .queryParam("size", 200)
        .get("/api/v1/grids")
        .then()
        .statusCode(200)
        .body("features.properties.communityCode", everyItem(equalTo(community)))
        .body("features.id", hasItem(code));
    given()
        .queryParam("zone", "城乡结合部")
        .get("/api/v1/grids")
        .then()
        .statusCode(200)
        .body("numberReturned", greaterThan(0))
        .body("features.properties.zoneNow", everyItem(equalTo("FRINGE")));
    double[] c = DemoFixture.centre(g);
    given()
        .queryParam(
            "bbox", (c[0] - 1e-5) + "," + (c[1] - 1e-5) + "," + (c[0] + 1e-5) + "," + (c[1] + 1e-5))
        .get("/api/v1/grids")
        .then()
        .statusCode(200)
        .body("numberReturned", equalTo(1))
        .body("features[0].id", equalTo(code))
        .body(
            "features[0].properties.effectiveFrom",
            equalTo(g.path("properties").path("effectiveFrom").asText()));
    given()
        .queryParam("page", 1)
        .queryParam("size", 10)
        .get("/api/v1/grids")
        .then()
        .statusCode(200)
        .body("page", equalTo(1))
        .body("numberReturned", equalTo(10));
    given()
        .queryParam("zone", "X")
        .get("/api/v1/grids")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("zone"));
    given()
        .queryParam("communityCode", "3501")
        .get("/api/v1/grids")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("communityCode"));
    given()
        .queryParam("size", 201)
        .get("/api/v1/grids")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
  }

  @Test
  void camerasByBoxAndGrid() {
    JsonNode cam = DemoFixture.features().get(FeatureKind.CAMERA).get(0);
    String id = cam.path("properties").path("id").asText(cam.path("id").asText());
    double lon = cam.path("geometry").path("coordinates").get(0).asDouble();
    double lat = cam.path("geometry").path("coordinates").get(1).asDouble();
    given()
        .queryParam(
            "bbox", (lon - 1e-4) + "," + (lat - 1e-4) + "," + (lon + 1e-4) + "," + (lat + 1e-4))
        .get("/api/v1/cameras")
        .then()
        .statusCode(200)
        .body("features.id", hasItem(id));
    given()
        .queryParam("size", 200)
        .get("/api/v1/cameras")
        .then()
        .statusCode(200)
        .body("numberReturned", equalTo(DemoFixture.features().get(FeatureKind.CAMERA).size()));
    String grid = cam.path("properties").path("gridCode").asText(null);
    if (grid != null) {
      given()
          .queryParam("gridCode", grid)
          .get("/api/v1/cameras")
          .then()
          .statusCode(200)
          .body("features.properties.gridCode", everyItem(equalTo(grid)));
    }
    given()
        .queryParam("gridCode", "12")
        .get("/api/v1/cameras")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("gridCode"));
  }
}
