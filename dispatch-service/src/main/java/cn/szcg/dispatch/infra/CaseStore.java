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
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

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

  /**
   * Which of these cases are known here, in one statement (a consumer's poll reads ahead what its
   * events will touch).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> known(Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery("select c.caseId from CaseEntity c where c.caseId in ?1", String.class)
            .setParameter(1, caseIds)
            .getResultList());
  }

  /** A newly opened case and its first step, for {@link #createAll}. */
  public record Opened(CaseEntity entity, Transitioned step) {}

  /**
   * Stores newly opened cases: the rows (one JDBC batch at the flush) and their first steps (one
   * batch), in the caller's transaction. The cases are not known here ({@link #known}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void createAll(List<Opened> opened) {
    if (opened.isEmpty()) {
      return;
    }
    List<TransitionRecord> steps = new ArrayList<>(opened.size());
    for (Opened o : opened) {
      CaseEntity c = o.entity();
      DispatchCase after = o.step().caseAfter();
      c.state = after.state().name();
      c.updatedAt = o.step().record().at();
      c.snapshot = snapshots.write(after);
      c.responsibleUnitId = after.responsibleUnitId().orElse(null);
      c.overdueHandling = after.overdueHandling();
      c.sequence = after.version();
      c.persist(); // an opened case has no order yet: no case_order row
      steps.add(o.step().record());
    }
    em.flush(); // the case rows before their steps (foreign key)
    insertSteps(steps);
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
   * Loads these cases with row locks for a consumer's poll, in one statement (locked in case order,
   * so two polls never wait on each other in a cycle; a command locks one case only); cases not
   * (yet) known here are missing from the result.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<CaseEntity> lockAll(Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "from CaseEntity c where c.caseId in ?1 and c.snapshot is not null order by c.caseId",
            CaseEntity.class)
        .setParameter(1, caseIds)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
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
    replaceSnapshots(Map.of(c, after));
  }

  /**
   * Replaces the snapshots of many cases without a step: the case rows at the flush (one JDBC
   * batch), their orders in one batch. Caller holds the row locks ({@link #lockAll}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void replaceSnapshots(Map<CaseEntity, DispatchCase> after) {
    Instant now = Instant.now();
    after.forEach(
        (c, a) -> {
          c.snapshot = snapshots.write(a);
          c.updatedAt = now;
        });
    saveOrders(after.values());
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
    insertSteps(List.of(r));
    saveOrders(List.of(after));
    return r;
  }

  private static final String INSERT_STEP =
      "INSERT INTO case_step (case_id, sequence, transition, from_state, to_state, actor_user_id,"
          + " actor_role, actor_unit_id, at, reason, order_id, unit_id, data)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";

  /** The {@code case_step} rows of these steps, in one JDBC batch (one round trip). */
  private void insertSteps(List<TransitionRecord> steps) {
    List<String> data = steps.stream().map(r -> snapshots.write(r.data())).toList();
    em.unwrap(Session.class)
        .doWork(
            conn -> {
              try (PreparedStatement ps = conn.prepareStatement(INSERT_STEP)) {
                for (int i = 0; i < steps.size(); i++) {
                  TransitionRecord r = steps.get(i);
                  ps.setString(1, r.caseId());
                  ps.setLong(2, r.sequence());
                  ps.setString(3, r.transition().name());
                  ps.setString(4, r.fromState() == null ? null : r.fromState().name());
                  ps.setString(5, r.toState().name());
                  ps.setString(6, r.actorUserId());
                  ps.setString(7, r.actorRole().name());
                  ps.setString(8, r.actorUnitId());
                  ps.setTimestamp(9, Timestamp.from(r.at()));
                  ps.setString(10, r.reason());
                  ps.setString(11, r.orderId());
                  ps.setString(12, r.unitId());
                  ps.setString(13, data.get(i));
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  private static final String UPSERT_ORDER =
      "INSERT INTO case_order (order_id, case_id, unit_id, parent_order_id, round, origin, status,"
          + " dispatched_at, return_deadline, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON"
          + " CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, return_deadline ="
          + " EXCLUDED.return_deadline, updated_at = EXCLUDED.updated_at WHERE case_order.status IS"
          + " DISTINCT FROM EXCLUDED.status OR case_order.return_deadline IS DISTINCT FROM"
          + " EXCLUDED.return_deadline";

  /**
   * The {@code case_order} rows of these cases (each case once, so each order once), in one JDBC
   * batch: the key columns of every order of the snapshot, changed ones updated.
   */
  private void saveOrders(Collection<DispatchCase> cases) {
    if (cases.stream().allMatch(c -> c.orders().isEmpty())) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    em.unwrap(Session.class)
        .doWork(
            conn -> {
              try (PreparedStatement ps = conn.prepareStatement(UPSERT_ORDER)) {
                for (DispatchCase c : cases) {
                  for (DispatchOrder o : c.orders()) {
                    ps.setString(1, o.orderId());
                    ps.setString(2, c.caseId());
                    ps.setString(3, o.unitId());
                    ps.setString(4, o.parentOrderId());
                    ps.setInt(5, o.round());
                    ps.setString(6, o.origin().name());
                    ps.setString(7, o.status().name());
                    ps.setTimestamp(8, Timestamp.from(o.dispatchedAt()));
                    ps.setTimestamp(
                        9, o.returnDeadline() == null ? null : Timestamp.from(o.returnDeadline()));
                    ps.setTimestamp(10, now);
                    ps.addBatch();
                  }
                }
                ps.executeBatch();
              }
            });
  }
}
