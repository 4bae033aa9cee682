package cn.szcg.intake.infra;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.intake.domain.IntakeReport;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.domain.ReportCommand;
import java.util.UUID;

/**
 * The {@code report} row ({@link Report}) as the domain's {@link IntakeReport} and back, and the
 * events read off a row. Persistence mapping only: what a report may become is decided by {@link
 * IntakeReport}, never here.
 */
public final class ReportRows {

  private ReportRows() {}

  /**
   * The row of a newly registered arrival: the aggregate's state ({@link IntakeReport#register}:
   * id, channel, kind, category, collector, state, registration time) and what the arrival brought
   * ({@link ReportCommand}: place, description, camera, source, reporter, device time). The number
   * is given when the row is written ({@code RegistrationWriter}).
   *
   * @param point where it is: the arrival's point, or the camera's from gis-service; may be null
   * @param confidence video analytics' confidence (0..1) of the detected category, or null
   */
  public static Report registered(
      IntakeReport report, ReportCommand arrival, GeoPoint point, Double confidence) {
    Report r = new Report();
    r.id = UUID.fromString(report.caseId());
    r.reportNo = report.reportNo();
    r.channel = report.channel().name();
    r.kind = report.kind().name();
    r.status = report.state().name();
    r.categoryCode = report.categoryCode();
    if (point != null) {
      r.lon = point.lon();
      r.lat = point.lat();
    }
    r.address = arrival.address();
    r.description = arrival.description() == null ? null : arrival.description().strip();
    r.collectorId = report.collectorId();
    r.cameraId = arrival.cameraId();
    r.sourceRef = arrival.sourceRef();
    r.confidence = confidence;
    r.reporterName = arrival.reporterName();
    r.reporterPhone = arrival.reporterPhone();
    r.deviceTime = arrival.deviceTime();
    r.registeredAt = report.registeredAt();
    return r;
  }

  /** The aggregate of a stored report (its history is the ledger's, not loaded here). */
  public static IntakeReport toDomain(Report r) {
    return new IntakeReport(
        r.id.toString(),
        r.reportNo,
        Channel.valueOf(r.channel),
        ReportKind.valueOf(r.kind),
        r.collectorId,
        r.registeredAt,
        IntakeState.valueOf(r.status),
        r.categoryCode,
        r.catalogueVersion,
        r.emergency,
        null,
        r.decisionReason,
        r.rejectionReason,
        r.unfounded,
        r.mergedInto == null ? null : r.mergedInto.toString(),
        r.answer,
        null);
  }

  /** Stores gis-service's location context on the row (resolved). */
  public static void apply(Report r, LocationContext ctx) {
    r.townshipCode = ctx.townshipCode();
    r.townshipName = ctx.townshipName();
    r.communityCode = ctx.communityCode();
    r.communityName = ctx.communityName();
    r.gridCode = ctx.gridCode();
    r.zone = ctx.zone() == null ? Zone.OTHER.name() : ctx.zone().name();
    r.nearestComponents = NearbyComponents.toJson(ctx.nearestComponents());
    r.contextResolved = true;
  }

  /** The location context stored on the row. */
  public static LocationContext contextOf(Report r) {
    return new LocationContext(
        r.townshipCode,
        r.townshipName,
        r.communityCode,
        r.communityName,
        r.gridCode,
        r.zone == null ? Zone.OTHER : Zone.valueOf(r.zone),
        NearbyComponents.fromJson(r.nearestComponents));
  }

  /** {@code report-registered} of a written row. */
  public static ReportRegistered registeredEvent(Report r) {
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
}
