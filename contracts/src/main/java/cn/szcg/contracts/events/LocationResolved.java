package cn.szcg.contracts.events;

import java.time.Instant;

/** Location context attached after registration (gis-service was slow or down at the time). */
public record LocationResolved(String caseId, LocationContext context, Instant resolvedAt) {}
