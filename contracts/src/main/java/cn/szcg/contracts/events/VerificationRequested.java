package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/** A public report must be verified on site (核实) by a collector before filing. */
public record VerificationRequested(
    String caseId, String taskId, @Nullable String collectorId, Instant requestedAt) {}
