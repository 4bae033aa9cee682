package cn.szcg.console.live;

import cn.szcg.console.ApiProxy;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /live/events}: the push channel (实时推送) as server-sent events over a plain HTTP
 * response. The browser opens it with {@code fetch} and its bearer token in the {@code
 * Authorization} header (never in the URL, so not EventSource) and reads the body as a stream.
 *
 * <p>The token is verified against the realm here (quarkus-oidc, bearer) — only for this path: the
 * {@code /api/<service>/} proxy passes the header on untouched and never asks for an identity
 * (authentication is not proactive), pages and {@code /config.json} stay public. No token or a
 * token that does not verify: 401; a person who is neither of the command center, nor a unit's with
 * its {@code unit_id}, nor a collector with its {@code collector_id}: 403 — both problem+json. The
 * command center's roles read every case (dispatch-service), so telling them that case X changed
 * discloses nothing they could not read; a unit's people (处置通) hear only of the cases their unit
 * holds or held an order of, a collector (城管通) only of its own reports and tasks — scoped by the
 * server from what the events carry ({@link Audiences}), the frame still {kind, id, change, at}.
 */
@ApplicationScoped
public class LiveStream {

  /** The command center's roles (platform Roles; console roles.ts CENTER). */
  static final Set<String> CENTER_ROLES =
      Set.of(
          "operator",
          "shift-lead",
          "dispatcher",
          "supervision-office",
          "efficiency-office",
          "county-government",
          "admin");

  /** A unit's roles (处置通): receiver 批办件接收人员, leader in charge 分管领导, handler 处置人员. */
  static final Set<String> UNIT_ROLES = Set.of("unit-receiver", "unit-leader", "unit-handler");

  private final LiveHub hub;
  private final IdentityProviderManager identities;

  LiveStream(LiveHub hub, IdentityProviderManager identities) {
    this.hub = hub;
    this.identities = identities;
  }

  void routes(@Observes Router router) {
    router.get("/live/events").order(-10).handler(this::open);
  }

  private void open(RoutingContext ctx) {
    Context context = Vertx.currentContext();
    ctx.request().pause();
    // a token that does not verify: our problem+json 401 instead of Quarkus' empty challenge
    ctx.put(
        QuarkusHttpUser.AUTH_FAILURE_HANDLER,
        (BiConsumer<RoutingContext, Throwable>)
            (c, failure) -> context.runOnContext(v -> unauthorized(c)));
    QuarkusHttpUser.getSecurityIdentity(ctx, identities)
        .subscribe()
        .with(
            identity -> context.runOnContext(v -> decide(ctx, context, identity)),
            failure -> context.runOnContext(v -> unauthorized(ctx)));
  }

  private void decide(RoutingContext ctx, Context context, SecurityIdentity identity) {
    ctx.request().resume();
    if (identity == null || identity.isAnonymous()) {
      unauthorized(ctx);
      return;
    }
    Audience.Viewer viewer = viewerOf(identity);
    if (viewer == null) {
      ApiProxy.problem(
          ctx.response(),
          403,
          "无权访问 / Forbidden",
          "实时推送仅向指挥中心角色、处置单位人员（令牌须带所属单位 unit_id）和信息采集员（令牌须带采集员编号"
              + " collector_id）开放 / the push channel is for the command center's roles, unit people"
              + " (with unit_id) and collectors (with collector_id)");
      return;
    }
    Instant expiresAt = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
      expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
    }
    ctx.response()
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    hub.attach(ctx.response(), context, expiresAt, identity.getPrincipal().getName(), viewer);
  }

  /**
   * Whose changes this person may hear of: a command center role every change; else a unit role
   * with the token's {@code unit_id} the changes of its unit's cases; else a collector with {@code
   * collector_id} those of its reports and tasks; null (403) for anyone else, and for a unit or
   * collector token without its claim (the services refuse such a token as well).
   */
  static Audience.Viewer viewerOf(SecurityIdentity identity) {
    if (CENTER_ROLES.stream().anyMatch(identity::hasRole)) {
      return new Audience.Viewer.Center();
    }
    if (UNIT_ROLES.stream().anyMatch(identity::hasRole)) {
      String unit = claim(identity, "unit_id");
      if (unit != null) {
        return new Audience.Viewer.Unit(unit);
      }
    }
    if (identity.hasRole("collector")) {
      String collector = claim(identity, "collector_id");
      if (collector != null) {
        return new Audience.Viewer.Collector(collector);
      }
    }
    return null;
  }

  private static String claim(SecurityIdentity identity, String name) {
    if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return null;
    }
    Object v = jwt.getClaim(name);
    if (v == null) {
      return null;
    }
    String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
    return s.isBlank() ? null : s;
  }

  private static void unauthorized(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      return;
    }
    ctx.request().resume();
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    ApiProxy.problem(
        ctx.response(),
        401,
        "未登录或登录已过期 / Not authenticated",
        "需要有效的访问令牌 / a valid bearer token is required");
  }
}
