package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A clock reached its warning moment (预警). {@code late} is true when it is published after a
 * restart for a moment that fell due while the service was down.
 */
public record ClockWarned(
    String caseId,
    String clockId,
    String stage,
    @Nullable String orderId,
    @Nullable String unitId,
    Instant warningAt,
    Instant deadline,
    Instant publishedAt,
    boolean late) {}
