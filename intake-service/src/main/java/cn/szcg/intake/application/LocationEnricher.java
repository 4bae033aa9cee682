package cn.szcg.intake.application;

import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.intake.infra.GisClient;
import cn.szcg.intake.infra.PeriodicTask;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.ReportQueries;
import cn.szcg.intake.infra.ReportRows;
import cn.szcg.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Attaches the location context later to reports registered while gis-service was slow or down
 * ({@code context_resolved = false}): every {@code szcg.intake.enrich-interval-ms} it asks
 * gis-service again (camera position first for a video alarm without a point) and, once answered,
 * stores the context and publishes {@code location-resolved} in the same transaction. Skips a round
 * while the gis circuit breaker is open. Safe with several instances: a row is locked with SKIP
 * LOCKED before it is updated.
 */
@ApplicationScoped
public class LocationEnricher {

  private static final Logger LOG = Logger.getLogger(LocationEnricher.class);

  @Inject GisClient gis;
  @Inject ReportQueries reports;
  @Inject Outbox outbox;

  @ConfigProperty(name = "szcg.intake.enrich-interval-ms", defaultValue = "10000")
  long intervalMs;

  @ConfigProperty(name = "szcg.intake.enrich-batch", defaultValue = "100")
  int batch;

  /** After this many answered-but-empty or failed lookups a report is left without context. */
  @ConfigProperty(name = "szcg.intake.enrich-max-attempts", defaultValue = "100")
  int maxAttempts;

  private PeriodicTask timer;

  void start(@Observes StartupEvent ev) {
    timer = PeriodicTask.start("intake-location-enricher", intervalMs, LOG, this::round);
  }

  void stop(@Observes ShutdownEvent ev) {
    if (timer != null) {
      timer.stop();
    }
  }

  /** One round; returns how many reports got their context. */
  public int round() {
    if (gis.breakerOpen()) {
      return 0;
    }
    List<ReportQueries.Unresolved> rows =
        QuarkusTransaction.requiringNew().call(() -> reports.unresolved(batch, maxAttempts));
    int done = 0;
    for (ReportQueries.Unresolved row : rows) {
      if (gis.breakerOpen()) {
        break;
      }
      UUID id = row.id();
      Double lon = row.lon();
      Double lat = row.lat();
      String camera = row.cameraId();
      Optional<GisClient.CameraPosition> cam = Optional.empty();
      if (lon == null && camera != null) {
        cam = gis.camera(camera);
        if (cam.isEmpty()) {
          bump(id);
          continue;
        }
        lon = cam.get().point().lon();
        lat = cam.get().point().lat();
      }
      Optional<LocationContext> ctx = gis.locate(lon, lat);
      if (ctx.isEmpty()) {
        bump(id);
        continue;
      }
      final Double fLon = lon;
      final Double fLat = lat;
      boolean applied =
          QuarkusTransaction.requiringNew().call(() -> apply(id, fLon, fLat, ctx.get()));
      if (applied) {
        done++;
      }
    }
    return done;
  }

  private boolean apply(UUID id, Double lon, Double lat, LocationContext ctx) {
    Report r = reports.lockNoWait(id);
    if (r == null || r.contextResolved) {
      return false;
    }
    if (r.lon == null) {
      r.lon = lon;
      r.lat = lat;
    }
    ReportRows.apply(r, ctx);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    outbox.publish(
        r.id.toString(), new LocationResolved(r.id.toString(), ReportRows.contextOf(r), now), now);
    return true;
  }

  private void bump(UUID id) {
    QuarkusTransaction.requiringNew().run(() -> reports.bumpContextAttempts(id));
  }
}
