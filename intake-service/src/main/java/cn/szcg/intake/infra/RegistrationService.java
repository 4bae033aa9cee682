package cn.szcg.intake.infra;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.intake.api.RegisterReportRequest;
import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CollectionUnit;
import cn.szcg.intake.domain.CollectorEligibility;
import cn.szcg.intake.domain.Eligibility;
import cn.szcg.intake.domain.IntakeRules;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.domain.IntakeValidator;
import cn.szcg.intake.domain.ReportCommand;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Registration (登记, R-04): validated with {@link IntakeValidator} against the filing standard in
 * force, collectors checked with {@link CollectorEligibility}, the location context asked of
 * gis-service before the transaction (short timeout, circuit breaker: never blocks registration),
 * then the report row and its {@code report-registered} event are written by {@link
 * RegistrationWriter} (group commit: one transaction for all arrivals queued meanwhile) before the
 * response returns; the R-12 clock starts at {@code registeredAt}.
 */
@ApplicationScoped
public class RegistrationService {

  private static final Logger LOG = Logger.getLogger(RegistrationService.class);

  @Inject EntityManager em;
  @Inject javax.sql.DataSource ds;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;
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
    // Asked on every registration with a key (or a ticket) and almost always answered "none": one
    // plain indexed JDBC lookup, not a Hibernate query (whose interpretation cost most of this
    // call, profiled); both columns have a unique index per client.
    UUID id = null;
    boolean byKey = false;
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, idempotency_key IS NOT DISTINCT FROM ? FROM report WHERE client_id = ?"
                    + " AND (idempotency_key = ? OR hotline_ticket = ?)")) {
      ps.setString(1, key);
      ps.setString(2, clientId);
      ps.setString(3, key);
      ps.setString(4, hotlineTicket);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean k = key != null && rs.getBoolean(2);
          if (id == null || k) {
            id = rs.getObject(1, UUID.class);
            byKey = k;
          }
        }
      }
    } catch (SQLException e) {
      if (RegistrationWriter.databaseUnreachable(e)) {
        throw ProblemException.unavailable("数据库暂不可用，请稍后以相同幂等键重试 / database unavailable, retry", 1);
      }
      throw new IllegalStateException("idempotency lookup failed", e);
    }
    if (id == null) {
      return Optional.empty();
    }
    boolean k = byKey;
    return Optional.ofNullable(Report.<Report>findById(id)).map(r -> new Previous(r, k));
  }

  /** The ticket a HOTLINE arrival registers (its sourceRef), or null for other channels. */
  public static String hotlineTicket(RegisterReportRequest req) {
    return req.channel() == Channel.HOTLINE ? req.sourceRef() : null;
  }

  /**
   * SHA-256 (hex) of the canonical request: the parsed body written again by the service's
   * ObjectMapper (fields in declaration order, no whitespace), so spacing and field order of the
   * client's JSON do not matter, its values do.
   */
  public String requestHash(RegisterReportRequest req) {
    try {
      byte[] canonical = json.writeValueAsBytes(req);
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (com.fasterxml.jackson.core.JsonProcessingException
        | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("request hash", e);
    }
  }

  /** What registration learned before its transaction: rules passed, location looked up. */
  public record Prepared(GeoPoint point, LocationContext context, String cameraGrid) {}

  /**
   * Checks the arrival (400 naming the field; 403 for a collector who may not report) and asks
   * gis-service for the location context. No database write.
   */
  public Prepared prepare(RegisterReportRequest req, Instant now) {
    Catalogue catalogue = standard.inForce(now);
    validator().validateOrThrow(toCommand(req), catalogue, now);
    if (req.channel() == Channel.PATROL) {
      requireEligibleCollector(req.collectorId(), now);
    }
    GeoPoint point =
        req.location() == null ? null : new GeoPoint(req.location().lon(), req.location().lat());
    String cameraGrid = null;
    if (!gisAtRegistration) {
      return new Prepared(point, null, null);
    }
    if (point == null && req.channel() == Channel.VIDEO && req.cameraId() != null) {
      var cam = gis.camera(req.cameraId());
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

  static ReportCommand toCommand(RegisterReportRequest req) {
    return new ReportCommand(
        req.channel(),
        req.kind(),
        req.categoryCode(),
        req.location() == null || req.location().lon() == null || req.location().lat() == null
            ? null
            : new GeoPoint(req.location().lon(), req.location().lat()),
        req.address(),
        req.description(),
        req.collectorId(),
        req.cameraId(),
        req.sourceRef(),
        req.deviceTime() == null ? null : req.deviceTime().toInstant(),
        req.reporter() == null ? null : req.reporter().name(),
        req.reporter() == null ? null : req.reporter().phone(),
        List.of());
  }

  /**
   * Registers the arrival: the report is built here and written by {@link RegistrationWriter} in
   * the next group commit; returns once it is committed (number, row, event and hotline status).
   */
  public Report register(
      RegisterReportRequest req,
      Prepared prepared,
      String clientId,
      String idempotencyKey,
      String requestHash,
      String actorId,
      Instant now) {
    Report r = new Report();
    r.id = UUID.randomUUID();
    r.channel = req.channel().name();
    r.kind = req.kind().name();
    r.status = IntakeState.REGISTERED.name();
    r.categoryCode = req.categoryCode();
    if (prepared.point() != null) {
      r.lon = prepared.point().lon();
      r.lat = prepared.point().lat();
    }
    r.address = req.address();
    r.description = req.description() == null ? null : req.description().strip();
    r.collectorId = req.collectorId();
    r.cameraId = req.cameraId();
    r.sourceRef = req.sourceRef();
    r.confidence = req.confidence();
    if (req.reporter() != null) {
      r.reporterName = req.reporter().name();
      r.reporterPhone = req.reporter().phone();
    }
    r.clientId = clientId;
    r.idempotencyKey = idempotencyKey;
    r.requestHash = requestHash;
    r.hotlineTicket = hotlineTicket(req);
    r.deviceTime = req.deviceTime() == null ? null : req.deviceTime().toInstant();
    r.registeredAt = now.truncatedTo(ChronoUnit.MICROS);
    LocationContext ctx = prepared.context();
    if (ctx != null) {
      apply(r, ctx);
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

  static void apply(Report r, LocationContext ctx) {
    r.townshipCode = ctx.townshipCode();
    r.townshipName = ctx.townshipName();
    r.communityCode = ctx.communityCode();
    r.communityName = ctx.communityName();
    r.gridCode = ctx.gridCode();
    r.zone = ctx.zone() == null ? Zone.OTHER.name() : ctx.zone().name();
    r.nearestComponents = NearbyComponents.toJson(ctx.nearestComponents());
    r.contextResolved = true;
  }

  static ReportRegistered registeredEvent(Report r) {
    return new ReportRegistered(
        r.id.toString(),
        r.reportNo,
        Channel.valueOf(r.channel),
        ReportKind.valueOf(r.kind),
        r.categoryCode,
        r.lon == null ? null : new GeoPoint(r.lon, r.lat),
        r.address,
        r.description,
        r.collectorId,
        r.cameraId,
        r.sourceRef,
        r.contextResolved ? contextOf(r) : null,
        r.registeredAt);
  }

  static LocationContext contextOf(Report r) {
    return new LocationContext(
        r.townshipCode,
        r.townshipName,
        r.communityCode,
        r.communityName,
        r.gridCode,
        r.zone == null ? Zone.OTHER : Zone.valueOf(r.zone),
        NearbyComponents.fromJson(r.nearestComponents));
  }
}
