package cn.szcg.system;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Where the running local stack is (deploy/local/start.sh), and waiting for it. */
final class Stack {

  static final String GIS = url("gis", 8081);
  static final String INTAKE = url("intake", 8082);
  static final String DISPATCH = url("dispatch", 8083);
  static final String SLA = url("sla", 8084);
  static final String ASSESSMENT = url("assessment", 8085);

  /** The realm of the locally started Keycloak (deploy/local/lib.sh start_keycloak). */
  static final String REALM =
      System.getProperty("szcg.oidc.url", "http://127.0.0.1:8180/realms/minqing");

  /** The demo users' password (deploy/local/keycloak/make-local-realm.py). */
  static final String PASSWORD = "Minqing2026";

  /** A local-only user holding every human role, for the bad-input campaign. */
  static final String CAMPAIGN_USER = "qa-campaign";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();

  private Stack() {}

  private static String url(String service, int port) {
    return System.getProperty("szcg." + service + ".url", "http://127.0.0.1:" + port);
  }

  static RequestSpecification at(String baseUrl) {
    return given().baseUri(baseUrl);
  }

  /** A request as {@code user} (a demo user of the local realm) with a real Keycloak token. */
  static RequestSpecification as(String user, String baseUrl) {
    return given().baseUri(baseUrl).auth().oauth2(token(user));
  }

  /** A request as a machine client (client-credentials grant, local secret). */
  static RequestSpecification asClient(String clientId, String baseUrl) {
    return given().baseUri(baseUrl).auth().oauth2(clientToken(clientId));
  }

  /** A password-grant access token of {@code user} from Keycloak (szcg-web client), cached. */
  static String token(String user) {
    return cached(
        "user:" + user,
        "grant_type=password&client_id=szcg-web&scope=openid&username="
            + enc(user)
            + "&password="
            + enc(PASSWORD));
  }

  /** A client-credentials access token of a confidential client, cached. */
  static String clientToken(String clientId) {
    return cached(
        "client:" + clientId,
        "grant_type=client_credentials&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(clientId + "-local-secret"));
  }

  private static String cached(String key, String form) {
    String[] hit = TOKENS.get(key);
    long now = System.currentTimeMillis();
    if (hit != null && Long.parseLong(hit[1]) > now + 30_000) {
      return hit[0];
    }
    try {
      HttpResponse<String> res =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new AssertionError(
            "no token for " + key + ": " + res.statusCode() + " " + res.body());
      }
      JsonNode json = new ObjectMapper().readTree(res.body());
      String token = json.path("access_token").asText();
      long expires = now + json.path("expires_in").asLong(60) * 1000;
      TOKENS.put(key, new String[] {token, Long.toString(expires)});
      return token;
    } catch (java.io.IOException e) {
      throw new AssertionError("Keycloak at " + REALM + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException | AssertionError e) {
        // not yet
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    throw new AssertionError(what + " not seen within " + timeout.toSeconds() + " s");
  }
}
