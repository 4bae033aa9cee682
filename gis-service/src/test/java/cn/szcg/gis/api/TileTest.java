package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.Gcj02;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.domain.tiles.TileCoord;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The county map's vector tiles (docs/gis.md §13): layers, attributes, zooms, GCJ-02, errors. */
@QuarkusTest
class TileTest {

  @BeforeEach
  void load() {
    TestTokens.useByDefault(TestTokens.of("shift-lead"));
    DemoFixture.load();
  }

  /** The tile holding (lon, lat) at zoom z. */
  static TileCoord tileAt(int z, double lon, double lat) {
    double n = 1 << z;
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new TileCoord(z, x, y);
  }

  /** (lon, lat) in the tile's 4096 units. */
  static double[] inTile(TileCoord t, double lon, double lat) {
    double n = t.span();
    double px = (lon + 180) / 360 * n;
    double r = Math.toRadians(lat);
    double py = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
    return new double[] {(px - t.x()) * 4096, (py - t.y()) * 4096};
  }

  static Map<String, MvtReader.Layer> fetch(TileCoord t, String crs) {
    var req = given();
    if (crs != null) {
      req = req.queryParam("crs", crs);
    }
    Response r = req.get("/api/v1/tiles/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt");
    r.then()
        .statusCode(200)
        .contentType("application/vnd.mapbox-vector-tile")
        .header("Cache-Control", "private, max-age=300");
    return MvtReader.read(r.asByteArray());
  }

  static MvtReader.Feature byAttr(MvtReader.Layer l, String key, String value) {
    return l.features().stream()
        .filter(f -> value.equals(f.attributes().get(key)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(l.name() + " has no " + key + "=" + value));
  }

  @Test
  void aTileAtStreetLevelCarriesEveryLayerWithItsAttributes() {
    JsonNode c = DemoFixture.pointComponent();
    JsonNode pos = c.path("geometry").path("coordinates");
    double lon = pos.get(0).asDouble();
    double lat = pos.get(1).asDouble();
    TileCoord t = tileAt(14, lon, lat);
    Map<String, MvtReader.Layer> layers = fetch(t, null);
    assertTrue(
        layers.keySet().containsAll(Set.of("townships", "communities", "grids", "components")),
        layers.keySet().toString());
    assertEquals(4096, layers.get("components").extent());

    String id = c.path("properties").path("id").asText();
    MvtReader.Feature f = byAttr(layers.get("components"), "id", id);
    String cls = c.path("properties").path("classCode").asText();
    assertEquals(1, f.type());
    assertEquals(cls, f.attributes().get("classCode"));
    assertEquals(cls.substring(0, 2), f.attributes().get("majorClass"));
    assertEquals(c.path("properties").path("state").asText(), f.attributes().get("state"));
    double[] expected = inTile(t, lon, lat);
    assertEquals(expected[0], f.vertices().get(0)[0], 1.0);
    assertEquals(expected[1], f.vertices().get(0)[1], 1.0);

    // the grid of the component, with its zone
    String gridCode = c.path("properties").path("gridCode").asText();
    MvtReader.Feature g = byAttr(layers.get("grids"), "code", gridCode);
    assertEquals(3, g.type());
    assertEquals(zoneOf(gridCode), g.attributes().get("zone"));
    assertTrue(
        layers.get("townships").features().stream()
            .allMatch(tw -> tw.attributes().get("name") != null));
    // from zoom 14 the components keep their shapes
    assertTrue(layers.get("components").features().stream().anyMatch(x -> x.type() != 1));
  }

  private static String zoneOf(String gridCode) {
    for (JsonNode g : DemoFixture.features().get(FeatureKind.GRID)) {
      if (gridCode.equals(g.path("properties").path("code").asText())) {
        return g.path("properties").path("zone").asText();
      }
    }
    throw new AssertionError("no grid " + gridCode);
  }

  @Test
  void theWholeCountyAtZoomEightHasEveryComponentAndBelowItOnlyTownships() {
    // the demo data lie around the county seat: the z8 tile of the seat holds them all
    TileCoord t = tileAt(8, 118.8625, 26.2215);
    Map<String, MvtReader.Layer> layers = fetch(t, null);
    Set<String> ids =
        layers.get("components").features().stream()
            .map(f -> (String) f.attributes().get("id"))
            .collect(Collectors.toSet());
    List<String> all =
        DemoFixture.features().get(FeatureKind.COMPONENT).findValuesAsText("id").stream()
            .filter(s -> s.length() == 16)
            .distinct()
            .toList();
    // every component of the demo fixture (other tests of the run may have imported more)
    assertTrue(
        ids.containsAll(all),
        "missing: " + all.stream().filter(i -> !ids.contains(i)).limit(5).toList());
    // below zoom 14 every component is one point (lines and polygons would collapse)
    assertTrue(layers.get("components").features().stream().allMatch(f -> f.type() == 1));
    assertFalse(layers.get("pipes").features().isEmpty());
    assertTrue(
        layers
            .get("pipes")
            .features()
            .get(0)
            .attributes()
            .keySet()
            .containsAll(Set.of("id", "type")));
    assertFalse(layers.get("cameras").features().isEmpty());
    Set<String> townships =
        layers.get("townships").features().stream()
            .map(f -> (String) f.attributes().get("name"))
            .collect(Collectors.toSet());
    assertTrue(townships.contains("梅城镇"), townships.toString());
    assertTrue(townships.size() >= 10, townships.toString());

    Map<String, MvtReader.Layer> z7 = fetch(tileAt(7, 118.8625, 26.2215), null);
    assertEquals(Set.of("townships"), z7.keySet());
    // far from the county: a valid, empty tile
    Map<String, MvtReader.Layer> empty = fetch(new TileCoord(14, 0, 0), null);
    assertTrue(empty.isEmpty(), empty.keySet().toString());
  }

  @Test
  void gcj02TilesAreShiftedForAGaodeBaseMap() {
    JsonNode c = DemoFixture.pointComponent();
    JsonNode pos = c.path("geometry").path("coordinates");
    double[] gcj = Gcj02.fromWgs84(pos.get(0).asDouble(), pos.get(1).asDouble());
    TileCoord t = tileAt(15, gcj[0], gcj[1]);
    MvtReader.Feature f =
        byAttr(fetch(t, "GCJ02").get("components"), "id", c.path("properties").path("id").asText());
    double[] expected = inTile(t, gcj[0], gcj[1]);
    // a unit of a z15 tile is ≈ 0.27 m here: within 2 units of the exact GCJ-02 position
    assertEquals(expected[0], f.vertices().get(0)[0], 2.0);
    assertEquals(expected[1], f.vertices().get(0)[1], 2.0);
  }

  @Test
  void aBadTileAddressIsA400NamingTheField() {
    bad("/api/v1/tiles/23/0/0.mvt", "z");
    bad("/api/v1/tiles/a/0/0.mvt", "z");
    bad("/api/v1/tiles/3/8/0.mvt", "x");
    bad("/api/v1/tiles/3/-1/0.mvt", "x");
    bad("/api/v1/tiles/3/0/8.mvt", "y");
    bad("/api/v1/tiles/3/0/y.mvt", "y");
    bad("/api/v1/tiles/14/13601/6954.mvt?crs=BD09", "crs");
  }

  private static void bad(String path, String field) {
    given()
        .get(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }
}
