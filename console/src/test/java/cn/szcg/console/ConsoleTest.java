package cn.szcg.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console app: the built web app is served (its own routes too), and /api/<service>/... is a
 * real proxy to the service — path rewritten, query, body and the person's Authorization passed
 * through, hop-by-hop headers dropped, problem+json refusals passed back untouched, no CORS.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class ConsoleTest {

  @Test
  void aServiceCallGoesToItsServiceWithTheTokenPathAndQuery() {
    given()
        .header("Authorization", "Bearer abc.def.ghi")
        .when()
        .get("/api/intake/v1/reports?page=2&status=REGISTERED")
        .then()
        .statusCode(200)
        .header("X-Upstream", "intake")
        .body("method", equalTo("GET"))
        .body("uri", equalTo("/api/v1/reports?page=2&status=REGISTERED"))
        .body("authorization", equalTo("Bearer abc.def.ghi"));
  }

  @Test
  void aBodyIsStreamedThroughAndHopByHopHeadersStay() {
    given()
        .header("Authorization", "Bearer t")
        .header("Proxy-Authorization", "Basic secret")
        .contentType("application/json")
        .body("{\"categoryCode\":\"E-0101\"}")
        .when()
        .post("/api/intake/v1/reports/42/filing")
        .then()
        .statusCode(200)
        .body("method", equalTo("POST"))
        .body("uri", equalTo("/api/v1/reports/42/filing"))
        .body("body", equalTo("{\"categoryCode\":\"E-0101\"}"))
        .body("connection", nullValue());
  }

  @Test
  void aRefusalComesBackAsTheServiceSentIt() {
    given()
        .when()
        .post("/api/intake/v1/refuse")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("title", equalTo("状态冲突 / Conflict"));
  }

  @Test
  void anUnknownServiceIsA404ProblemAndAnUnreachableOneA502() {
    given()
        .when()
        .get("/api/nosuch/v1/x")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .when()
        .get("/api/gis/v1/areas")
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("title", containsString("unreachable"));
  }

  @Test
  void noCorsHeadersAreGiven() {
    given()
        .header("Origin", "http://evil.example")
        .when()
        .get("/api/intake/v1/reports")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void theTargetMappingKeepsToTheApiPrefix() {
    Map<String, URI> up = Map.of("intake", URI.create("http://h:1/"));
    assertEquals(
        "http://h:1/api/v1/reports?x=1", ApiProxy.target(up, "/api/intake/v1/reports?x=1"));
    assertNull(ApiProxy.target(up, "/api/intake?x=1"));
    assertNull(ApiProxy.target(up, "/api/other/v1/x"));
  }

  @Test
  void theAppIsServedAtItsOwnRoutesAndTellsTheLogin() {
    given().when().get("/").then().statusCode(200).body(containsString("<div id=\"app\">"));
    given().when().get("/intake").then().statusCode(200).body(containsString("<div id=\"app\">"));
    given()
        .when()
        .get("/config.json")
        .then()
        .statusCode(200)
        .body("oidcClientId", equalTo("szcg-web"))
        .body("oidcAuthority", containsString("/realms/minqing"))
        // the map's online base layer: none unless configured (off by default, issue 17)
        .body("baseLayer", org.hamcrest.Matchers.nullValue());
    given().when().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void theAppsFilesAreCompressedAndTheProxyPassesBodiesAsTheyCome() {
    String html = given().when().get("/").then().statusCode(200).extract().asString();
    java.util.regex.Matcher js =
        java.util.regex.Pattern.compile("/assets/[^\"]+\\.js").matcher(html);
    org.junit.jupiter.api.Assertions.assertTrue(js.find(), html);
    given()
        .header("Accept-Encoding", "gzip")
        .when()
        .get(js.group())
        .then()
        .statusCode(200)
        .header("Content-Encoding", "gzip");
    // a service's answer is not re-encoded by the proxy
    given()
        .header("Accept-Encoding", "gzip")
        .header("Authorization", "Bearer t")
        .when()
        .get("/api/intake/v1/reports")
        .then()
        .statusCode(200)
        .header("Content-Encoding", org.hamcrest.Matchers.not(equalTo("gzip")));
  }

  @Test
  void thePagesMayTalkOnlyToThisOriginAndKeycloak() {
    given()
        .when()
        .get("/intake")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("script-src 'self';"))
        .header(
            "Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:8180;"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
  }
}
