package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only certified, active collectors of a unit under contract report or verify. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CollectorTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    Api.signIn(Api.ADMIN);
  }

  private static void unit(String id, String from, String to, boolean terminated) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"单位"
                + id
                + "\",\"contractFrom\":\""
                + from
                + "\""
                + (to == null ? "" : ",\"contractTo\":\"" + to + "\"")
                + ",\"terminated\":"
                + terminated
                + "}")
        .put("/api/v1/collection-units/" + id)
        .then()
        .statusCode(200);
  }

  private static void collector(String id, String unit, String cert) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"采集员"
                + id
                + "\",\"unitId\":\""
                + unit
                + "\""
                + (cert == null ? "" : ",\"certificate\":" + cert)
                + "}")
        .put("/api/v1/collectors/" + id)
        .then()
        .statusCode(200);
  }

  private static void refused(String collectorId, String reason) {
    Api.sender(Api.patrol(collectorId, "E-0101", 118.86, 26.22))
        .post("/api/v1/reports")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("collectorId"))
        .body("errors[0].code", equalTo(reason));
  }

  @Test
  void refusals() {
    String cert = "{\"number\":\"N1\",\"validFrom\":\"2025-01-01\"}";
    unit("U-OK", "2025-01-01", null, false);
    unit("U-ENDED", "2024-01-01", "2024-12-31", false);
    unit("U-TERM", "2025-01-01", null, true);
    collector("K-UNCERT", "U-OK", null);
    collector(
        "K-EXPIRED",
        "U-OK",
        "{\"number\":\"N2\",\"validFrom\":\"2024-01-01\",\"validTo\":\"2024-06-30\"}");
    collector("K-ENDED", "U-ENDED", cert);
    collector("K-TERM", "U-TERM", cert);
    collector("K-OK", "U-OK", cert);
    refused("K-UNCERT", "UNCERTIFIED");
    refused("K-EXPIRED", "CERTIFICATE_EXPIRED");
    refused("K-ENDED", "UNIT_CONTRACT_ENDED");
    refused("K-TERM", "UNIT_CONTRACT_ENDED");
    refused("K-NOBODY", "UNKNOWN_COLLECTOR");
    Api.register(Api.patrol("K-OK", "E-0101", 118.86, 26.22));
    given().get("/api/v1/collectors/K-OK").then().body("mayReport", equalTo(true));

    // deactivation refuses reports and verification results
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"虚报三次\"}")
        .post("/api/v1/collectors/K-OK/deactivation")
        .then()
        .statusCode(200)
        .body("deactivated", equalTo(true))
        .body("mayReport", equalTo(false));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"again\"}")
        .post("/api/v1/collectors/K-OK/deactivation")
        .then()
        .statusCode(409);
    refused("K-OK", "DEACTIVATED");
    String hot = Api.register(Api.hotline("COL-" + UUID.randomUUID(), "REPORT"));
    Api.as(Api.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"K-OK\"}")
        .post("/api/v1/reports/" + hot + "/verification")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("DEACTIVATED"));
    given()
        .post("/api/v1/collectors/K-OK/reactivation")
        .then()
        .statusCode(200)
        .body("mayReport", equalTo(true));
    given()
        .queryParam("unitId", "U-OK")
        .get("/api/v1/collectors")
        .then()
        .statusCode(200)
        .body("items.id", hasItem("K-UNCERT"));
    given().get("/api/v1/collection-units/U-TERM").then().body("terminated", equalTo(true));
  }

  @Test
  void badInput() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\"}")
        .put("/api/v1/collection-units/U-X")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contractFrom"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"contractFrom\":\"2026-02-01\",\"contractTo\":\"2026-01-01\"}")
        .put("/api/v1/collection-units/U-X")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contractTo"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"contractFrom\":\"not-a-date\"}")
        .put("/api/v1/collection-units/U-X")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contractFrom"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"unitId\":\"NOPE\"}")
        .put("/api/v1/collectors/K-X")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("unitId"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"unitId\":\"U-OK\"}")
        .put("/api/v1/collectors/bad id")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/collectors/K-X/deactivation")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    given().get("/api/v1/collectors/NOPE").then().statusCode(404);
    given().get("/api/v1/collectors?size=500").then().statusCode(400);
  }
}
