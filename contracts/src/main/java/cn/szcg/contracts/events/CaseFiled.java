package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A case was filed (立案) against the filing standard. Event-carried state: everything
 * downstream needs, so that no consumer has to call back.
 */
public record CaseFiled(
    String caseId,
    String reportNo,
    Channel channel,
    ReportKind kind,
    String categoryCode,
    String categoryName,
    int catalogueVersion,
    TimeLimit handlingLimit,
    Zone zone,
    boolean emergency,
    @Nullable GeoPoint location,
    @Nullable LocationContext context,
    @Nullable String componentId,
    @Nullable String collectorId,
    Instant registeredAt,
    Instant filedAt,
    String filedBy,
    @Nullable String description,
    @Nullable BilingualText filingCondition,
    @Nullable BilingualText closingCondition) {

  /**
   * The shape before {@code description}, {@code filingCondition} and {@code closingCondition}
   * existed (additive, optional: null in events published before them). They let the unit that
   * receives the order see what the problem is and when it counts as fixed.
   */
  public CaseFiled(
      String caseId,
      String reportNo,
      Channel channel,
      ReportKind kind,
      String categoryCode,
      String categoryName,
      int catalogueVersion,
      TimeLimit handlingLimit,
      Zone zone,
      boolean emergency,
      GeoPoint location,
      LocationContext context,
      String componentId,
      String collectorId,
      Instant registeredAt,
      Instant filedAt,
      String filedBy) {
    this(
        caseId,
        reportNo,
        channel,
        kind,
        categoryCode,
        categoryName,
        catalogueVersion,
        handlingLimit,
        zone,
        emergency,
        location,
        context,
        componentId,
        collectorId,
        registeredAt,
        filedAt,
        filedBy,
        null,
        null,
        null);
  }
}
