package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A clock passed its deadline without being stopped (超时). {@code late} is true when it is published
 * after a restart for a deadline that fell due while the service was down.
 */
public record ClockBreached(
    String caseId,
    String clockId,
    String stage,
    @Nullable String orderId,
    @Nullable String unitId,
    Instant deadline,
    Instant publishedAt,
    boolean late) {}
