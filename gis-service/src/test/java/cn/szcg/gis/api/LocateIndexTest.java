package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.demo.DemoDataGenerator;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.gis.infra.MapIndex;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
