package cn.szcg.intake.domain;

import cn.szcg.contracts.events.GeoPoint;
import java.time.Instant;

/** A candidate for duplicate detection: an existing, not yet closed case. */
public record OpenCase(
    String caseId, String categoryCode, GeoPoint point, Instant registeredAt, IntakeState state) {}
