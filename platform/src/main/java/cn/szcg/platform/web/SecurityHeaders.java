package cn.szcg.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every response of every service, Swagger UI and the other {@code /q/} routes included
 * (issue 19, docs/security.md "Hardening"):
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} — a browser never guesses a type;
 *   <li>{@code X-Frame-Options: DENY} and {@code Content-Security-Policy: frame-ancestors 'none'} —
 *       no page (Swagger UI included) can be framed (clickjacking);
 *   <li>{@code Cache-Control: no-store} on {@code /api/} responses — they carry personal data and
 *       case evidence; an endpoint that sets its own Cache-Control keeps it.
 * </ul>
 *
 * A Vert.x filter, not a JAX-RS one, so that the routes outside JAX-RS get them too; set when the
 * headers are written, and only where the answer did not set them itself.
 */
@ApplicationScoped
public class SecurityHeaders {

  void install(@Observes Filters filters) {
    filters.register(
        rc -> {
          String path = rc.normalizedPath();
          rc.addHeadersEndHandler(
              v -> {
                MultiMap h = rc.response().headers();
                setIfAbsent(h, "X-Content-Type-Options", "nosniff");
                setIfAbsent(h, "X-Frame-Options", "DENY");
                setIfAbsent(h, "Content-Security-Policy", "frame-ancestors 'none'");
                if (path != null && path.startsWith("/api/")) {
                  setIfAbsent(h, "Cache-Control", "no-store");
                }
              });
          rc.next();
        },
        // early, so that every later handler's answer passes through
        10_000);
  }

  private static void setIfAbsent(MultiMap h, String name, String value) {
    if (!h.contains(name)) {
      h.set(name, value);
    }
  }
}
