package cn.szcg.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Security headers of the app's pages: a Content-Security-Policy that lets the page load scripts
 * only from this origin and talk only to this origin and the Keycloak realm (the token endpoint),
 * so an injected script could neither be loaded from elsewhere nor send a token away; no framing.
 * Element Plus sets inline styles ('unsafe-inline' for styles only); MapLibre's worker comes from
 * this origin, photos are shown as blob: URLs.
 */
@ApplicationScoped
public class SecurityHeaders {

  private final String policy;

  SecurityHeaders(ConsoleConfig config) {
    URI authority = URI.create(config.oidc().authority());
    String keycloak =
        authority.getScheme()
            + "://"
            + authority.getHost()
            + (authority.getPort() > 0 ? ":" + authority.getPort() : "");
    // the 地图's online base layer, when one is configured: its tiles are fetched (connect-src)
    String tiles = BaseLayer.of(config.baseLayer()).map(b -> " " + b.origin()).orElse("");
    policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' blob: data:"
            + tiles
            + "; font-src 'self' data:; worker-src 'self' blob:;"
            + " connect-src 'self' "
            + keycloak
            + tiles
            + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self' "
            + keycloak;
  }

  void routes(@Observes Router router) {
    router
        .route()
        .order(-100)
        .handler(
            ctx -> {
              String path = ctx.normalizedPath();
              if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                ctx.response()
                    .putHeader("Content-Security-Policy", policy)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer");
              }
              ctx.next();
            });
  }

  String policy() {
    return policy;
  }
}
