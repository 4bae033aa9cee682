package cn.szcg.intake.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The api_key against a real Keycloak with the local realm (deploy/local/keycloak): set
 * SZCG_OPEN311_KEYCLOAK to its realm URL, e.g. {@code http://127.0.0.1:8750/realms/minqing} of a
 * Keycloak started with {@code start_keycloak} (deploy/local/lib.sh). The example app {@code
 * open311-demo} registers a request with its local secret; a county system's client and a wrong
 * secret are refused.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(Open311RealKeycloakTest.RealRealm.class)
@EnabledIfEnvironmentVariable(named = "SZCG_OPEN311_KEYCLOAK", matches = "http.+")
class Open311RealKeycloakTest {

  public static class RealRealm implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // read while JUnit discovers the class, also when the variable is unset (the class is then
      // disabled): Map.of refuses null, so an unset variable must not reach it
      String realm = System.getenv().getOrDefault("SZCG_OPEN311_KEYCLOAK", "http://unset");
      return Map.of(
          "quarkus.oidc.auth-server-url",
          realm,
          "quarkus.oidc.public-key",
          "",
          "quarkus.oidc.token.issuer",
          realm,
          "szcg.open311.token-url",
          realm + "/protocol/openid-connect/token");
    }
  }

  static io.restassured.specification.RequestSpecification form(String key) {
    return given()
        .contentType(ContentType.URLENC.withCharset("UTF-8"))
        .formParam("api_key", key)
        .formParam("service_code", "C-0109")
        .formParam("lat", "26.2231")
        .formParam("long", "118.8632")
        .formParam("description", "真实 Keycloak " + UUID.randomUUID());
  }

  @Test
  void theRealmsOpen311AppMayPostACountySystemMayNot() {
    String id =
        form("open311-demo:open311-demo-local-secret")
            .post("/open311/v2/requests.json")
            .then()
            .statusCode(201)
            .extract()
            .path("[0].service_request_id");
    given()
        .queryParam("api_key", "open311-demo:open311-demo-local-secret")
        .get("/open311/v2/requests/" + id + ".json")
        .then()
        .statusCode(200)
        .body("[0].status", equalTo("open"));
    form("county-housing:county-housing-local-secret")
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(403)
        .body("[0].description", containsString("api_key"));
    form("open311-demo:wrong").post("/open311/v2/requests.json").then().statusCode(403);
  }
}
