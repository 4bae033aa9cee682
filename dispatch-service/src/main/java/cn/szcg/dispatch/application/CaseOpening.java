package cn.szcg.dispatch.application;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.dispatch.domain.AreaRef;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.Transitioned;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseEvents;
import cn.szcg.dispatch.infra.CaseProblems;
import cn.szcg.dispatch.infra.CaseStore;
import cn.szcg.dispatch.infra.ServiceClock;
import cn.szcg.platform.inbox.BatchingEventHandler;
import cn.szcg.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A filed case enters dispatch (接收立案, R-03): intake's {@code case-filed} event opens the domain
 * case ({@link DispatchCase#open}, 待派遣 AWAITING_DISPATCH), stores it with its key columns and the
 * OPEN step, publishes the step on szcg.cases, and keeps what the unit must see of the problem
 * ({@link CaseProblems}, R-13). Runs in the consumer's batch transaction (the inbox rows, the cases
 * and the outbox rows commit together).
 *
 * <p>Set-based (issue 23): a consumer poll opens a {@link Openings batch} that reads in one
 * statement which of the poll's cases are known, opens the others in memory and writes them back at
 * the end in one JDBC batch per table — a handful of round trips per poll instead of about five per
 * case.
 */
@ApplicationScoped
public class CaseOpening {

  @Inject CaseStore store;
  @Inject CaseEvents events;
  @Inject CaseProblems problems;
  @Inject ServiceClock clock;
  @Inject Outbox outbox;

  /**
   * Opens the case and records its problem, in the caller's transaction. Idempotent: a case already
   * known is not opened again (the same case filed twice under different event ids changes nothing
   * either).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(CaseFiled f) {
    Openings b = openBatch(List.of(f.caseId()));
    b.add(f);
    b.flush();
  }

  /** A batch for a poll whose events name these cases (read ahead: which are known here). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Openings openBatch(Collection<String> caseIds) {
    return new Openings(store.known(caseIds));
  }

  /** The cases a poll opens and the problems it records, written back by {@link #flush}. */
  public final class Openings implements BatchingEventHandler.Batch {
    private final Set<String> known;
    private final Set<String> recorded = new HashSet<>();
    private final List<CaseStore.Opened> opened = new ArrayList<>();
    private final List<CaseFiled> filed = new ArrayList<>();
    private final List<Outbox.Outgoing> out = new ArrayList<>();

    private Openings(Set<String> known) {
      this.known = new HashSet<>(known);
    }

    /**
     * Opens the filed case unless it is known (here or earlier in this batch) and keeps its problem
     * (what the unit must see: description, place names, components, the category's terms, R-13)
     * unless this batch already has it.
     */
    public void add(CaseFiled f) {
      if (recorded.add(f.caseId())) {
        filed.add(f);
      }
      if (!known.add(f.caseId())) {
        return;
      }
      CaseEntity c = entity(f);
      Transitioned t =
          DispatchCase.open(
              f.caseId(),
              f.categoryCode(),
              new AreaRef(c.townshipCode, c.communityCode, c.gridCode),
              f.componentId(),
              f.emergency(),
              c.publicReport,
              f.filedAt(),
              clock.now());
      opened.add(new CaseStore.Opened(c, t));
      out.add(events.outgoing(c, t.caseAfter(), t.record()));
    }

    /** Writes the cases with their OPEN steps, the problems, then the events. */
    @Override
    public void flush() {
      store.createAll(opened);
      problems.recordAll(filed);
      outbox.publishAll(out);
    }
  }

  private static CaseEntity entity(CaseFiled f) {
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
    return c;
  }
}
