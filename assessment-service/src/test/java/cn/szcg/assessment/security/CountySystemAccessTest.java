package cn.szcg.assessment.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A county system (县级其他系统, its own client of the realm with role county-system; R-07, Art 39) reads
 * a unit's monthly figures and the ranking, changes nothing, and every read is in the audit trail
 * under its client id (docs/api.md, "County systems").
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CountySystemAccessTest {

  static final String HOUSING =
      TestTokens.user("service-account-county-housing", "county-system")
          .client("county-housing")
          .build();

  @BeforeEach
  void plain() {
    TestTokens.clearDefault();
  }

  @Test
  void readsFiguresAndRankingChangesNothingAndIsAudited() {
    given()
        .auth()
        .oauth2(HOUSING)
        .queryParam("period", "2026-03")
        .get("/api/v1/figures/units/U-WATER")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(HOUSING)
        .queryParam("period", "2026-03")
        .get("/api/v1/rankings")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(HOUSING)
        .contentType(ContentType.JSON)
        .body("{\"weights\":{},\"reason\":\"x\"}")
        .put("/api/v1/config/weights")
        .then()
        .statusCode(403);
    given().auth().oauth2(HOUSING).get("/api/v1/notices").then().statusCode(403);

    List<Map<String, Object>> rows =
        given()
            .auth()
            .oauth2(TestTokens.user("admin-1", "admin").build())
            .queryParam("who", "service-account-county-housing")
            .queryParam("limit", 50)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    "GET".equals(r.get("method"))
                        && "county-housing".equals(r.get("client"))
                        && "/api/v1/figures/units/U-WATER?period=2026-03".equals(r.get("path"))),
        rows.toString());
    assertTrue(
        rows.stream().anyMatch(r -> ((String) r.get("path")).startsWith("/api/v1/rankings")),
        rows.toString());
  }
}
