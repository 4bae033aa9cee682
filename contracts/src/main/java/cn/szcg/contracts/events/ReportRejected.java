package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A report was not filed, for a recorded reason. {@code unfounded} marks a false or unfounded
 * collector report (虚报/假报, R-08), counted against the collector and the collection unit.
 */
public record ReportRejected(
    String caseId,
    String reason,
    boolean unfounded,
    @Nullable String collectorId,
    Instant rejectedAt,
    String rejectedBy) {}
