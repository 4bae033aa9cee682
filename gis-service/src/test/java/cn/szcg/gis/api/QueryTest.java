package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Components by id, class and bbox, near a point; pipes; cameras. GeoJSON out. */
@QuarkusTest
class QueryTest {

  @BeforeEach
  void load() {
    TestTokens.useByDefault(TestTokens.of("operator"));
    DemoFixture.load();
  }

  @Test
  void componentByIdWithResponsibility() {
    JsonNode c = DemoFixture.pointComponent();
    JsonNode p = c.path("properties");
    given()
        .get("/api/v1/components/" + p.path("id").asText())
        .then()
        .statusCode(200)
        .body("type", equalTo("Feature"))
        .body("geometry.type", equalTo("Point"))
        .body("properties.classCode", equalTo(p.path("classCode").asText()))
        .body("properties.className", equalTo(p.path("className").asText()))
        .body("properties.department", equalTo(p.path("department").asText()))
        .body("properties.owner", equalTo(p.path("owner").asText()))
        .body("properties.maintainer", equalTo(p.path("maintainer").asText()))
        .body("properties.gridCode", equalTo(p.path("gridCode").asText()));
    given()
        .get("/api/v1/components/12345")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("id"));
    given().get("/api/v1/components/3501240101999999").then().statusCode(404);
  }

  @Test
  void componentsByClassAndBbox() {
    String bbox = "118.85,26.21,118.875,26.23";
    List<List<Double>> coords =
        given()
            .queryParam("classCode", "0117")
            .queryParam("bbox", bbox)
            .queryParam("size", 200)
            .get("/api/v1/components")
            .then()
            .statusCode(200)
            .body("type", equalTo("FeatureCollection"))
            .body("numberReturned", greaterThan(0))
            .body("features.properties.classCode", everyItem(equalTo("0117")))
            .extract()
            .path("features.geometry.coordinates");
    for (List<Double> xy : coords) {
      assertTrue(xy.get(0) >= 118.85 && xy.get(0) <= 118.875, "lon in bbox " + xy);
      assertTrue(xy.get(1) >= 26.21 && xy.get(1) <= 26.23, "lat in bbox " + xy);
    }
    long expected =
        java.util.stream.StreamSupport.stream(
                DemoFixture.features().get(FeatureKind.COMPONENT).spliterator(), false)
            .filter(f -> f.path("properties").path("classCode").asText().equals("0117"))
            .filter(f -> f.path("geometry").path("type").asText().equals("Point"))
            .filter(
                f -> {
                  double x = f.path("geometry").path("coordinates").get(0).asDouble();
                  double y = f.path("geometry").path("coordinates").get(1).asDouble();
                  return x >= 118.85 && x <= 118.875 && y >= 26.21 && y <= 26.23;
                })
            .count();
    assertTrue(coords.size() == Math.min(200, expected), coords.size() + " vs " + expected);
    given()
        .get("/api/v1/components")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"));
    given()
        .queryParam("classCode", "0199")
        .get("/api/v1/components")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("classCode"));
    given()
        .queryParam("bbox", "118.9,26.2,118.8,26.3")
        .get("/api/v1/components")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"));
    given()
        .queryParam("bbox", bbox)
        .queryParam("size", 201)
        .get("/api/v1/components")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
  }

  @Test
  void componentsNearAPoint() {
    JsonNode c = DemoFixture.pointComponent();
    double lon = c.path("geometry").path("coordinates").get(0).asDouble();
    double lat = c.path("geometry").path("coordinates").get(1).asDouble();
    given()
        .queryParam("lon", lon)
        .queryParam("lat", lat)
        .queryParam("radius", 200)
        .get("/api/v1/components/near")
        .then()
        .statusCode(200)
        .body("features[0].id", equalTo(c.path("properties").path("id").asText()))
        .body("features.properties.distanceM", everyItem(lessThanOrEqualTo(200.0)));
  }

  @Test
  void pipesInABboxAndCrossingABuffer() {
    JsonNode pipe = DemoFixture.features().get(FeatureKind.PIPE).get(0);
    String id = pipe.path("properties").path("id").asText();
    JsonNode first = pipe.path("geometry").path("coordinates").get(0);
    double lon = first.get(0).asDouble();
    double lat = first.get(1).asDouble();
    String bbox = (lon - 0.001) + "," + (lat - 0.001) + "," + (lon + 0.001) + "," + (lat + 0.001);
    given()
        .queryParam("bbox", bbox)
        .get("/api/v1/pipes")
        .then()
        .statusCode(200)
        .body("features.id", hasItem(id))
        .body("features.properties.owner", everyItem(notNullValue()));
    given()
        .queryParam("lon", lon)
        .queryParam("lat", lat)
        .queryParam("buffer", 5)
        .get("/api/v1/pipes/near")
        .then()
        .statusCode(200)
        .body("features.id", hasItem(id));
    // a line crossing the pipe's first vertex, buffered by 2 m
    String body =
        "{\"geometry\":{\"type\":\"LineString\",\"coordinates\":[["
            + (lon - 0.0005)
            + ","
            + (lat - 0.0005)
            + "],["
            + (lon + 0.0005)
            + ","
            + (lat + 0.0005)
            + "]]},\"bufferM\":2}";
    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/pipes/crossing")
        .then()
        .statusCode(200)
        .body("features.id", hasItem(id));
    // far away: nothing
    given()
        .queryParam("lon", 118.5)
        .queryParam("lat", 26.0)
        .queryParam("buffer", 5)
        .get("/api/v1/pipes/near")
        .then()
        .statusCode(200)
        .body("numberReturned", equalTo(0));
    given()
        .contentType("application/json")
        .body("{\"geometry\":{\"type\":\"Polygon\"},\"bufferM\":2}")
        .post("/api/v1/pipes/crossing")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("geometry.type"));
    given()
        .contentType("application/json")
        .body("{\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.86,26.22]}}")
        .post("/api/v1/pipes/crossing")
        .then()
        .statusCode(400);
  }

  @Test
  void cameraForTheVideoChannel() {
    JsonNode cam = DemoFixture.features().get(FeatureKind.CAMERA).get(0);
    String id = cam.path("properties").path("id").asText();
    double lon = cam.path("geometry").path("coordinates").get(0).asDouble();
    double lat = cam.path("geometry").path("coordinates").get(1).asDouble();
    var r =
        given()
            .get("/api/v1/cameras/" + id)
            .then()
            .statusCode(200)
            .body("id", equalTo(id))
            .body("lon", closeTo(lon, 1e-7))
            .body("lat", closeTo(lat, 1e-7))
            .body("position.type", equalTo("Point"))
            .body("gridCode", notNullValue())
            .body("zone", notNullValue());
    if (cam.path("properties").has("gridCode")) {
      r.body("gridCode", equalTo(cam.path("properties").path("gridCode").asText()));
    }
    given()
        .get("/api/v1/cameras/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
