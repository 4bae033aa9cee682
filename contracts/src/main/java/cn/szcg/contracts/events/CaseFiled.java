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
    String filedBy) {}
