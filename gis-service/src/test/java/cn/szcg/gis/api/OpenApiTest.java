package cn.szcg.gis.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every gis endpoint is in the OpenAPI document with a bilingual summary ("中文 / English"). */
@QuarkusTest
class OpenApiTest {

  @Test
  void everyOperationIsDocumentedBilingually() throws Exception {
    String doc =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode paths = DemoFixture.MAPPER.readTree(doc).path("paths");
    for (String p :
        List.of(
            "/api/v1/locate",
            "/api/v1/components/{id}",
            "/api/v1/components",
            "/api/v1/components/near",
            "/api/v1/pipes",
            "/api/v1/pipes/near",
            "/api/v1/pipes/crossing",
            "/api/v1/cameras/{id}",
            "/api/v1/grids/{code}",
            "/api/v1/grids/{code}/zone-changes",
            "/api/v1/imports/{kind}")) {
      assertTrue(paths.has(p), "documented: " + p);
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      if (path.getKey().startsWith("/api/v1/audit")) {
        continue; // platform's AuditResource, documented (and tagged) by platform, not by gis
      }
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String summary = op.getValue().path("summary").asText("");
        if (!summary.contains(" / ") || !summary.codePoints().anyMatch(c -> c > 0x4e00)) {
          missing.add(op.getKey() + " " + path.getKey());
        }
        if (op.getValue().path("tags").isEmpty()) {
          missing.add("tag: " + op.getKey() + " " + path.getKey());
        }
      }
    }
    assertTrue(missing.isEmpty(), "without a bilingual summary or tag: " + missing);
  }
}
