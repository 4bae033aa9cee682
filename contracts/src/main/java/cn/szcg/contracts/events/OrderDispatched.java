package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;
import java.util.List;

/** A dispatch order (派遣指令/批办件) was sent to a responsible unit (R-03 step 3). */
public record OrderDispatched(
    String caseId,
    String orderId,
    String unitId,
    List<String> cooperatingUnitIds,
    String categoryCode,
    TimeLimit handlingLimit,
    Zone zone,
    boolean emergency,
    boolean redispatch,
    @Nullable String reason,
    Instant dispatchedAt,
    String dispatchedBy) {}
