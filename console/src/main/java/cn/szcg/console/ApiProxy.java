package cn.szcg.console;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The console's same-origin gateway (local stack): {@code /api/<service>/<rest>} is streamed to
 * {@code <upstream of service>/api/<rest>} — {@code /api/intake/v1/reports?page=0} → {@code
 * http://127.0.0.1:8082/api/v1/reports?page=0}. Method, query, body and the {@code Authorization}
 * header go through unchanged, so every service keeps checking the person's own token and scope;
 * the console itself holds no token and decides nothing. Bodies are streamed both ways (photos),
 * hop-by-hop headers dropped. An unknown service is a problem+json 404, an unreachable one 502, a
 * silent one 504. No CORS headers: the browser only ever talks to this origin (and to Keycloak for
 * the login).
 */
@ApplicationScoped
public class ApiProxy {

  private static final Logger LOG = Logger.getLogger(ApiProxy.class);

  /** RFC 9110 §7.6.1 connection-specific headers, never forwarded. */
  static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host");

  private final ConsoleConfig config;
  private final Map<String, URI> upstreams = new TreeMap<>();
  private HttpClient client;

  ApiProxy(ConsoleConfig config) {
    this.config = config;
    config.upstream().forEach((name, url) -> upstreams.put(name, URI.create(url)));
  }

  void routes(@Observes Router router, Vertx vertx) {
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(50)
                .setConnectTimeout(5_000)
                .setIdleTimeout((int) config.upstreamTimeout().toSeconds()));
    router.route("/api/*").handler(this::forward);
    router.get("/config.json").handler(this::browserConfig);
  }

  void log(@Observes StartupEvent ev) {
    LOG.infof("console proxy: %s", upstreams);
  }

  /** Maps {@code /api/intake/v1/x} to the intake upstream's {@code /api/v1/x}; null if unknown. */
  static String target(Map<String, URI> upstreams, String uri) {
    // uri is the request line's path + query, starting with /api/
    String rest = uri.substring("/api/".length());
    int slash = rest.indexOf('/');
    int query = rest.indexOf('?');
    int end = slash >= 0 ? slash : (query >= 0 ? query : rest.length());
    if (query >= 0 && query < end) {
      end = query;
    }
    URI base = upstreams.get(rest.substring(0, end).toLowerCase(Locale.ROOT));
    if (base == null || slash < 0 || (query >= 0 && query < slash)) {
      return null;
    }
    String baseUrl = base.toString();
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    return baseUrl + "/api" + rest.substring(slash);
  }

  private void forward(RoutingContext ctx) {
    HttpServerRequest in = ctx.request();
    String target = target(upstreams, in.uri());
    if (target == null || in.uri().contains("/../") || in.uri().endsWith("/..")) {
      problem(ctx.response(), 404, "未知服务 / unknown service", "no service at " + in.path());
      return;
    }
    in.pause();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    in.headers()
        .forEach(
            h -> {
              if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
              }
            });
    headers.set("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
    headers.set("X-Forwarded-Proto", in.scheme());
    RequestOptions options =
        new RequestOptions()
            .setMethod(in.method())
            .setAbsoluteURI(target)
            .setHeaders(headers)
            .setIdleTimeout(config.upstreamTimeout().toMillis());
    client
        .request(options)
        .compose(out -> out.send(in))
        .onSuccess(upstream -> respond(ctx.response(), upstream))
        .onFailure(
            err -> {
              LOG.debugf("upstream %s failed: %s", target, err.toString());
              boolean timeout = err instanceof java.util.concurrent.TimeoutException;
              if (!ctx.response().headWritten()) {
                problem(
                    ctx.response(),
                    timeout ? 504 : 502,
                    timeout ? "服务无响应 / service timed out" : "服务不可达 / service unreachable",
                    in.path());
              } else {
                ctx.response().reset();
              }
            });
  }

  private static void respond(HttpServerResponse out, HttpClientResponse upstream) {
    out.setStatusCode(upstream.statusCode());
    out.setStatusMessage(upstream.statusMessage());
    upstream
        .headers()
        .forEach(
            h -> {
              if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(h.getKey(), h.getValue());
              }
            });
    if (!upstream.headers().contains("content-length")) {
      out.setChunked(true);
    }
    upstream.pipeTo(out);
  }

  private void browserConfig(RoutingContext ctx) {
    JsonObject body =
        new JsonObject()
            .put("oidcAuthority", config.oidc().authority())
            .put("oidcClientId", config.oidc().clientId())
            .put("baseLayer", BaseLayer.of(config.baseLayer()).map(BaseLayer::json).orElse(null));
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  /** A problem+json answer (RFC 9457) in the services' "中文 / English" style. */
  public static void problem(HttpServerResponse out, int status, String title, String detail) {
    out.setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(
            new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .encode());
  }
}
