package cn.szcg.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The five stored OpenAPI documents (docs/api.md) are client-ready: every operation has an
 * operationId, lowerCamel in the domain's words, unique across the whole suite (a client of several
 * services never gets two methods of the same name), a security requirement, and the documents
 * declare servers, a licence and the bearer scheme (issue 22).
 */
class OperationIdsTest {

  static final List<String> SERVICES = List.of("gis", "intake", "dispatch", "sla", "assessment");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");
  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, JsonNode> documents() throws Exception {
    Path repo = Path.of(System.getProperty("szcg.repo", ".."));
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    for (String s : SERVICES) {
      Path doc = repo.resolve(s + "-service/target/openapi/openapi.json");
      assertTrue(
          Files.exists(doc),
          doc
              + " is missing: the service's build stores it (./mvnw package -pl "
              + s
              + "-service)");
      docs.put(s, JSON.readTree(doc.toFile()));
    }
    return docs;
  }

  @Test
  void everyOperationHasAnIdUniqueAcrossTheSuite() throws Exception {
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (var doc : documents().entrySet()) {
      for (var path : doc.getValue().path("paths").properties()) {
        for (var op : path.getValue().properties()) {
          if (!METHODS.contains(op.getKey())) {
            continue;
          }
          String where =
              doc.getKey() + "-service " + op.getKey().toUpperCase() + " " + path.getKey();
          String id = op.getValue().path("operationId").asText("");
          if (id.isEmpty()) {
            problems.add(
                where
                    + ": no operationId — add @Operation(operationId = \"verbNoun\") (docs/api.md)");
            continue;
          }
          if (!id.matches("[a-z][a-zA-Z0-9]*")) {
            problems.add(where + ": operationId " + id + " is not lowerCamel");
          }
          String before = seen.putIfAbsent(id, where);
          if (before != null) {
            problems.add(where + ": operationId " + id + " already used by " + before);
          }
          if (!op.getValue().has("security")) {
            problems.add(
                where
                    + ": no security requirement (@RolesAllowed or @PermitAll + "
                    + "@SecurityRequirementsSet)");
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(seen.size() > 120, "operations found: " + seen.size());
  }

  @Test
  void everyDocumentDeclaresServersLicenceAndTheBearerScheme() throws Exception {
    for (var doc : documents().entrySet()) {
      JsonNode d = doc.getValue();
      assertTrue(d.path("servers").size() > 0, doc.getKey() + ": servers");
      assertTrue(
          d.path("info").path("license").path("name").asText("").contains("闽清县"),
          doc.getKey() + ": licence");
      JsonNode scheme = d.path("components").path("securitySchemes").path("bearer");
      assertEquals("http", scheme.path("type").asText(), doc.getKey() + ": bearer scheme");
      assertEquals("bearer", scheme.path("scheme").asText(), doc.getKey() + ": bearer scheme");
    }
  }
}
