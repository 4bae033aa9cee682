package cn.szcg.dispatch.domain;

import java.time.Instant;

/** The unit's registered data as valid from {@code validFrom} (rename, deactivation …). */
public record UnitVersion(Unit unit, Instant validFrom, Instant recordedAt, String recordedBy) {}
