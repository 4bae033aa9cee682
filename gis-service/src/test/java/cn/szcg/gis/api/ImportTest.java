package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.gis.domain.Gcj02;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/imports/{kind}: validation report, partial load of the good ones, idempotency. */
@QuarkusTest
class ImportTest {

  @Inject DataSource dataSource;

  @BeforeEach
  void load() {
    TestTokens.useByDefault(TestTokens.of("admin"));
    DemoFixture.load();
  }

  private long count(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static ObjectNode component(String id, String classCode, JsonNode geometry) {
    ObjectNode f = DemoFixture.MAPPER.createObjectNode().put("type", "Feature");
    f.set("geometry", geometry);
    f.putObject("properties")
        .put("id", id)
        .put("classCode", classCode)
        .put("name", "测试部件")
        .put("state", "完好")
        .put("department", "县住房和城乡建设局")
        .put("owner", "闽清县自来水公司")
        .put("maintainer", "闽清县自来水公司")
        .put("dataSource", "测试")
        .put("surveyDate", "2026-03-01");
    return f;
  }

  private static JsonNode point(double lon, double lat) {
    ObjectNode g = DemoFixture.MAPPER.createObjectNode().put("type", "Point");
    g.putArray("coordinates").add(lon).add(lat);
    return g;
  }

  private static JsonNode polygon(double[][] ring) {
    ObjectNode g = DemoFixture.MAPPER.createObjectNode().put("type", "Polygon");
    ArrayNode r = g.putArray("coordinates").addArray();
    for (double[] p : ring) {
      r.addArray().add(p[0]).add(p[1]);
    }
    return g;
  }

  private static Response post(String kind, String body) {
    return given()
        .contentType("application/geo+json")
        .body(body)
        .when()
        .post("/api/v1/imports/" + kind);
  }

  @Test
  void everyRejectedPathIsReportedAndTheGoodOnesLoad() throws Exception {
    ArrayNode fs = DemoFixture.MAPPER.createArrayNode();
    // 0: good
    fs.add(component("3501240101900001", "0101", point(118.861, 26.221)));
    // 1: self-intersecting polygon (bow tie): structurally fine, caught by PostGIS ST_IsValid
    fs.add(
        component(
            "3501240405900001",
            "0405",
            polygon(
                new double[][] {
                  {118.860, 26.220},
                  {118.861, 26.221},
                  {118.861, 26.220},
                  {118.860, 26.221},
                  {118.860, 26.220}
                })));
    // 2: unknown class code 0199
    fs.add(component("3501240199900001", "0199", point(118.861, 26.221)));
    // 3 and 4: duplicate id
    fs.add(component("3501240101900002", "0101", point(118.862, 26.222)));
    fs.add(component("3501240101900002", "0101", point(118.863, 26.223)));
    // 5: bad geometry, axes swapped
    fs.add(component("3501240101900003", "0101", point(26.221, 118.861)));
    // 6: polygon ring not closed
    fs.add(
        component(
            "3501240405900002",
            "0405",
            polygon(
                new double[][] {
                  {118.86, 26.22}, {118.861, 26.22}, {118.861, 26.221}, {118.86, 26.2205}
                })));
    // 7: a feature-level CRS other than WGS84
    ObjectNode wrongCrs = component("3501240101900004", "0101", point(118.861, 26.221));
    wrongCrs.putObject("crs").put("type", "name").putObject("properties").put("name", "EPSG:4549");
    fs.add(wrongCrs);
    // 8: good, second one
    fs.add(component("3501240101900005", "0101", point(118.8615, 26.2215)));

    post("components", DemoFixture.collection(fs))
        .then()
        .statusCode(200)
        .body("kind", equalTo("components"))
        .body("total", equalTo(9))
        .body("accepted", equalTo(2))
        .body("rejectedFeatures", equalTo(7))
        .body("rejected.index", hasItems(1, 2, 3, 4, 5, 6, 7))
        .body("rejected.find { it.index == 1 }.field", equalTo("geometry"))
        .body("rejected.find { it.index == 1 }.reasonEn", containsString("Self-intersection"))
        .body("rejected.find { it.index == 1 }.reasonZh", containsString("几何图形无效"))
        .body("rejected.find { it.index == 2 }.field", equalTo("properties.classCode"))
        .body("rejected.find { it.index == 3 }.reasonEn", containsString("duplicate id"))
        .body("rejected.find { it.index == 4 }.reasonEn", containsString("[3]"))
        .body("rejected.find { it.index == 5 }.field", containsString("geometry.coordinates"))
        .body("rejected.find { it.index == 6 }.field", containsString("geometry.coordinates"))
        .body("rejected.find { it.index == 7 }.field", equalTo("crs"))
        .body("rejected.find { it.index == 7 }.reasonEn", containsString("wrong SRID"));

    given().get("/api/v1/components/3501240101900001").then().statusCode(200);
    given().get("/api/v1/components/3501240101900005").then().statusCode(200);
    for (String id :
        List.of(
            "3501240405900001",
            "3501240101900002",
            "3501240101900003",
            "3501240405900002",
            "3501240101900004")) {
      given().get("/api/v1/components/" + id).then().statusCode(404);
    }
  }

  @Test
  void wrongSridForTheFileLoadsNothing() throws Exception {
    ArrayNode fs = DemoFixture.MAPPER.createArrayNode();
    fs.add(component("3501240101910001", "0101", point(118.861, 26.221)));
    ObjectNode fc = DemoFixture.MAPPER.createObjectNode().put("type", "FeatureCollection");
    fc.putObject("crs").put("type", "name").putObject("properties").put("name", "EPSG:4549");
    fc.set("features", fs);
    post("components", fc.toString())
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("accepted", equalTo(0))
        .body("rejected[0].index", equalTo(-1))
        .body("rejected[0].field", equalTo("crs"));
    given().get("/api/v1/components/3501240101910001").then().statusCode(404);

    // the CRS after the features: still nothing loaded (one transaction, rolled back)
    String late =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + component("3501240101910002", "0101", point(118.861, 26.221))
            + "],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}}";
    post("components", late).then().statusCode(200).body("accepted", equalTo(0));
    given().get("/api/v1/components/3501240101910002").then().statusCode(404);
  }

  @Test
  void notAFeatureCollectionAndMalformedJson() {
    post("components", "{\"type\":\"Feature\"}")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(0))
        .body("rejected[0].field", equalTo("type"));
    post("components", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"));
    post("bridges", "{}").then().statusCode(400).body("errors[0].field", equalTo("kind"));
    given()
        .contentType("application/geo+json")
        .body("{}")
        .queryParam("crs", "BD09")
        .post("/api/v1/imports/components")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("crs"));
  }

  @Test
  void gridWithSelfIntersectingPolygonIsRejected() {
    ArrayNode fs = DemoFixture.MAPPER.createArrayNode();
    ObjectNode f = DemoFixture.MAPPER.createObjectNode().put("type", "Feature");
    f.set(
        "geometry",
        polygon(
            new double[][] {
              {118.70, 26.10},
              {118.701, 26.101},
              {118.701, 26.10},
              {118.70, 26.101},
              {118.70, 26.10}
            }));
    f.putObject("properties")
        .put("code", "3501241002019999")
        .put("zone", "城区")
        .put("effectiveFrom", "2026-01-01");
    fs.add(f);
    post("grids", DemoFixture.collection(fs))
        .then()
        .statusCode(200)
        .body("accepted", equalTo(0))
        .body("rejected[0].field", equalTo("geometry"))
        .body("rejected[0].reasonEn", containsString("invalid geometry"));
  }

  @Test
  void aComponentWithoutGridCodeGetsTheGridContainingIt() {
    JsonNode grid = DemoFixture.grid("URBAN");
    String gridCode = grid.path("properties").path("code").asText();
    double[] c = DemoFixture.centre(grid);
    String inGrid = "3501240101930001";
    String kept = "3501240101930002";
    String outside = "3501240101930003";
    ObjectNode withCode = component(kept, "0101", point(c[0], c[1]));
    ((ObjectNode) withCode.path("properties")).put("gridCode", "3501241000019997");
    String body =
        DemoFixture.collection(
            DemoFixture.MAPPER
                .createArrayNode()
                .add(component(inGrid, "0101", point(c[0], c[1])))
                .add(withCode)
                // a village far from the gridded county seat
                .add(component(outside, "0101", point(118.45, 26.02))));
    post("components", body).then().statusCode(200).body("accepted", equalTo(3));
    given()
        .get("/api/v1/components/" + inGrid)
        .then()
        .statusCode(200)
        .body("properties.gridCode", equalTo(gridCode));
    given()
        .get("/api/v1/components/" + kept)
        .then()
        .statusCode(200)
        .body("properties.gridCode", equalTo("3501241000019997"));
    given()
        .get("/api/v1/components/" + outside)
        .then()
        .statusCode(200)
        .body("properties.gridCode", nullValue());
  }

  @Test
  void reImportIsIdempotent() throws Exception {
    long components = count("SELECT count(*) FROM component");
    long zones = count("SELECT count(*) FROM grid_zone");
    for (FeatureKind k : List.of(FeatureKind.GRID, FeatureKind.COMPONENT)) {
      ArrayNode fs = DemoFixture.features().get(k);
      post(k.plural(), DemoFixture.collection(fs))
          .then()
          .statusCode(200)
          .body("accepted", equalTo(fs.size()));
    }
    assertEquals(components, count("SELECT count(*) FROM component"));
    assertEquals(zones, count("SELECT count(*) FROM grid_zone"), "no new zone entries");
  }

  @Test
  void gcj02ImportIsStoredInWgs84() {
    double[] wgs = {118.8655, 26.2255};
    double[] gcj = Gcj02.fromWgs84(wgs[0], wgs[1]);
    ArrayNode fs = DemoFixture.MAPPER.createArrayNode();
    fs.add(component("3501240101920001", "0101", point(gcj[0], gcj[1])));
    given()
        .contentType("application/geo+json")
        .queryParam("crs", "GCJ02")
        .body(DemoFixture.collection(fs))
        .post("/api/v1/imports/components")
        .then()
        .statusCode(200)
        .body("crs", equalTo("GCJ02"))
        .body("accepted", equalTo(1));
    given()
        .get("/api/v1/components/3501240101920001")
        .then()
        .statusCode(200)
        .body("geometry.coordinates[0]", closeTo(wgs[0], 1e-7))
        .body("geometry.coordinates[1]", closeTo(wgs[1], 1e-7))
        .body("properties.state", equalTo("INTACT"));
  }

  @Test
  void theImporterIsTheTokensUser() throws Exception {
    TestTokens.clearDefault(); // this request carries its own token
    ArrayNode fs = DemoFixture.MAPPER.createArrayNode();
    fs.add(component("3501240101930001", "0101", point(118.8612, 26.2212)));
    given()
        .auth()
        .oauth2(TestTokens.user("gis-admin-zhang", "admin").build())
        .contentType("application/geo+json")
        .body(DemoFixture.collection(fs))
        .post("/api/v1/imports/components")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1));
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT imported_by FROM component WHERE id = '3501240101930001'")) {
      rs.next();
      assertEquals("gis-admin-zhang", rs.getString(1));
    }
  }
}
