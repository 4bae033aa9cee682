package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/** A clock's deadline moved: an approved extension (延期), a pause and resume, or a new zone. */
public record ClockDeadlineChanged(
    String caseId,
    String clockId,
    String stage,
    @Nullable String orderId,
    @Nullable String unitId,
    Instant previousDeadline,
    Instant deadline,
    String reason,
    Instant changedAt) {}
