package cn.szcg.intake.api;

import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.intake.infra.NearbyComponents;
import cn.szcg.intake.infra.Report;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered report. The public reporter's name and phone are filled in for the center's roles
 * only ({@code withReporter}); every other caller (a collector reading their own report, the
 * hotline platform or a county system reading the answer to its push) gets the report without them.
 * Units never see intake reports. {@code nearestComponents}: the components (部件) nearest the point
 * from gis-service's locate, nearest first (absent until the location context arrived).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(
    UUID id,
    String reportNo,
    String channel,
    String kind,
    String status,
    String categoryCode,
    String categoryName,
    Double lon,
    Double lat,
    String address,
    String description,
    String collectorId,
    String cameraId,
    Double confidence,
    String sourceRef,
    String reporterName,
    String reporterPhone,
    boolean contextResolved,
    String townshipCode,
    String townshipName,
    String communityCode,
    String communityName,
    String gridCode,
    String zone,
    List<NearbyComponent> nearestComponents,
    Integer catalogueVersion,
    Integer limitAmount,
    String limitUnit,
    boolean emergency,
    Instant deviceTime,
    Instant registeredAt,
    Instant decidedAt,
    String decidedBy,
    String overrideReason,
    String rejectionReason,
    Boolean unfounded,
    String answer,
    UUID mergedInto,
    Boolean keptSeparate,
    List<String> allowedActions,
    List<DuplicateCandidate> duplicateCandidates) {

  /** A proposed duplicate: an open report of the same category nearby, registered recently. */
  public record DuplicateCandidate(
      UUID id, String reportNo, String status, double distanceMetres, Instant registeredAt) {}

  public static ReportView of(Report r, boolean withReporter) {
    return of(r, withReporter, null, null);
  }

  public static ReportView of(
      Report r,
      boolean withReporter,
      List<String> allowedActions,
      List<DuplicateCandidate> candidates) {
    return new ReportView(
        r.id,
        r.reportNo,
        r.channel,
        r.kind,
        r.status,
        r.categoryCode,
        r.categoryName,
        r.lon,
        r.lat,
        r.address,
        r.description,
        r.collectorId,
        r.cameraId,
        r.confidence,
        r.sourceRef,
        withReporter ? r.reporterName : null,
        withReporter ? r.reporterPhone : null,
        r.contextResolved,
        r.townshipCode,
        r.townshipName,
        r.communityCode,
        r.communityName,
        r.gridCode,
        r.zone,
        NearbyComponents.fromJson(r.nearestComponents),
        r.catalogueVersion,
        r.limitAmount,
        r.limitUnit,
        r.emergency,
        r.deviceTime,
        r.registeredAt,
        r.decidedAt,
        r.decidedBy,
        r.rejectionReason == null ? r.decisionReason : null,
        r.rejectionReason,
        r.unfounded ? Boolean.TRUE : null,
        r.answer,
        r.mergedInto,
        r.keptSeparate ? Boolean.TRUE : null,
        allowedActions,
        candidates);
  }
}
