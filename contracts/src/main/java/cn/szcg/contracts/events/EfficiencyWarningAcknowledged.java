package cn.szcg.contracts.events;

import java.time.Instant;

/** The person warned acknowledged a 效能告诫. */
public record EfficiencyWarningAcknowledged(
    String warningId, String personId, Instant acknowledgedAt) {}
