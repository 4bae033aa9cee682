package cn.szcg.dispatch.infra;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.dispatch.domain.Accountability;
import cn.szcg.dispatch.domain.AccountablePeople;
import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.AreaRef;
import cn.szcg.dispatch.domain.CaseCommand;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchOrder;
import cn.szcg.dispatch.domain.TransitionRecord;
import cn.szcg.dispatch.domain.Transitioned;
import cn.szcg.dispatch.domain.UnitRegisterException;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the domain case (cn.szcg.dispatch.domain.DispatchCase) against the database: one transaction
 * per command — load with a row lock, apply the command, save the snapshot and key columns, append
 * the step, keep the order rows in step, and publish the {@link CaseTransitioned} event through the
 * outbox in the same transaction.
 */
@ApplicationScoped
public class CaseService {

  /** Steps that put a new order (or sub-order) in force: the event carries the handling limit. */
  static final Set<CaseTransition> NEW_ORDER =
      EnumSet.of(
          CaseTransition.DISPATCH,
          CaseTransition.FAIL_CHECK,
          CaseTransition.RECORD_COORDINATION_AGREEMENT,
          CaseTransition.DESIGNATE_UNIT,
          CaseTransition.REDISPATCH_TO_SUB_UNIT);

  /** Builds the command once the case is loaded and locked. */
  @FunctionalInterface
  public interface CommandBuilder {
    CaseCommand build(DispatchCase current, Actor actor, Instant at);
  }

  /** What a command did: the step and the case after it. */
  public record Result(TransitionRecord step, DispatchCase caseAfter, CaseEntity entity) {}

  @Inject EntityManager em;
  @Inject Snapshots snapshots;
  @Inject Outbox outbox;
  @Inject CurrentActor currentActor;
  @Inject CaseVisibility visibility;
  @Inject ServiceClock clock;
  @Inject UnitStore units;
  @Inject EvidenceStore evidence;

  /** Steps whose event names the unit's accountable people. */
  static final Set<CaseTransition> NAMES_PEOPLE =
      EnumSet.of(CaseTransition.DISPATCH, CaseTransition.SIGN_FOR);

  /**
   * Opens the domain case for a filed case (接收立案), in the consumer's transaction. Idempotent: a
   * case already known changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(CaseFiled f) {
    if (em.find(CaseEntity.class, f.caseId()) != null) {
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
    c.state = t.caseAfter().state().name();
    c.updatedAt = now;
    c.snapshot = snapshots.write(t.caseAfter());
    c.persist();
    save(c, t, Map.of());
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
   * One command on one case in one transaction.
   *
   * @param extraData recorded with the step and carried by the event beside the domain's data
   */
  @Transactional
  public Result execute(String caseId, CommandBuilder builder, Map<String, Object> extraData) {
    CaseEntity c = em.find(CaseEntity.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.snapshot == null || !visibility.visible(caseId, currentActor.caseScope())) {
      throw ProblemException.notFound("case", caseId);
    }
    DispatchCase before = snapshots.readCase(c.snapshot);
    Actor first = currentActor.actor();
    Instant now = clock.now();
    // Replicas' clocks may differ by a few milliseconds: a step never precedes the last one.
    Instant at =
        before.lastChangedAt() != null && now.isBefore(before.lastChangedAt())
            ? before.lastChangedAt()
            : now;
    CaseCommand command = builder.build(before, first, at);
    // a token with several roles acts in the one the transition allows
    Actor actor = currentActor.actorFor(command.transition());
    // feedback and check steps take only stored photos of their own (R-10, docs/evidence.md)
    evidence.requireStepPhotos(before, actor, command);
    Transitioned t = before.apply(actor, at, command);
    TransitionRecord r = save(c, t, extraData == null ? Map.of() : extraData);
    return new Result(r, t.caseAfter(), c);
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

  private TransitionRecord save(CaseEntity c, Transitioned t, Map<String, Object> extra) {
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
    Map<String, String> eventExtra = new LinkedHashMap<>(accountablePeople(r));
    unitName(r).ifPresent(n -> eventExtra.put("unitName", n));
    outbox.publish(c.caseId, event(c, after, r, eventExtra), r.at());
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

  /**
   * The unit register's people for a DISPATCH or SIGN_FOR step ({@link AccountablePeople}): empty
   * for other steps, and when the unit was not registered at the step's time — never fails the
   * command.
   */
  private Map<String, String> accountablePeople(TransitionRecord r) {
    if (!NAMES_PEOPLE.contains(r.transition()) || r.unitId() == null) {
      return Map.of();
    }
    try {
      Accountability a = units.load().accountableAt(r.unitId(), r.at());
      return AccountablePeople.of(
          a, r.transition() == CaseTransition.SIGN_FOR ? r.actorUserId() : null);
    } catch (UnitRegisterException e) {
      return Map.of();
    }
  }

  /**
   * The registered name (单位名称) of the step's unit, for {@code data.unitName} of every event with a
   * {@code unitId} (assessment shows names in rankings and exports); empty when the step has no
   * unit or the unit is not (or no longer) registered — never fails the command.
   */
  private java.util.Optional<String> unitName(TransitionRecord r) {
    return r.unitId() == null ? java.util.Optional.empty() : units.nameOf(r.unitId());
  }

  /** The cases event of one step: the record plus what the clocks and the assessment need. */
  static CaseTransitioned event(CaseEntity c, DispatchCase after, TransitionRecord r) {
    return event(c, after, r, Map.of());
  }

  /** The event with {@code extraData} beside the step's data (the step's own keys win). */
  static CaseTransitioned event(
      CaseEntity c, DispatchCase after, TransitionRecord r, Map<String, String> extraData) {
    TimeLimit limit =
        NEW_ORDER.contains(r.transition())
            ? new TimeLimit(c.limitAmount, LimitUnit.valueOf(c.limitUnit))
            : null;
    Instant returnDeadline = null;
    if (r.transition() == CaseTransition.DISPATCH) {
      returnDeadline = after.findOrder(r.orderId()).map(DispatchOrder::returnDeadline).orElse(null);
    }
    Instant newDeadline = null;
    if (r.transition() == CaseTransition.GRANT_EXTENSION
        && r.data().get("grantedDeadline") != null) {
      newDeadline = Instant.parse(r.data().get("grantedDeadline").toString());
    }
    Map<String, String> data = new LinkedHashMap<>();
    r.data().forEach((k, v) -> data.put(k, asText(v)));
    extraData.forEach(data::putIfAbsent);
    return new CaseTransitioned(
        r.caseId(),
        r.sequence(),
        r.transition().name(),
        r.fromState() == null ? null : r.fromState().name(),
        r.toState().name(),
        r.actorUserId(),
        r.actorRole().name(),
        r.actorUnitId(),
        r.at(),
        r.reason(),
        r.orderId(),
        r.unitId(),
        c.categoryCode,
        Zone.valueOf(c.zone),
        c.emergency,
        limit,
        returnDeadline,
        newDeadline,
        after.overdueHandling(),
        after.publicReport(),
        data);
  }

  static String asText(Object v) {
    if (v instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(v);
  }
}
