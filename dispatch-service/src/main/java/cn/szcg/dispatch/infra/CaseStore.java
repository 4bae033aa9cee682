package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchOrder;
import cn.szcg.dispatch.domain.TransitionRecord;
import cn.szcg.dispatch.domain.Transitioned;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of the domain case ({@link DispatchCase}): the {@code dispatch_case} row with its
 * jsonb snapshot and key columns, the append-only {@code case_step} history and the {@code
 * case_order} rows. Loads respect the caller's case scope ({@link CaseVisibility}): a case outside
 * it is a 404. Use cases (transactions, commands) are in {@code cn.szcg.dispatch.application}.
 */
@ApplicationScoped
public class CaseStore {

  @Inject EntityManager em;
  @Inject Snapshots snapshots;
  @Inject CurrentActor currentActor;
  @Inject CaseVisibility visibility;

  /** Whether the case is known here (opened from its case-filed event). */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean exists(String caseId) {
    return em.find(CaseEntity.class, caseId) != null;
  }

  /** Stores a newly opened case: the row and its first step (the caller's transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public TransitionRecord create(CaseEntity c, Transitioned t) {
    c.state = t.caseAfter().state().name();
    c.updatedAt = t.record().at();
    c.snapshot = snapshots.write(t.caseAfter());
    c.persist();
    return saveStep(c, t, Map.of());
  }

  /** Loads a case for reading (no lock); 404 when unknown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CaseEntity find(String caseId) {
    CaseEntity c = em.find(CaseEntity.class, caseId);
    if (c == null || c.snapshot == null) {
      throw ProblemException.notFound("case", caseId);
    }
    return c;
  }

  /**
   * Loads a case the caller may see (no lock); 404 when unknown or outside the caller's scope (a
   * unit user's other units' cases, a collector's cases it was not ordered to check).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CaseEntity findVisible(String caseId) {
    CaseEntity c = find(caseId);
    if (!visibility.visible(caseId, currentActor.caseScope())) {
      throw ProblemException.notFound("case", caseId);
    }
    return c;
  }

  /**
   * Loads a case the caller may see with a row lock ({@code SELECT … FOR UPDATE}) for a command;
   * 404 when unknown or outside the caller's scope.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CaseEntity lockVisible(String caseId) {
    CaseEntity c = em.find(CaseEntity.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.snapshot == null || !visibility.visible(caseId, currentActor.caseScope())) {
      throw ProblemException.notFound("case", caseId);
    }
    return c;
  }

  /**
   * Loads a case with a row lock for a consumer (no caller scope: events act for the system); empty
   * when the case is not (yet) known here.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<CaseEntity> lock(String caseId) {
    CaseEntity c = em.find(CaseEntity.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    return c == null || c.snapshot == null ? Optional.empty() : Optional.of(c);
  }

  /**
   * Reads a case as committed now (outside a transaction the request's session may still hold the
   * entity as it was read before a command).
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public CaseEntity reload(String caseId) {
    em.clear();
    return find(caseId);
  }

  public DispatchCase domain(CaseEntity c) {
    return snapshots.readCase(c.snapshot);
  }

  /**
   * Replaces the snapshot without a step (e.g. the return deadline sla-service computed). Caller
   * holds the row lock.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void replaceSnapshot(CaseEntity c, DispatchCase after) {
    c.snapshot = snapshots.write(after);
    c.updatedAt = Instant.now();
    saveOrders(c.caseId, after);
  }

  /**
   * Saves one step: the case after it (snapshot and key columns), the {@code case_step} row and the
   * order rows.
   *
   * @param extra recorded with the step beside the domain's data (the domain's keys win)
   * @return the step as recorded
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public TransitionRecord saveStep(CaseEntity c, Transitioned t, Map<String, Object> extra) {
    DispatchCase after = t.caseAfter();
    TransitionRecord r = t.record();
    if (!extra.isEmpty()) {
      Map<String, Object> data = new LinkedHashMap<>(r.data());
      extra.forEach((k, v) -> data.putIfAbsent(k, v));
      data.values().removeIf(java.util.Objects::isNull);
      r =
          new TransitionRecord(
              r.caseId(),
              r.sequence(),
              r.transition(),
              r.fromState(),
              r.toState(),
              r.actorUserId(),
              r.actorRole(),
              r.actorUnitId(),
              r.at(),
              r.reason(),
              r.orderId(),
              r.unitId(),
              data);
    }
    c.snapshot = snapshots.write(after);
    c.state = after.state().name();
    c.responsibleUnitId = after.responsibleUnitId().orElse(null);
    c.overdueHandling = after.overdueHandling();
    c.sequence = after.version();
    c.updatedAt = r.at();
    em.flush();
    em.createNativeQuery(
            "INSERT INTO case_step (case_id, sequence, transition, from_state, to_state,"
                + " actor_user_id, actor_role, actor_unit_id, at, reason, order_id, unit_id, data)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, CAST(?13 AS jsonb))")
        .setParameter(1, r.caseId())
        .setParameter(2, r.sequence())
        .setParameter(3, r.transition().name())
        .setParameter(4, r.fromState() == null ? null : r.fromState().name())
        .setParameter(5, r.toState().name())
        .setParameter(6, r.actorUserId())
        .setParameter(7, r.actorRole().name())
        .setParameter(8, r.actorUnitId())
        .setParameter(9, Timestamp.from(r.at()))
        .setParameter(10, r.reason())
        .setParameter(11, r.orderId())
        .setParameter(12, r.unitId())
        .setParameter(13, snapshots.write(r.data()))
        .executeUpdate();
    saveOrders(c.caseId, after);
    return r;
  }

  private void saveOrders(String caseId, DispatchCase after) {
    Timestamp now = Timestamp.from(Instant.now());
    for (DispatchOrder o : after.orders()) {
      em.createNativeQuery(
              "INSERT INTO case_order (order_id, case_id, unit_id, parent_order_id, round, origin,"
                  + " status, dispatched_at, return_deadline, updated_at) VALUES (?1, ?2, ?3, ?4,"
                  + " ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (order_id) DO UPDATE SET status ="
                  + " EXCLUDED.status, return_deadline = EXCLUDED.return_deadline, updated_at ="
                  + " EXCLUDED.updated_at WHERE case_order.status IS DISTINCT FROM EXCLUDED.status"
                  + " OR case_order.return_deadline IS DISTINCT FROM EXCLUDED.return_deadline")
          .setParameter(1, o.orderId())
          .setParameter(2, caseId)
          .setParameter(3, o.unitId())
          .setParameter(4, o.parentOrderId())
          .setParameter(5, o.round())
          .setParameter(6, o.origin().name())
          .setParameter(7, o.status().name())
          .setParameter(8, Timestamp.from(o.dispatchedAt()))
          .setParameter(9, o.returnDeadline() == null ? null : Timestamp.from(o.returnDeadline()))
          .setParameter(10, now)
          .executeUpdate();
    }
  }
}
