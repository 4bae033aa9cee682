package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One Art 33 failure of a unit on one case. Counted in the calendar month of {@code occurredAt} in
 * Asia/Shanghai.
 *
 * @param incidentId unique and stable (the ledger is idempotent on it), e.g.
 *     "{orderId}:LATE_SIGN_FOR", "{orderId}:OVERDUE_OR_EXPIRED_HANDLING",
 *     "{checkId}:NOT_TO_STANDARD"
 * @param unitId the responsible unit
 * @param kind which of the three failures
 * @param caseId the case named in the notice
 * @param orderId the dispatch order
 * @param occurredAt when the failure happened (deadline breach, failed check)
 * @param contacts the unit's people at that time
 */
public record Incident(
    String incidentId,
    String unitId,
    IncidentKind kind,
    String caseId,
    String orderId,
    Instant occurredAt,
    UnitContacts contacts) {
  public Incident {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
    contacts = contacts == null ? new UnitContacts(null, null, null) : contacts;
  }
}
