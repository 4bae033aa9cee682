package cn.szcg.intake.infra;

import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.intake.api.RegisterReportRequest;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registration (登记, R-04): the report row and its {@code report-registered} event are written in
 * one transaction before the response returns; the R-12 clock starts at {@code registeredAt}.
 */
@ApplicationScoped
public class RegistrationService {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Inject EntityManager em;
  @Inject Outbox outbox;

  @ConfigProperty(name = "szcg.intake.report-no-prefix", defaultValue = "MQ")
  String prefix;

  /** A previous registration with the same idempotency key from the same client, if any. */
  public Optional<Report> findByIdempotencyKey(String clientId, String key) {
    if (key == null) {
      return Optional.empty();
    }
    return Report.find("clientId = ?1 and idempotencyKey = ?2", clientId, key)
        .firstResultOptional();
  }

  @Transactional
  public Report register(
      RegisterReportRequest req, String clientId, String idempotencyKey, Instant now) {
    Report r = new Report();
    r.id = UUID.randomUUID();
    r.reportNo = nextReportNo(now);
    r.channel = req.channel().name();
    r.kind = req.kind().name();
    r.status = IntakeState.REGISTERED.name();
    r.categoryCode = req.categoryCode();
    if (req.location() != null) {
      r.lon = req.location().lon();
      r.lat = req.location().lat();
    }
    r.address = req.address();
    r.description = req.description();
    r.collectorId = req.collectorId();
    r.cameraId = req.cameraId();
    r.sourceRef = req.sourceRef();
    if (req.reporter() != null) {
      r.reporterName = req.reporter().name();
      r.reporterPhone = req.reporter().phone();
    }
    r.clientId = clientId;
    r.idempotencyKey = idempotencyKey;
    r.deviceTime = req.deviceTime() == null ? null : req.deviceTime().toInstant();
    r.registeredAt = now.truncatedTo(ChronoUnit.MICROS);
    r.persist();
    outbox.publish(r.id.toString(), registeredEvent(r), r.registeredAt);
    return r;
  }

  static ReportRegistered registeredEvent(Report r) {
    return new ReportRegistered(
        r.id.toString(),
        r.reportNo,
        cn.szcg.contracts.events.Channel.valueOf(r.channel),
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
        r.zone == null ? Zone.OTHER : Zone.valueOf(r.zone));
  }

  /** "MQ" + year (Asia/Shanghai) + 7-digit sequence, e.g. MQ20260000123. */
  private String nextReportNo(Instant now) {
    long seq =
        ((Number) em.createNativeQuery("SELECT nextval('report_no_seq')").getSingleResult())
            .longValue();
    int year = now.atZone(SHANGHAI).getYear();
    return prefix + year + String.format("%07d", seq);
  }
}
