package cn.szcg.intake.api;

import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.intake.domain.BilingualText;
import cn.szcg.intake.domain.Category;
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
 * A unit or department holding an order of the case and the collector ordered to check it get
 * {@link #forHolder}: what, where, which category (with its filing and closing conditions) and the
 * time limit — never who reported it, nor the center's internal notes. {@code nearestComponents}:
 * the components (部件) nearest the point from gis-service's locate, nearest first (absent until the
 * location context arrived). {@code filingCondition}/{@code closingCondition}: the category's
 * 立案条件/结案条件 of the filing-standard version the case was filed under (single-report reads of a filed
 * report). {@code caseState}/{@code caseStateAt}: once filed, the case's state in dispatch-service
 * as intake follows it from the szcg.cases events ({@code CaseProgressHandler}) — what the
 * collector's app shows as the outcome of an own report (已派遣, 已结案 …); null before filing.
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
    String caseState,
    Instant caseStateAt,
    BilingualText filingCondition,
    BilingualText closingCondition,
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
        r.caseState,
        r.caseStateAt,
        null,
        null,
        allowedActions,
        candidates);
  }

  /** The same view with the category's filing and closing conditions (null: unknown). */
  public ReportView withConditions(Category c) {
    if (c == null) {
      return this;
    }
    return new ReportView(
        id,
        reportNo,
        channel,
        kind,
        status,
        categoryCode,
        categoryName,
        lon,
        lat,
        address,
        description,
        collectorId,
        cameraId,
        confidence,
        sourceRef,
        reporterName,
        reporterPhone,
        contextResolved,
        townshipCode,
        townshipName,
        communityCode,
        communityName,
        gridCode,
        zone,
        nearestComponents,
        catalogueVersion,
        limitAmount,
        limitUnit,
        emergency,
        deviceTime,
        registeredAt,
        decidedAt,
        decidedBy,
        overrideReason,
        rejectionReason,
        unfounded,
        answer,
        mergedInto,
        keptSeparate,
        caseState,
        caseStateAt,
        c.filingCondition(),
        c.closingCondition(),
        allowedActions,
        duplicateCandidates);
  }

  /**
   * What a holder of the case reads (the unit of an order, a sub-order's department, the collector
   * ordered to check; ): the problem, where it is, its category and time limit.
   * Never the reporter's name or phone, nor the source reference (an operator may have noted a
   * caller's number there), nor the center's decision notes, answers and accounts.
   */
  public static ReportView forHolder(Report r) {
    ReportView v = of(r, false);
    return new ReportView(
        v.id,
        v.reportNo,
        v.channel,
        v.kind,
        v.status,
        v.categoryCode,
        v.categoryName,
        v.lon,
        v.lat,
        v.address,
        v.description,
        v.collectorId,
        v.cameraId,
        v.confidence,
        null,
        null,
        null,
        v.contextResolved,
        v.townshipCode,
        v.townshipName,
        v.communityCode,
        v.communityName,
        v.gridCode,
        v.zone,
        v.nearestComponents,
        v.catalogueVersion,
        v.limitAmount,
        v.limitUnit,
        v.emergency,
        v.deviceTime,
        v.registeredAt,
        v.decidedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        v.caseState,
        v.caseStateAt,
        null,
        null,
        null,
        null);
  }
}
