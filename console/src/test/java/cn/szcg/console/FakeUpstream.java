package cn.szcg.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for intake-service: echoes what reached it (method, path with query, Authorization,
 * body) as JSON; {@code /api/v1/refuse} answers a problem+json 409. The console under test points
 * its intake upstream here; gis points at a closed port (unreachable).
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

  private Vertx vertx;
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    try {
      server =
          vertx
              .createHttpServer()
              .requestHandler(
                  req ->
                      req.body()
                          .onSuccess(
                              body -> {
                                if (req.path().equals("/api/v1/refuse")) {
                                  req.response()
                                      .setStatusCode(409)
                                      .putHeader("Content-Type", "application/problem+json")
                                      .end("{\"title\":\"状态冲突 / Conflict\",\"status\":409}");
                                  return;
                                }
                                JsonObject echo =
                                    new JsonObject()
                                        .put("method", req.method().name())
                                        .put("uri", req.uri())
                                        .put("authorization", req.getHeader("Authorization"))
                                        .put("connection", req.getHeader("Proxy-Authorization"))
                                        .put("body", body.toString());
                                req.response()
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("X-Upstream", "intake")
                                    .end(echo.encode());
                              }))
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Map.of(
        "szcg.console.upstream.intake",
        "http://127.0.0.1:" + server.actualPort(),
        "szcg.console.upstream.gis",
        "http://127.0.0.1:1");
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
