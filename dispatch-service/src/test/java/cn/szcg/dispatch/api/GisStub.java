package cn.szcg.dispatch.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for gis-service's component register: {@value #WATER_COVER} is maintained by the water
 * company, {@value #SLOW} answers too late (gis "down"), anything else is 404 — and, like gis, 401
 * without a bearer token from the token endpoint.
 *
 * <p>It is also the token endpoint of dispatch's OIDC client (client credentials of {@value
 * #CLIENT_ID}): tokens live one second, so every lookup soon asks again; with the system property
 * {@value #TOKEN_ENDPOINT_DOWN} set to true it answers 503, as a Keycloak that is down.
 */
public class GisStub implements QuarkusTestResourceLifecycleManager {

  public static final String WATER_COVER = "3501240101000001";
  public static final String SLOW = "3501240101999999";

  public static final String CLIENT_ID = "dispatch-service";
  public static final String CLIENT_SECRET = "dispatch-service-local-secret";
  public static final String TOKEN_ENDPOINT_DOWN = "gis-stub.token-endpoint-down";
  static final String TOKEN_PREFIX = "gis-stub-token-";
  private static final AtomicLong TOKENS = new AtomicLong();

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/realms/minqing/protocol/openid-connect/token",
        ex -> {
          String basic =
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
          String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          String body;
          if (Boolean.getBoolean(TOKEN_ENDPOINT_DOWN)) {
            status = 503;
            body = "{\"error\":\"temporarily_unavailable\"}";
          } else if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))
              || !form.contains("grant_type=client_credentials")) {
            status = 401;
            body = "{\"error\":\"unauthorized_client\"}";
          } else {
            status = 200;
            body =
                "{\"access_token\":\""
                    + TOKEN_PREFIX
                    + TOKENS.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":1}";
          }
          send(ex, status, body);
        });
    server.createContext(
        "/api/v1/components/",
        ex -> {
          String id = ex.getRequestURI().getPath().substring("/api/v1/components/".length());
          String auth = ex.getRequestHeaders().getFirst("Authorization");
          if (auth == null || !auth.startsWith("Bearer " + TOKEN_PREFIX)) {
            send(ex, 401, "{\"status\":401}");
            return;
          }
          int status = 404;
          String body = "{\"status\":404}";
          if (WATER_COVER.equals(id)) {
            status = 200;
            body =
                "{\"type\":\"Feature\",\"id\":\""
                    + id
                    + "\",\"properties\":{\"classCode\":\"0101\",\"maintainer\":\"闽清县自来水公司\"}}";
          } else if (SLOW.equals(id)) {
            try {
              Thread.sleep(10_000); // far beyond the 1.5 s lookup budget
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 200;
            body = "{\"properties\":{\"maintainer\":\"闽清县自来水公司\"}}";
          }
          send(ex, status, body);
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    String realm = url + "/realms/minqing";
    return Map.of(
        "szcg.gis.url",
        url,
        "quarkus.rest-client.gis.url",
        url,
        "quarkus.oidc-client.auth-server-url",
        realm,
        "%test.quarkus.oidc-client.auth-server-url",
        realm);
  }

  private static void send(HttpExchange ex, int status, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(status, b.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
    } catch (IOException e) {
      // the client gave up (timeout): nothing to do
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
