package cn.szcg.intake.domain;

import java.time.Instant;

/** One step in an arrival's intake history (kept for the audit trail, R-10). */
public record IntakeTransition(
    IntakeState from,
    IntakeState to,
    IntakeAction action,
    String actorId,
    Instant at,
    String note) {}
