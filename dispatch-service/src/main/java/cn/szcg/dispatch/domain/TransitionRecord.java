package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one transition did: who (user, role, unit), when, why, from which state to which, on which
 * order and unit, plus transition-specific data. The lead turns it into a {@code cases} event and
 * an audit row.
 *
 * @param sequence the case's version after this transition (1 for OPEN), gap-free per case
 * @param fromState null for {@link CaseTransition#OPEN}
 * @param reason the free text the actor gave (reason, note, instructions …), may be null
 * @param orderId the order concerned (for sub-order transitions, the sub-order); may be null
 * @param unitId the unit of that order; may be null
 * @param data transition-specific values: String, Boolean, Integer, or List of String; instants as
 *     ISO-8601 strings; insertion-ordered and unmodifiable
 */
public record TransitionRecord(
    String caseId,
    long sequence,
    CaseTransition transition,
    CaseState fromState,
    CaseState toState,
    String actorUserId,
    Role actorRole,
    String actorUnitId,
    Instant at,
    String reason,
    String orderId,
    String unitId,
    Map<String, Object> data) {

  public TransitionRecord {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
  }
}
