package cn.szcg.intake.application;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CollectionUnit;
import cn.szcg.intake.domain.CollectorEligibility;
import cn.szcg.intake.domain.Eligibility;
import cn.szcg.intake.domain.IntakeReport;
import cn.szcg.intake.domain.IntakeRules;
import cn.szcg.intake.domain.IntakeValidator;
import cn.szcg.intake.domain.ReportCommand;
import cn.szcg.intake.infra.CollectionUnitEntity;
import cn.szcg.intake.infra.CollectorEntity;
import cn.szcg.intake.infra.FilingStandard;
import cn.szcg.intake.infra.GisClient;
import cn.szcg.intake.infra.Privacy;
import cn.szcg.intake.infra.RegistrationWriter;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.ReportQueries;
import cn.szcg.intake.infra.ReportRows;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Use case registration (登记, R-04): the arrival comes as a {@link ReportCommand} (the resource maps
 * HTTP to it), validated with {@link IntakeValidator} against the filing standard in force,
 * collectors checked with {@link CollectorEligibility}, the location context asked of
 * gis-service before the transaction (short timeout, circuit breaker: never blocks registration),
 * then the report row and its {@code report-registered} event are written by {@link
 * RegistrationWriter} (group commit: one transaction for all arrivals queued meanwhile) before the
 * response returns; the R-12 clock starts at {@code registeredAt}.
 */
@ApplicationScoped
public class RegistrationService {

  private static final Logger LOG = Logger.getLogger(RegistrationService.class);

  @Inject ReportQueries reports;
  @Inject FilingStandard standard;
  @Inject GisClient gis;
  @Inject RegistrationWriter writer;

  @ConfigProperty(name = "szcg.intake.patrol-photo-required", defaultValue = "false")
  boolean patrolPhotoRequired;

  @ConfigProperty(name = "szcg.intake.gis-at-registration", defaultValue = "true")
  boolean gisAtRegistration;

  private volatile IntakeValidator validator;

  IntakeValidator validator() {
    if (validator == null) {
      validator =
          new IntakeValidator(
              IntakeRules.minqingDefaults().withPatrolPhotoRequired(patrolPhotoRequired));
    }
    return validator;
  }

  /**
   * A previous registration of the same request from the same client: by its Idempotency-Key, or (a
   * HOTLINE arrival) by its 12345 ticket. {@code byKey} tells which matched (the key wins).
   */
  public record Previous(Report report, boolean byKey) {}

  /**
   * The previous registration with this idempotency key or this hotline ticket from the same
   * client, if any (issue 19: a ticket is registered once, with or without a key).
   */
  public Optional<Previous> findPrevious(String clientId, String key, String hotlineTicket) {
    if (key == null && hotlineTicket == null) {
      return Optional.empty();
    }
    Optional<ReportQueries.PreviousRow> row = reports.previous(clientId, key, hotlineTicket);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    UUID id = row.get().id();
    boolean byKey = row.get().byKey();
    boolean k = byKey;
    return Optional.ofNullable(Report.<Report>findById(id)).map(r -> new Previous(r, k));
  }

  /** The ticket a HOTLINE arrival registers (its sourceRef), or null for other channels. */
  public static String hotlineTicket(ReportCommand arrival) {
    return arrival.channel() == Channel.HOTLINE ? arrival.sourceRef() : null;
  }

  /** What registration learned before its transaction: rules passed, location looked up. */
  public record Prepared(GeoPoint point, LocationContext context, String cameraGrid) {}

  /**
   * Checks the arrival (400 naming the field; 403 for a collector who may not report) and asks
   * gis-service for the location context. No database write.
   */
  public Prepared prepare(ReportCommand arrival, Instant now) {
    Catalogue catalogue = standard.inForce(now);
    validator().validateOrThrow(arrival, catalogue, now);
    if (arrival.channel() == Channel.PATROL) {
      requireEligibleCollector(arrival.collectorId(), now);
    }
    GeoPoint point = arrival.location();
    String cameraGrid = null;
    if (!gisAtRegistration) {
      return new Prepared(point, null, null);
    }
    if (point == null && arrival.channel() == Channel.VIDEO && arrival.cameraId() != null) {
      var cam = gis.camera(arrival.cameraId());
      if (cam.isPresent()) {
        point = cam.get().point();
        cameraGrid = cam.get().gridCode();
      }
    }
    LocationContext ctx = point == null ? null : gis.locate(point.lon(), point.lat()).orElse(null);
    return new Prepared(point, ctx, cameraGrid);
  }

  /** 403 unless the collector exists and may report now. */
  public void requireEligibleCollector(String collectorId, Instant now) {
    CollectorEntity c = collectorId == null ? null : CollectorEntity.findById(collectorId);
    if (c == null) {
      throw new ProblemException(
          403,
          "collector-not-eligible",
          Problems.TITLE_FORBIDDEN,
          "信息采集员 " + collectorId + " 未登记，不得上报 / collector " + collectorId + " is not registered",
          List.of(
              new Problem.FieldError(
                  "collectorId", "UNKNOWN_COLLECTOR", "未登记的信息采集员 / unknown collector")));
    }
    CollectionUnitEntity u = CollectionUnitEntity.findById(c.unitId);
    CollectionUnit unit = u == null ? null : u.toDomain();
    Eligibility e = CollectorEligibility.eligibility(c.toDomain(), unit, now);
    if (!e.allowed()) {
      throw new ProblemException(
          403,
          "collector-not-eligible",
          Problems.TITLE_FORBIDDEN,
          e.message().zh() + " / " + e.message().en(),
          List.of(
              new Problem.FieldError(
                  "collectorId", e.reason().name(), e.message().zh() + " / " + e.message().en())));
    }
  }

  /**
   * Registers the arrival through the aggregate ({@link IntakeReport#register}: state REGISTERED at
   * {@code now}); its row is written by {@link RegistrationWriter} in the next group commit with
   * the {@code report-registered} event; returns once it is committed (number, row, event and
   * hotline status). The R-12 clock starts at {@code registeredAt}.
   *
   * @param confidence video analytics' confidence of the detected category, or null
   */
  public Report register(
      ReportCommand arrival,
      Double confidence,
      Prepared prepared,
      String clientId,
      String idempotencyKey,
      String requestHash,
      String actorId,
      Instant now) {
    IntakeReport report =
        IntakeReport.register(
            UUID.randomUUID().toString(),
            null,
            arrival.channel(),
            arrival.kind(),
            arrival.categoryCode(),
            arrival.collectorId(),
            now.truncatedTo(ChronoUnit.MICROS));
    Report r = ReportRows.registered(report, arrival, prepared.point(), confidence);
    r.clientId = clientId;
    r.idempotencyKey = idempotencyKey;
    r.requestHash = requestHash;
    r.hotlineTicket = hotlineTicket(arrival);
    LocationContext ctx = prepared.context();
    if (ctx != null) {
      ReportRows.apply(r, ctx);
    } else if (prepared.cameraGrid() != null) {
      r.gridCode = prepared.cameraGrid();
    }
    r.updatedAt = r.registeredAt;
    r.updatedBy = actorId;
    writer.write(r);
    if (LOG.isDebugEnabled()) {
      LOG.debugf(
          "registered %s channel=%s reporter=%s phone=%s",
          r.reportNo,
          r.channel,
          Privacy.maskName(r.reporterName),
          Privacy.maskPhone(r.reporterPhone));
    }
    return r;
  }
}
