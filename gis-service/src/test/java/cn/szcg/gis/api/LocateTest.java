package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.Gcj02;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.infra.MapIndex;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** locate: township, community, grid, zone, nearby components. */
@QuarkusTest
class LocateTest {

  @Inject MapIndex index;

  @BeforeEach
  void load() throws InterruptedException {
    TestTokens.useByDefault(TestTokens.of("szcg-service"));
    DemoFixture.load();
    // answered from the in-memory index (LocateIndexTest compares it with PostGIS)
    assertTrue(index.awaitFresh(Duration.ofSeconds(60)), "locate index loaded");
  }

  private static Response locate(double lon, double lat) {
    return given().queryParam("lon", lon).queryParam("lat", lat).when().get("/api/v1/locate");
  }

  @Test
  void urbanGridAtTheCountySeat() {
    JsonNode g = DemoFixture.grid("URBAN");
    String code = g.path("properties").path("code").asText();
    double[] c = DemoFixture.centre(g);
    locate(c[0], c[1])
        .then()
        .statusCode(200)
        .body("countyCode", equalTo("350124"))
        .body("gridCode", equalTo(code))
        .body("zone", equalTo("URBAN"))
        .body("zoneNameZh", equalTo("城区"))
        .body("communityCode", equalTo(code.substring(0, 12)))
        .body("townshipCode", equalTo(code.substring(0, 9)))
        .body("townshipName", equalTo("梅城镇"))
        .body("communityName", notNullValue());
  }

  @Test
  void fringeGridDoublesLimitsElsewhere() {
    JsonNode g = DemoFixture.grid("FRINGE");
    double[] c = DemoFixture.centre(g);
    locate(c[0], c[1])
        .then()
        .statusCode(200)
        .body("gridCode", equalTo(g.path("properties").path("code").asText()))
        .body("zone", equalTo("FRINGE"))
        .body("zoneNameZh", equalTo("城乡结合部"));
  }

  @Test
  void beforeTheGridsTookEffectThereIsNoGrid() {
    double[] c = DemoFixture.centre(DemoFixture.grid("URBAN"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("at", "2025-06-01T00:00:00Z")
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("gridCode", nullValue())
        .body("zone", equalTo("OTHER"))
        .body("townshipName", equalTo("梅城镇"));
  }

  @Test
  void outsideTheCountyIs400NamingTheField() {
    locate(120.3, 26.2)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("lon"))
        .body("errors[0].code", equalTo("out-of-county"));
    locate(118.86, 27.5).then().statusCode(400).body("errors[0].field", equalTo("lat"));
    // inside the bounding box but outside the county outline (the box's south-west corner)
    locate(118.301, 25.901)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lon"))
        .body("errors[0].code", equalTo("out-of-county"));
  }

  @Test
  void missingOrBadCoordinatesAre400() {
    given()
        .queryParam("lon", 118.86)
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lat"))
        .body("errors[0].code", equalTo("required"));
    given()
        .queryParam("lon", "abc")
        .queryParam("lat", 26.2)
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lon"));
    given()
        .queryParam("lon", 118.86)
        .queryParam("lat", 95)
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lat"));
    given()
        .queryParam("lon", 118.86)
        .queryParam("lat", 26.22)
        .queryParam("radius", 501)
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("radius"));
    given()
        .queryParam("lon", 118.86)
        .queryParam("lat", 26.22)
        .queryParam("at", "yesterday")
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("at"));
    given()
        .queryParam("lon", 118.86)
        .queryParam("lat", 26.22)
        .queryParam("crs", "BD09")
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("crs"));
  }

  @Test
  void nearestComponentsWithOwnersAndMaintainers() {
    JsonNode comp = DemoFixture.pointComponent();
    JsonNode p = comp.path("properties");
    double lon = comp.path("geometry").path("coordinates").get(0).asDouble();
    double lat = comp.path("geometry").path("coordinates").get(1).asDouble();
    Response r =
        given()
            .queryParam("lon", lon)
            .queryParam("lat", lat)
            .queryParam("radius", 100)
            .when()
            .get("/api/v1/locate");
    r.then()
        .statusCode(200)
        .body("radiusM", equalTo(100))
        .body("components[0].id", equalTo(p.path("id").asText()))
        .body("components[0].owner", equalTo(p.path("owner").asText()))
        .body("components[0].maintainer", equalTo(p.path("maintainer").asText()))
        .body("components[0].department", equalTo(p.path("department").asText()))
        .body("components[0].distanceM", lessThan(0.5))
        .body("components[0].geometry.type", equalTo("Point"))
        .body("components.distanceM", everyItem(lessThanOrEqualTo(100.0)));
    List<Double> d = r.jsonPath().getList("components.distanceM", Double.class);
    List<Double> sorted = new ArrayList<>(d);
    sorted.sort(null);
    assertEquals(sorted, d, "nearest first");
    // every demo component within 100 m is listed (up to the limit)
    long expected = countWithin(lon, lat, 100);
    assertEquals(Math.min(expected, 10), d.size());
  }

  private static long countWithin(double lon, double lat, double m) {
    long n = 0;
    for (JsonNode c : DemoFixture.features().get(FeatureKind.COMPONENT)) {
      JsonNode g = c.path("geometry");
      if (!"Point".equals(g.path("type").asText())) {
        continue;
      }
      double x = g.path("coordinates").get(0).asDouble();
      double y = g.path("coordinates").get(1).asDouble();
      double dx = Math.toRadians(x - lon) * Math.cos(Math.toRadians(lat)) * 6_371_000;
      double dy = Math.toRadians(y - lat) * 6_371_000;
      if (Math.hypot(dx, dy) < m - 1) {
        n++;
      }
    }
    return n;
  }

  @Test
  void gcj02InputIsConvertedToWgs84() {
    JsonNode g = DemoFixture.grid("URBAN");
    double[] c = DemoFixture.centre(g);
    double[] gcj = Gcj02.fromWgs84(c[0], c[1]);
    assertTrue(Math.abs(gcj[0] - c[0]) > 0.003, "GCJ-02 shifts by hundreds of metres");
    given()
        .queryParam("lon", gcj[0])
        .queryParam("lat", gcj[1])
        .queryParam("crs", "GCJ02")
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("gridCode", equalTo(g.path("properties").path("code").asText()))
        .body("lon", org.hamcrest.Matchers.closeTo(c[0], 1e-7))
        .body("lat", org.hamcrest.Matchers.closeTo(c[1], 1e-7));
    // the same GCJ-02 numbers read as WGS84 land in another grid
    String other = locate(gcj[0], gcj[1]).then().statusCode(200).extract().path("gridCode");
    assertTrue(other == null || !other.equals(g.path("properties").path("code").asText()));
  }

  @Test
  void limitZeroAnswersTheAreaOnly() {
    double[] c = DemoFixture.centre(DemoFixture.grid("URBAN"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("limit", 0)
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("components.size()", equalTo(0))
        .body("gridCode", notNullValue());
  }

  @Test
  void componentsListedHaveIds() {
    double[] c = DemoFixture.centre(DemoFixture.grid("URBAN"));
    given()
        .queryParam("lon", c[0])
        .queryParam("lat", c[1])
        .queryParam("radius", 300)
        .when()
        .get("/api/v1/locate")
        .then()
        .statusCode(200)
        .body("components.id", everyItem(notNullValue()))
        .body("components.owner", hasItem(notNullValue()));
  }
}
