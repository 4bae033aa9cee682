package cn.szcg.assessment.domain;

import java.time.Instant;

/** A missed report (漏报) attributed to a collector on a shift. */
public record MissedReport(
    String problemId, CollectorRef collector, String shiftId, Instant registeredAt) {}
