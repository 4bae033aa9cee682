package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.szcg.gis.demo.DemoDataGenerator;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.EnumMap;
import java.util.Map;

/**
 * A small deterministic Minqing (300 grids, 3,000 components, 40 pipes, 20 cameras), generated once
 * per JVM and loaded through the HTTP import into the test database (cleaned at start).
 */
final class DemoFixture {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final DemoDataGenerator.Options OPTIONS =
      new DemoDataGenerator.Options(DemoDataGenerator.Options.DEFAULT_SEED, 300, 3000, 40, 20);

  private static Map<FeatureKind, ArrayNode> features;
  private static boolean loaded;

  private DemoFixture() {}

  static synchronized Map<FeatureKind, ArrayNode> features() {
    if (features == null) {
      Map<FeatureKind, ArrayNode> m = new EnumMap<>(FeatureKind.class);
      for (FeatureKind k : FeatureKind.values()) {
        m.put(k, MAPPER.createArrayNode());
      }
      new DemoDataGenerator(OPTIONS).generate((k, f) -> m.get(k).add(f));
      features = m;
    }
    return features;
  }

  static String collection(ArrayNode features) {
    ObjectNode fc = MAPPER.createObjectNode().put("type", "FeatureCollection");
    fc.set("features", features);
    return fc.toString();
  }

  /**
   * Loads every kind once (areas first) as an administrator (imports are admin only), asserting
   * nothing is rejected. The test's own default token is kept for its requests.
   */
  static synchronized void load() {
    RestAssured.config =
        RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"))
            .jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    if (loaded) {
      return;
    }
    String admin = TestTokens.of("admin");
    RequestSpecification saved = RestAssured.requestSpecification;
    RestAssured.requestSpecification = null;
    try {
      importAll(admin);
    } finally {
      RestAssured.requestSpecification = saved;
    }
    loaded = true;
  }

  private static void importAll(String adminToken) {
    for (FeatureKind k : FeatureKind.values()) {
      ArrayNode fs = features().get(k);
      given()
          .auth()
          .oauth2(adminToken)
          .contentType("application/geo+json")
          .body(collection(fs))
          .when()
          .post("/api/v1/imports/" + k.plural())
          .then()
          .statusCode(200)
          .body("total", equalTo(fs.size()))
          .body("accepted", equalTo(fs.size()))
          .body("rejected.size()", equalTo(0));
    }
  }

  /** The first generated grid of a zone. */
  static JsonNode grid(String zone) {
    for (JsonNode g : features().get(FeatureKind.GRID)) {
      if (zone.equals(g.path("properties").path("zone").asText())) {
        return g;
      }
    }
    throw new IllegalStateException("no grid in zone " + zone);
  }

  /** Centre {lon, lat} of a grid square. */
  static double[] centre(JsonNode grid) {
    JsonNode ring = grid.path("geometry").path("coordinates").get(0);
    double lon = 0;
    double lat = 0;
    for (int i = 0; i < 4; i++) {
      lon += ring.get(i).get(0).asDouble();
      lat += ring.get(i).get(1).asDouble();
    }
    return new double[] {lon / 4, lat / 4};
  }

  /** The first generated component with a Point geometry. */
  static JsonNode pointComponent() {
    for (JsonNode c : features().get(FeatureKind.COMPONENT)) {
      if ("Point".equals(c.path("geometry").path("type").asText())
          && c.path("properties").has("gridCode")) {
        return c;
      }
    }
    throw new IllegalStateException("no point component");
  }
}
