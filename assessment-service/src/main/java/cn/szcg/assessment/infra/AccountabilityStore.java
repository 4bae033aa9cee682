package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.AccountabilityAction;
import cn.szcg.assessment.domain.AccountabilityLedger;
import cn.szcg.assessment.domain.EscalationLadder;
import cn.szcg.assessment.domain.Incident;
import cn.szcg.assessment.domain.Period;
import cn.szcg.contracts.events.AccountabilityNotice;
import cn.szcg.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The persistent accountability ledger: incidents seen (idempotent on the incident id),
 * counters per unit × kind × Asia/Shanghai month, and the actions the {@link AccountabilityLedger}
 * rule decides — each stored and published through the outbox as {@link AccountabilityNotice} on
 * {@code szcg.assessment} (key: case id), in the same transaction.
 */
@ApplicationScoped
public class AccountabilityStore {

  @Inject EntityManager em;
  @Inject Outbox outbox;

  EscalationLadder ladder = EscalationLadder.DEFAULT;

  /** Records an incident; returns the actions issued (none if the incident was seen before). */
  public List<AccountabilityAction> record(Incident incident) {
    String onDuty =
        incident.contacts().personOnDuty() == null
            ? null
            : incident.contacts().personOnDuty().personId();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO incident (incident_id, unit_id, kind, case_id, order_id, occurred_at,"
                    + " person_on_duty, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now()) ON"
                    + " CONFLICT (incident_id) DO NOTHING")
            .setParameter(1, incident.incidentId())
            .setParameter(2, incident.unitId())
            .setParameter(3, incident.kind().name())
            .setParameter(4, incident.caseId())
            .setParameter(5, incident.orderId())
            .setParameter(6, incident.occurredAt())
            .setParameter(7, onDuty)
            .executeUpdate();
    if (inserted == 0) {
      return List.of();
    }
    String month = Period.yearMonthOf(incident.occurredAt()).toString();
    int ordinal =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO accountability_counter (unit_id, kind, month, count) VALUES"
                            + " (?1, ?2, ?3, 1) ON CONFLICT (unit_id, kind, month) DO UPDATE SET"
                            + " count = accountability_counter.count + 1 RETURNING count")
                    .setParameter(1, incident.unitId())
                    .setParameter(2, incident.kind().name())
                    .setParameter(3, month)
                    .getSingleResult())
            .intValue();
    List<AccountabilityAction> actions = AccountabilityLedger.actionsFor(incident, ordinal, ladder);
    Instant issuedAt = incident.occurredAt();
    for (AccountabilityAction a : actions) {
      AccountabilityNotice n = notice(a, issuedAt);
      em.createNativeQuery(
              "INSERT INTO accountability_notice (action_id, type, level, unit_id, kind, month,"
                  + " ordinal, incident_id, case_id, person_id, person_name, person_missing,"
                  + " title_zh, title_en, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                  + " ?10, ?11, ?12, ?13, ?14, ?15) ON CONFLICT (action_id) DO NOTHING")
          .setParameter(1, n.actionId())
          .setParameter(2, n.type())
          .setParameter(3, n.level())
          .setParameter(4, n.unitId())
          .setParameter(5, n.kind())
          .setParameter(6, n.month())
          .setParameter(7, n.ordinal())
          .setParameter(8, n.incidentId())
          .setParameter(9, n.caseId())
          .setParameter(10, n.personId())
          .setParameter(11, n.personName())
          .setParameter(12, n.personMissing())
          .setParameter(13, n.titleZh())
          .setParameter(14, n.titleEn())
          .setParameter(15, n.issuedAt())
          .executeUpdate();
      outbox.publish(n.caseId() != null ? n.caseId() : n.unitId(), n, issuedAt);
    }
    return actions;
  }

  static AccountabilityNotice notice(AccountabilityAction a, Instant issuedAt) {
    return new AccountabilityNotice(
        a.actionId(),
        a.type().name(),
        a.level().name(),
        a.unitId(),
        a.kind().name(),
        a.month().toString(),
        a.ordinal(),
        a.incidentId(),
        a.caseId(),
        a.person() == null ? null : a.person().personId(),
        a.person() == null ? null : a.person().name(),
        a.personMissing(),
        a.titleZh(),
        a.titleEn(),
        issuedAt);
  }
}
