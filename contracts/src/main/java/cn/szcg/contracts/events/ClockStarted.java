package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A stage clock started (计时开始): its limit, warning moment and deadline as computed with the
 * calendar and rules named by their versions (R-12..R-16, R-20).
 */
public record ClockStarted(
    String caseId,
    String clockId,
    String stage,
    @Nullable String orderId,
    @Nullable String unitId,
    Zone zone,
    boolean emergency,
    TimeLimit limit,
    Instant startedAt,
    Instant warningAt,
    Instant deadline,
    String policyVersion,
    String calendarVersion) {}
