package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.demo.DemoDataGenerator;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.gis.infra.MapIndex;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory locate answers byte for byte what PostGIS answers (the SQL path is the reference),
 * and a change of the map (a zone change) is never answered from the old index.
 */
@QuarkusTest
class LocateIndexTest {

  @Inject GisQueries queries;
  @Inject MapIndex index;
  @Inject ObjectMapper json;

  @BeforeEach
  void load() throws Exception {
    TestTokens.useByDefault(TestTokens.of("admin"));
    DemoFixture.load();
    assertTrue(index.awaitFresh(Duration.ofSeconds(60)), "index loaded");
  }

  private String answer(boolean memory, double lon, double lat, Instant at, int r, int n)
      throws Exception {
    try {
      GisQueries.Location l =
          memory ? queries.locateInMemory(lon, lat, at, r, n) : queries.locate(lon, lat, at, r, n);
      assertNotNull(l, "index fresh");
      return json.writeValueAsString(l);
    } catch (ProblemException e) {
      return "problem " + e.getMessage();
    }
  }

  private void same(double lon, double lat, Instant at, int r, int n) throws Exception {
    assertEquals(
        answer(false, lon, lat, at, r, n),
        answer(true, lon, lat, at, r, n),
        "locate(" + lon + ", " + lat + ", " + at + ", " + r + ", " + n + ")");
  }

  @Test
  void memoryAnswersWhatPostgisAnswers() throws Exception {
    Random rnd = new Random(11);
    Instant now = Instant.now();
    Instant before = Instant.parse("2025-06-01T00:00:00Z");
    double half = Math.sqrt(DemoFixture.OPTIONS.grids()) / 2 + 3;
    // random points over the gridded area and beyond its edge
    for (int i = 0; i < 400; i++) {
      double lon = 118.862 + (rnd.nextDouble() * 2 - 1) * half * DemoDataGenerator.GRID_DLON;
      double lat = 26.221 + (rnd.nextDouble() * 2 - 1) * half * DemoDataGenerator.GRID_DLAT;
      same(lon, lat, i % 5 == 0 ? before : now, 1 + rnd.nextInt(500), rnd.nextInt(51));
    }
    // on components (distance 0, polygons and lines included) and on grid corners (shared edges)
    List<JsonNode> comps = new ArrayList<>();
    DemoFixture.features().get(FeatureKind.COMPONENT).forEach(comps::add);
    for (int i = 0; i < 150; i++) {
      JsonNode g = comps.get(rnd.nextInt(comps.size())).path("geometry");
      JsonNode c = g.path("coordinates");
      while (c.get(0).isArray()) {
        c = c.get(0);
      }
      same(c.get(0).asDouble(), c.get(1).asDouble(), now, 50, 10);
    }
    int k = 0;
    for (JsonNode grid : DemoFixture.features().get(FeatureKind.GRID)) {
      if (k++ % 7 == 0) {
        JsonNode corner = grid.path("geometry").path("coordinates").get(0).get(0);
        same(corner.get(0).asDouble(), corner.get(1).asDouble(), now, 100, 5);
      }
    }
    // the whole county: townships, villages outside the grids, outside the outline
    for (int i = 0; i < 200; i++) {
      same(118.3 + rnd.nextDouble() * 0.9, 25.9 + rnd.nextDouble() * 0.7, now, 50, 3);
    }
  }

  @Test
  void aZoneChangeIsNeverAnsweredFromTheOldIndex() throws Exception {
    JsonNode g = null;
    int n = 0;
    for (JsonNode x : DemoFixture.features().get(FeatureKind.GRID)) {
      if ("FRINGE".equals(x.path("properties").path("zone").asText()) && n++ == 5) {
        g = x;
      }
    }
    String code = g.path("properties").path("code").asText();
    double[] c = DemoFixture.centre(g);
    long t = System.currentTimeMillis() / 1000 * 1000;
    given()
        .contentType("application/json")
        .body(
            "{\"zone\":\"URBAN\",\"effectiveFrom\":\""
                + Instant.ofEpochMilli(t - 60_000)
                + "\",\"reason\":\"索引测试 / index test\"}")
        .post("/api/v1/grids/" + code + "/zone-changes")
        .then()
        .statusCode(201);
    // right after the change: the old index is not used (PostGIS answers until it is reloaded)
    String z =
        given()
            .auth()
            .oauth2(TestTokens.of("szcg-service"))
            .queryParam("lon", c[0])
            .queryParam("lat", c[1])
            .get("/api/v1/locate")
            .then()
            .statusCode(200)
            .extract()
            .path("zone");
    assertEquals("URBAN", z);
    assertTrue(index.awaitFresh(Duration.ofSeconds(60)));
    Instant now = Instant.now();
    assertTrue(answer(true, c[0], c[1], now, 50, 5).contains("\"zone\":\"URBAN\""));
    same(c[0], c[1], now, 50, 5);
    same(c[0], c[1], Instant.ofEpochMilli(t - 60_001), 50, 5);
    same(c[0], c[1], Instant.ofEpochMilli(t - 60_000), 50, 5);
  }

  /**
   * What intake asks for its location context (radius 50 m, at most 5 components —
   * szcg.gis.nearest-components.* of intake-service): the nearest components with id, class and
   * name, distance to 0.1 m, nearest first; a component imported next to the point is in the very
   * next answer (never the old index), and memory and PostGIS then answer alike.
   */
  @Test
  void aComponentImportIsNeverAnsweredFromTheOldIndex() throws Exception {
    // an urban grid no other test locates in
    JsonNode g = null;
    int n = 0;
    for (JsonNode x : DemoFixture.features().get(FeatureKind.GRID)) {
      if ("URBAN".equals(x.path("properties").path("zone").asText()) && n++ == 40) {
        g = x;
      }
    }
    double[] c = DemoFixture.centre(g);
    double metre = 1 / (111_320.0 * Math.cos(Math.toRadians(c[1])));
    String id = "3501240101980001"; // 上水井盖, a serial the demo data does not use
    ObjectNode f = json.createObjectNode().put("type", "Feature");
    f.putObject("geometry")
        .put("type", "Point")
        .putArray("coordinates")
        .add(c[0] + 5 * metre)
        .add(c[1]);
    f.putObject("properties")
        .put("id", id)
        .put("classCode", "0101")
        .put("name", "定位索引测试井盖")
        .put("state", "破损")
        .put("department", "县住房和城乡建设局")
        .put("owner", "闽清县自来水公司")
        .put("maintainer", "闽清县自来水公司")
        .put("dataSource", "测试")
        .put("surveyDate", "2026-03-01");
    ArrayNode fs = json.createArrayNode().add(f);
    given()
        .contentType("application/geo+json")
        .body(DemoFixture.collection(fs))
        .post("/api/v1/imports/components")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1));
    // right after the import, as intake asks it
    JsonNode answer =
        json.readTree(
            given()
                .auth()
                .oauth2(TestTokens.of("szcg-service"))
                .queryParam("lon", c[0])
                .queryParam("lat", c[1])
                .queryParam("radius", 50)
                .queryParam("limit", 5)
                .get("/api/v1/locate")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    JsonNode comps = answer.path("components");
    assertTrue(comps.size() >= 1 && comps.size() <= 5, comps.toString());
    JsonNode ours = null;
    double previous = -1;
    for (JsonNode x : comps) {
      double d = x.path("distanceM").asDouble();
      assertTrue(d >= previous && d <= 50, "nearest first, within the radius: " + comps);
      assertEquals(Math.round(d * 10) / 10.0, d, "rounded to 0.1 m: " + d);
      assertTrue(x.path("classCode").isTextual() && x.path("className").isTextual(), x.toString());
      previous = d;
      if (id.equals(x.path("id").asText())) {
        ours = x;
      }
    }
    assertNotNull(ours, "the new component is answered at once: " + comps);
    assertEquals("0101", ours.path("classCode").asText());
    assertEquals("上水井盖", ours.path("className").asText());
    assertEquals("DAMAGED", ours.path("state").asText());
    assertEquals(5.0, ours.path("distanceM").asDouble(), 0.1);
    assertTrue(index.awaitFresh(Duration.ofSeconds(60)));
    assertTrue(answer(true, c[0], c[1], Instant.now(), 50, 5).contains(id));
    same(c[0], c[1], Instant.now(), 50, 5);
    same(c[0] + 5 * metre, c[1], Instant.now(), 50, 5);
  }
}
