package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/** A clock stopped (计时结束): the stage was done, on time or after its deadline. */
public record ClockStopped(
    String caseId,
    String clockId,
    String stage,
    @Nullable String orderId,
    @Nullable String unitId,
    Instant deadline,
    Instant stoppedAt,
    boolean onTime) {}
