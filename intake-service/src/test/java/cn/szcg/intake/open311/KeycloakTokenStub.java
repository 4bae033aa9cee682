package cn.szcg.intake.open311;

import cn.szcg.testsupport.security.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The realm's token endpoint as Open311Keys uses it (client-credentials grant), on a free port:
 * {@code open311-demo:demo-secret} is an Open311 app (role open311-app), {@code
 * county-housing:housing-secret} a county system (no open311-app role); anything else is 401 as
 * Keycloak answers an unknown client or a wrong secret. The tokens are the suite's signed test
 * tokens, so intake verifies them as it verifies any bearer token.
 */
public class KeycloakTokenStub implements QuarkusTestResourceLifecycleManager {

  static final String APP_KEY = "open311-demo:demo-secret";
  static final String OTHER_APP_KEY = "open311-other:other-secret";
  static final String COUNTY_KEY = "county-housing:housing-secret";

  /** Token requests answered (a remembered key asks no more). */
  static final AtomicInteger CALLS = new AtomicInteger();

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
          CALLS.incrementAndGet();
          Map<String, String> form = new HashMap<>();
          for (String p :
              new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int i = p.indexOf('=');
            if (i > 0) {
              form.put(
                  URLDecoder.decode(p.substring(0, i), StandardCharsets.UTF_8),
                  URLDecoder.decode(p.substring(i + 1), StandardCharsets.UTF_8));
            }
          }
          String key = form.get("client_id") + ":" + form.get("client_secret");
          String token = null;
          if ("client_credentials".equals(form.get("grant_type"))) {
            if (APP_KEY.equals(key)) {
              token = app("open311-demo");
            } else if (OTHER_APP_KEY.equals(key)) {
              token = app("open311-other");
            } else if (COUNTY_KEY.equals(key)) {
              token =
                  TestTokens.user("service-account-county-housing", "county-system")
                      .client("county-housing")
                      .build();
            }
          }
          String body =
              token == null
                  ? "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or"
                      + " Invalid client credentials\"}"
                  : "{\"access_token\":\""
                      + token
                      + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}";
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(token == null ? 401 : 200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    server.start();
    return Map.of(
        "szcg.open311.token-url",
        "http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/realms/minqing/protocol/openid-connect/token");
  }

  private static String app(String client) {
    return TestTokens.user("service-account-" + client, "open311-app").client(client).build();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
