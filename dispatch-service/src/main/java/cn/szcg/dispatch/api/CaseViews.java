package cn.szcg.dispatch.api;

import cn.szcg.contracts.events.BilingualText;
import cn.szcg.dispatch.api.DomainProblemMappers.Step;
import cn.szcg.dispatch.domain.CheckResult;
import cn.szcg.dispatch.domain.CoordinationAgreement;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchDecision;
import cn.szcg.dispatch.domain.DispatchOrder;
import cn.szcg.dispatch.domain.ExtensionRequest;
import cn.szcg.dispatch.domain.Feedback;
import cn.szcg.dispatch.domain.ReturnRequest;
import cn.szcg.dispatch.domain.SatisfactionRecord;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseProblems;
import cn.szcg.dispatch.infra.CaseQueries.OrderClocks;
import cn.szcg.dispatch.infra.CaseQueries.StepView;
import cn.szcg.dispatch.infra.EvidenceStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the case API answers. No reporter name or phone appears anywhere (dispatch-service never
 * receives them).
 */
public final class CaseViews {

  private CaseViews() {}

  /** A page of a collection. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /**
   * An order or sub-order (批办件) with what sla-service said about its clocks.
   *
   * @param returnDeadlineSource PROVISIONAL (dispatch + 1 natural hour, until sla-service's
   *     RETURN_WINDOW clock arrives), SLA (sla-service's working-time deadline), or null
   * @param handlingDeadline the HANDLING clock's deadline from sla-service, if known
   * @param handlingExpired 过期未处置: sla-service reported the HANDLING clock breached
   */
  public record OrderView(
      String orderId,
      String unitId,
      String unitName,
      String parentOrderId,
      int round,
      String origin,
      String status,
      String statusLabel,
      Instant dispatchedAt,
      String dispatchedBy,
      Instant returnDeadline,
      String returnDeadlineSource,
      String requirements,
      DispatchDecision decision,
      Instant signedAt,
      String signedBy,
      Instant approvedAt,
      String approvedBy,
      String approvalNote,
      Feedback feedback,
      Instant handlingDeadline,
      boolean handlingExpired) {}

  /**
   * A case in full: filed data, state, orders, requests, checks, agreements, next steps; and what
   * the unit must see of the problem (R-13, R-14, R-28; docs/evidence.md): {@code description},
   * {@code position}, the category's {@code filingCondition} and {@code closingCondition}, the
   * current order's {@code handlingDeadline} (sla-service's HANDLING clock, null until known),
   * dispatch's evidence {@code photos} and where intake-service serves the report's photos ({@code
   * reportPhotosHref}).
   */
  public record CaseDetail(
      String caseId,
      String reportNo,
      String channel,
      String categoryCode,
      String categoryName,
      int catalogueVersion,
      int limitAmount,
      String limitUnit,
      String zone,
      boolean emergency,
      boolean publicReport,
      String townshipCode,
      String communityCode,
      String gridCode,
      String componentId,
      String state,
      String stateLabel,
      long sequence,
      Instant registeredAt,
      Instant filedAt,
      Instant lastChangedAt,
      String responsibleUnitId,
      String currentOrderId,
      int failedChecks,
      boolean overdueHandling,
      List<OrderView> orders,
      List<ReturnRequest> returns,
      List<ExtensionRequest> extensions,
      List<CheckResult> checks,
      List<CoordinationAgreement> agreements,
      List<String> returnedUnitIds,
      String checkCollectorId,
      String outcomeNote,
      SatisfactionRecord satisfaction,
      List<Step> allowedTransitions,
      String description,
      EvidenceViews.Position position,
      BilingualText filingCondition,
      BilingualText closingCondition,
      Instant handlingDeadline,
      List<EvidenceViews.PhotoView> photos,
      String reportPhotosHref) {}

  /** The answer to a command: the step it made and the case after it. */
  public record CommandResult(StepView step, CaseDetail caseAfter) {}

  static OrderView order(DispatchOrder o, String unitName, OrderClocks clocks) {
    String source =
        o.returnDeadline() == null
            ? null
            : clocks != null
                    && clocks.returnDeadline() != null
                    && o.returnDeadline()
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .equals(clocks.returnDeadline())
                ? "SLA"
                : "PROVISIONAL";
    return new OrderView(
        o.orderId(),
        o.unitId(),
        unitName,
        o.parentOrderId(),
        o.round(),
        o.origin().name(),
        o.status().name(),
        o.status().labelZh(),
        o.dispatchedAt(),
        o.dispatchedBy(),
        o.returnDeadline(),
        source,
        o.requirements(),
        o.decision(),
        o.signedAt(),
        o.signedBy(),
        o.approvedAt(),
        o.approvedBy(),
        o.approvalNote(),
        o.feedback(),
        clocks == null ? null : clocks.handlingDeadline(),
        clocks != null && clocks.breached());
  }

  static CaseDetail detail(
      CaseEntity e,
      DispatchCase c,
      List<OrderView> orders,
      List<Step> allowed,
      CaseProblems.FiledProblem problem,
      List<EvidenceStore.Photo> photos) {
    Instant handlingDeadline =
        orders.stream()
            .filter(o -> o.orderId().equals(c.currentOrderId()))
            .map(OrderView::handlingDeadline)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return new CaseDetail(
        e.caseId,
        e.reportNo,
        e.channel,
        e.categoryCode,
        e.categoryName,
        e.catalogueVersion,
        e.limitAmount,
        e.limitUnit,
        e.zone,
        e.emergency,
        c.publicReport(),
        e.townshipCode,
        e.communityCode,
        e.gridCode,
        e.componentId,
        c.state().name(),
        c.state().labelZh(),
        c.version(),
        e.registeredAt,
        e.filedAt,
        c.lastChangedAt(),
        c.responsibleUnitId().orElse(null),
        c.currentOrderId(),
        c.failedChecks(),
        c.overdueHandling(),
        orders,
        c.returns(),
        c.extensions(),
        c.checks(),
        c.agreements(),
        c.returnedUnitIds(),
        c.checkCollectorId(),
        c.outcomeNote(),
        c.satisfaction(),
        allowed,
        problem.description(),
        new EvidenceViews.Position(
            e.lon,
            e.lat,
            e.townshipCode,
            problem.townshipName(),
            e.communityCode,
            problem.communityName(),
            e.gridCode,
            e.componentId,
            problem.nearestComponents()),
        problem.filingCondition(),
        problem.closingCondition(),
        handlingDeadline,
        photos.stream().map(EvidenceViews.PhotoView::of).toList(),
        EvidenceViews.reportPhotosHref(e.caseId));
  }

  /** A case on the map (GeoJSON Feature): no reporter, only what the map shows. */
  public record CaseMapFeature(
      String type, String id, Map<String, Object> geometry, CaseMapProperties properties) {
    public static CaseMapFeature of(cn.szcg.dispatch.infra.CasePositions.Position p) {
      return new CaseMapFeature(
          "Feature",
          p.caseId(),
          Map.of("type", "Point", "coordinates", List.of(p.lon(), p.lat())),
          new CaseMapProperties(
              p.caseId(),
              p.reportNo(),
              p.state().name(),
              p.state().labelZh(),
              p.categoryCode(),
              p.categoryName(),
              p.emergency()));
    }
  }

  /** The properties of a case on the map. */
  public record CaseMapProperties(
      String caseId,
      String reportNo,
      String state,
      String stateNameZh,
      String categoryCode,
      String categoryName,
      boolean emergency) {}

  /**
   * The map's case layer (GeoJSON FeatureCollection); {@code truncated} when more cases matched
   * than {@code limit} (the newest filings are kept).
   */
  public record CaseMapCollection(
      String type,
      List<CaseMapFeature> features,
      int numberReturned,
      int limit,
      boolean truncated) {}
}
