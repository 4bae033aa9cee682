package cn.szcg.dispatch.api;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for gis-service's component register: {@value #WATER_COVER} is maintained by the water
 * company, {@value #SLOW} answers too late (gis "down"), anything else is 404.
 */
public class GisStub implements QuarkusTestResourceLifecycleManager {

  public static final String WATER_COVER = "3501240101000001";
  public static final String SLOW = "3501240101999999";

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/api/v1/components/",
        ex -> {
          String id = ex.getRequestURI().getPath().substring("/api/v1/components/".length());
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
              Thread.sleep(3000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 200;
            body = "{\"properties\":{\"maintainer\":\"闽清县自来水公司\"}}";
          }
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
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return Map.of("szcg.gis.url", url, "quarkus.rest-client.gis.url", url);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
