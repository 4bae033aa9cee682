package cn.szcg.intake.application;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.intake.domain.CaseHolding;
import cn.szcg.intake.infra.CaseHolders;
import cn.szcg.intake.infra.IntakeLedger;
import cn.szcg.intake.infra.Report;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Follows a filed case through dispatch (szcg.cases, case-transitioned) so the hotline platform
 * hears the outcome (R-04: status flows back to the hotline), also for tickets merged into the
 * case. Idempotent beyond the inbox: a step with a sequence not above the stored one changes
 * nothing (out-of-order or repeated delivery).
 *
 * <p>It also keeps who holds or held the case ({@link CaseHolding}: the order's unit, a sub-order's
 * department, the collector ordered to check) in {@link CaseHolders}, so that they may read the
 * report and its photos. That is recorded for every step, whatever its sequence:
 * a late step still names a unit that held the case.
 */
@ApplicationScoped
public class CaseProgressHandler implements EventHandler {

  @Inject IntakeLedger ledger;
  @Inject CaseHolders holders;

  @Override
  public String name() {
    return "intake-case-progress";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.CASES);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.CASE_TRANSITIONED);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    if (!(payload instanceof CaseTransitioned t)) {
      return;
    }
    UUID id;
    try {
      id = UUID.fromString(t.caseId());
    } catch (IllegalArgumentException e) {
      return; // not a case of this intake
    }
    CaseHolding.of(t.transition(), t.unitId(), t.orderId(), t.data())
        .ifPresent(h -> holders.record(id, h, t.transition(), t.at()));
    Report r = Report.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (r == null || t.sequence() <= r.caseSeq) {
      return;
    }
    r.caseSeq = t.sequence();
    r.caseState = t.toState();
    r.caseStateAt = t.at().truncatedTo(ChronoUnit.MICROS);
    ledger.hotlineStatus(r, t.toState(), r.caseStateAt);
  }
}
