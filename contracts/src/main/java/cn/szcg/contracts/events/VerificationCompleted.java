package cn.szcg.contracts.events;

import java.time.Instant;

/** The collector confirmed or refuted a public report on site. */
public record VerificationCompleted(
    String caseId, String taskId, String collectorId, boolean confirmed, Instant completedAt) {}
