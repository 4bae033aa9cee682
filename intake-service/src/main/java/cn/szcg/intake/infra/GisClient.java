package cn.szcg.intake.infra;

import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.contracts.events.Zone;
import cn.szcg.gisclient.GisApi;
import cn.szcg.gisclient.ServiceToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The only synchronous call intake makes: gis-service, for the location context of a point ({@code
 * GET /api/v1/locate?lon=&lat=}) and the position of a camera ({@code GET /api/v1/cameras/{id}}),
 * through the suite's one gis client ({@link GisApi}, module gis-client, shared with dispatch: a
 * REST client with short timeouts, {@code quarkus.rest-client.gis.*}, and the service token). Its
 * fallback: a small circuit breaker — after a failure the calls are skipped for {@code
 * szcg.gis.breaker-open-ms} and answered "not known", so a slow or absent gis-service costs
 * registration nothing; the background {@code LocationEnricher} attaches the context later.
 *
 * <p>Every call carries intake's own client-credentials token ({@link ServiceToken}; gis-service
 * requires the role {@code szcg-service}). No token (the token endpoint down or slow) or a refused
 * one (401/403) counts as gis being unavailable: the breaker opens and registration goes on without
 * the context.
 *
 * <p>Tolerant reading: unknown fields are ignored; codes and names are accepted flat ({@code
 * townshipCode}) or nested ({@code township: {code, name}}). The nearest components (部件) are asked
 * with {@code radius} = {@code szcg.gis.nearest-components.radius-m} (50) and {@code limit} =
 * {@code szcg.gis.nearest-components.limit} (5) and read from gis's {@code components} array (an
 * entry without id, class code or distance is skipped); an answer without that array gives {@code
 * nearestComponents = null} (not known), an empty array an empty list (none within the radius).
 */
@ApplicationScoped
public class GisClient {

  private static final Logger LOG = Logger.getLogger(GisClient.class);

  @Inject @RestClient GisApi api;

  @Inject ServiceToken token;

  @ConfigProperty(name = "szcg.gis.connect-timeout-ms", defaultValue = "300")
  long connectTimeoutMs;

  @ConfigProperty(name = "szcg.gis.read-timeout-ms", defaultValue = "800")
  long readTimeoutMs;

  @ConfigProperty(name = "szcg.gis.breaker-open-ms", defaultValue = "5000")
  long breakerOpenMs;

  /** Nearest components: within this many metres (gis accepts 1–500). */
  @ConfigProperty(name = "szcg.gis.nearest-components.radius-m", defaultValue = "50")
  int nearestRadiusM;

  /** Nearest components: at most this many (gis accepts 0–50; 0 asks for none). */
  @ConfigProperty(name = "szcg.gis.nearest-components.limit", defaultValue = "5")
  int nearestLimit;

  private final AtomicLong openUntil = new AtomicLong();
  private final AtomicLong lastAuthWarning = new AtomicLong();

  /** A camera's position and, if gis-service knows it, its grid. */
  public record CameraPosition(GeoPoint point, String gridCode) {}

  @PostConstruct
  void init() {
    if (nearestRadiusM < 1 || nearestRadiusM > 500) {
      throw new IllegalStateException(
          "szcg.gis.nearest-components.radius-m must be 1–500, is " + nearestRadiusM);
    }
    if (nearestLimit < 0 || nearestLimit > 50) {
      throw new IllegalStateException(
          "szcg.gis.nearest-components.limit must be 0–50, is " + nearestLimit);
    }
  }

  /** Whether calls are currently skipped after a failure. */
  public boolean breakerOpen() {
    return System.currentTimeMillis() < openUntil.get();
  }

  /** Test hook: close the breaker. */
  public void resetBreaker() {
    openUntil.set(0);
  }

  public Optional<LocationContext> locate(double lon, double lat) {
    return get(gis -> gis.locate(lon, lat, nearestRadiusM, nearestLimit))
        .flatMap(n -> contextOf(n, nearestLimit));
  }

  public Optional<CameraPosition> camera(String cameraId) {
    return get(gis -> gis.camera(cameraId)).flatMap(GisClient::cameraOf);
  }

  private Optional<JsonNode> get(Function<GisApi, Uni<JsonNode>> call) {
    if (breakerOpen()) {
      return Optional.empty();
    }
    try {
      token.accessToken(); // no token, no call: gis counts as unavailable
    } catch (RuntimeException e) {
      authProblem(
          "no service token from the token endpoint ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
      trip("no service token");
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          call.apply(api).await().atMost(Duration.ofMillis(connectTimeoutMs + readTimeoutMs)));
    } catch (WebApplicationException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      if (status == 401 || status == 403) {
        // our token was refused (expired early, keys rotated, role missing): get a new one next
        // time
        token.invalidate();
        authProblem("gis-service refused intake's service token: HTTP " + status);
        trip("HTTP " + status);
        return Optional.empty();
      }
      if (status >= 400 && status < 500) {
        // gis answered: nothing there, or not a point it knows (e.g. 400 out of the county's
        // polygons) — an answer, not an outage, so the breaker stays closed
        return Optional.empty();
      }
      trip("HTTP " + status);
      return Optional.empty();
    } catch (RuntimeException e) {
      trip(e.getClass().getSimpleName() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A configuration problem operators must see, logged at most once a minute. */
  private void authProblem(String what) {
    long now = System.currentTimeMillis();
    long last = lastAuthWarning.get();
    if (now - last > 60_000 && lastAuthWarning.compareAndSet(last, now)) {
      LOG.warnf(
          "%s; location context is attached later (check quarkus.oidc-client.* and the role"
              + " szcg-service of the intake-service client)",
          what);
    }
  }

  private void trip(String why) {
    openUntil.set(System.currentTimeMillis() + breakerOpenMs);
    LOG.debugf("gis-service unavailable (%s); skipping calls for %d ms", why, breakerOpenMs);
  }

  static Optional<LocationContext> contextOf(JsonNode n, int limit) {
    if (n == null || !n.isObject()) {
      return Optional.empty();
    }
    String townshipCode = text(n, "townshipCode", "township", "code");
    String townshipName = text(n, "townshipName", "township", "name");
    String communityCode = text(n, "communityCode", "community", "code");
    String communityName = text(n, "communityName", "community", "name");
    String gridCode = text(n, "gridCode", "grid", "code");
    Zone zone = zoneOf(text(n, "zone", "grid", "zone"));
    if (townshipCode == null && communityCode == null && gridCode == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LocationContext(
            townshipCode,
            townshipName,
            communityCode,
            communityName,
            gridCode,
            zone,
            componentsOf(n.get("components"), limit)));
  }

  /**
   * gis's {@code components} (nearest first) as event values: {@code id} (or {@code componentId}),
   * {@code classCode}, {@code distanceM} required, the rest optional; null without the array.
   */
  static List<NearbyComponent> componentsOf(JsonNode array, int limit) {
    if (array == null || !array.isArray()) {
      return null;
    }
    List<NearbyComponent> out = new ArrayList<>();
    for (JsonNode c : array) {
      if (out.size() >= limit) {
        break;
      }
      String id = value(c, "id");
      if (id == null) {
        id = value(c, "componentId");
      }
      String classCode = value(c, "classCode");
      JsonNode d = c.get("distanceM");
      if (id == null || classCode == null || d == null || !d.isNumber()) {
        continue;
      }
      out.add(
          new NearbyComponent(
              id,
              classCode,
              value(c, "className"),
              value(c, "name"),
              value(c, "state"),
              value(c, "department"),
              value(c, "owner"),
              value(c, "maintainer"),
              Math.round(d.asDouble() * 10) / 10.0));
    }
    return out;
  }

  private static String value(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  static Optional<CameraPosition> cameraOf(JsonNode n) {
    if (n == null || !n.isObject()) {
      return Optional.empty();
    }
    JsonNode loc = n.has("location") ? n.get("location") : n;
    Double lon = num(loc, "lon");
    Double lat = num(loc, "lat");
    JsonNode coords = n.path("geometry").path("coordinates");
    if ((lon == null || lat == null) && coords.isArray() && coords.size() >= 2) {
      lon = coords.get(0).asDouble();
      lat = coords.get(1).asDouble();
    }
    if (lon == null || lat == null) {
      return Optional.empty();
    }
    String grid = text(n, "gridCode", "grid", "code");
    if (grid == null) {
      grid = text(n.path("properties"), "gridCode", "grid", "code");
    }
    return Optional.of(new CameraPosition(new GeoPoint(lon, lat), grid));
  }

  private static Double num(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  /** {@code flat} as text, or {@code nested.sub}, or {@code nested} itself when it is text. */
  private static String text(JsonNode n, String flat, String nested, String sub) {
    JsonNode v = n.get(flat);
    if (v != null && v.isValueNode() && !v.isNull()) {
      return v.asText();
    }
    JsonNode o = n.get(nested);
    if (o != null && o.isObject() && o.get(sub) != null && !o.get(sub).isNull()) {
      return o.get(sub).asText();
    }
    if (o != null && o.isTextual() && "code".equals(sub)) {
      return o.asText();
    }
    return null;
  }

  private static Zone zoneOf(String s) {
    if (s == null) {
      return Zone.OTHER;
    }
    try {
      return Zone.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Zone.OTHER;
    }
  }
}
