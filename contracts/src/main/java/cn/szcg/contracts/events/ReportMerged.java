package cn.szcg.contracts.events;

import java.time.Instant;

/** A duplicate arrival was merged into an open case; its reporter still gets the outcome. */
public record ReportMerged(String caseId, String intoCaseId, Instant mergedAt, String mergedBy) {}
