package cn.szcg.dispatch.application;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.dispatch.domain.AreaRef;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.TransitionRecord;
import cn.szcg.dispatch.domain.Transitioned;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseEvents;
import cn.szcg.dispatch.infra.CaseProblems;
import cn.szcg.dispatch.infra.CaseStore;
import cn.szcg.dispatch.infra.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A filed case enters dispatch (接收立案, R-03): intake's {@code case-filed} event opens the domain
 * case ({@link DispatchCase#open}, 待派遣 AWAITING_DISPATCH), stores it with its key columns and the
 * OPEN step, publishes the step on szcg.cases, and keeps what the unit must see of the problem
 * ({@link CaseProblems}, R-13). Runs in the consumer's batch transaction (the inbox row, the case
 * and the outbox row commit together).
 */
@ApplicationScoped
public class CaseOpening {

  @Inject CaseStore store;
  @Inject CaseEvents events;
  @Inject CaseProblems problems;
  @Inject ServiceClock clock;

  /**
   * Opens the case and records its problem. Idempotent: a case already known is not opened again
   * (the same case filed twice under different event ids changes nothing either).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void caseFiled(CaseFiled f) {
    open(f);
    // what the unit must see: description, place names, components, the category's terms
    problems.record(f);
  }

  /**
   * Opens the domain case for a filed case, in the caller's transaction. Idempotent: a case already
   * known changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(CaseFiled f) {
    if (store.exists(f.caseId())) {
      return;
    }
    CaseEntity c = new CaseEntity();
    c.caseId = f.caseId();
    c.reportNo = f.reportNo();
    c.channel = f.channel().name();
    c.categoryCode = f.categoryCode();
    c.categoryName = f.categoryName();
    c.catalogueVersion = f.catalogueVersion();
    c.limitAmount = f.handlingLimit().amount();
    c.limitUnit = f.handlingLimit().unit().name();
    c.zone = f.zone().name();
    c.emergency = f.emergency();
    if (f.location() != null) {
      c.lon = f.location().lon();
      c.lat = f.location().lat();
    }
    if (f.context() != null) {
      c.townshipCode = f.context().townshipCode();
      c.communityCode = f.context().communityCode();
      c.gridCode = f.context().gridCode();
    }
    c.componentId = f.componentId();
    c.registeredAt = f.registeredAt();
    c.filedAt = f.filedAt();
    c.publicReport = f.channel().isPublic();
    Instant now = clock.now();
    Transitioned t =
        DispatchCase.open(
            f.caseId(),
            f.categoryCode(),
            new AreaRef(c.townshipCode, c.communityCode, c.gridCode),
            f.componentId(),
            f.emergency(),
            c.publicReport,
            f.filedAt(),
            now);
    TransitionRecord r = store.create(c, t);
    events.publish(c, t.caseAfter(), r);
  }
}
