package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import cn.szcg.testsupport.KafkaTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The filing standard API: public reads, versions published and kept in the database. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CatalogueTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    Api.signIn(Api.ADMIN);
  }

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readPublishAndKeepVersions() throws Exception {
    String current =
        given()
            .get("/api/v1/filing-standard")
            .then()
            .statusCode(200)
            .body("version", equalTo(1))
            .body("categories.size()", greaterThan(30))
            .extract()
            .asString();
    given()
        .get("/api/v1/filing-standard/versions/1")
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    given().get("/api/v1/filing-standard/versions/99").then().statusCode(404);

    // publish version 2, taking effect in the future (so the rest of the suite still files under 1)
    ObjectNode next = (ObjectNode) JSON.readTree(current);
    next.put("effectiveFrom", "2099-01-01T00:00:00+08:00");
    ObjectNode first = (ObjectNode) next.withArray("categories").get(0);
    String code = first.get("code").asText();
    first.put("nameZh", first.get("nameZh").asText() + "（修订）");
    int version =
        given()
            .contentType(ContentType.JSON)
            .body(next.toString())
            .post("/api/v1/filing-standard/versions")
            .then()
            .statusCode(201)
            .body(
                "categories.find { it.code == '" + code + "' }.nameZh",
                org.hamcrest.Matchers.endsWith("（修订）"))
            .extract()
            .path("version");
    given().get("/api/v1/filing-standard/versions").then().body("version", hasItem(version));
    given().get("/api/v1/filing-standard").then().body("version", equalTo(1));
    given()
        .get("/api/v1/filing-standard/versions/" + version)
        .then()
        .statusCode(200)
        .body("version", equalTo(version));
  }

  @Test
  void invalidEditsNameTheField() throws Exception {
    String current = given().get("/api/v1/filing-standard").then().extract().asString();
    ObjectNode bad = (ObjectNode) JSON.readTree(current);
    bad.put("effectiveFrom", "2099-06-01T00:00:00+08:00");
    ArrayNode cats = bad.withArray("categories");
    ((ObjectNode) cats.get(1)).put("code", cats.get(0).get("code").asText()); // duplicate code
    given()
        .contentType(ContentType.JSON)
        .body(bad.toString())
        .post("/api/v1/filing-standard/versions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("categories[1]")));
    ObjectNode noDate = (ObjectNode) JSON.readTree(current);
    noDate.remove("effectiveFrom");
    given()
        .contentType(ContentType.JSON)
        .body(noDate.toString())
        .post("/api/v1/filing-standard/versions")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("effectiveFrom"));
    noDate.put("effectiveFrom", "next tuesday");
    given()
        .contentType(ContentType.JSON)
        .body(noDate.toString())
        .post("/api/v1/filing-standard/versions")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("effectiveFrom"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"categories\":")
        .post("/api/v1/filing-standard/versions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
