package cn.szcg.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The app's own routes (/intake, /callback, ...) are the single page {@code index.html}: a reload
 * or a typed address of such a path gets the page, which then routes in the browser. Paths with a
 * dot (files), {@code /api/}, {@code /live/} (the push channel) and {@code /q/} are left to their
 * handlers.
 */
@ApplicationScoped
public class SpaFallback {

  static final String APP_PATH = "^/(?!api/|q/|live/)[^.]+$";

  void routes(@Observes Router router) {
    router
        .getWithRegex(APP_PATH)
        .handler(
            ctx -> {
              ctx.response().putHeader("Cache-Control", "no-cache");
              ctx.reroute("/index.html");
            });
  }
}
