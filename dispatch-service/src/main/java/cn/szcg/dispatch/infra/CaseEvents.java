package cn.szcg.dispatch.infra;

import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.dispatch.domain.Accountability;
import cn.szcg.dispatch.domain.AccountablePeople;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchOrder;
import cn.szcg.dispatch.domain.TransitionRecord;
import cn.szcg.dispatch.domain.UnitRegisterException;
import cn.szcg.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link CaseTransitioned} event of each step on {@code szcg.cases}, written to the outbox in
 * the step's transaction: the step's record plus what the clocks and the assessment need (handling
 * limit of a new order, return deadline, granted deadline, the unit's name and accountable people).
 */
@ApplicationScoped
public class CaseEvents {

  /** Steps that put a new order (or sub-order) in force: the event carries the handling limit. */
  static final Set<CaseTransition> NEW_ORDER =
      EnumSet.of(
          CaseTransition.DISPATCH,
          CaseTransition.FAIL_CHECK,
          CaseTransition.RECORD_COORDINATION_AGREEMENT,
          CaseTransition.DESIGNATE_UNIT,
          CaseTransition.REDISPATCH_TO_SUB_UNIT);

  /** Steps whose event names the unit's accountable people. */
  static final Set<CaseTransition> NAMES_PEOPLE =
      EnumSet.of(CaseTransition.DISPATCH, CaseTransition.SIGN_FOR);

  @Inject Outbox outbox;
  @Inject UnitStore units;

  /** Publishes the event of step {@code r} of case {@code c} (the caller's transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(CaseEntity c, DispatchCase after, TransitionRecord r) {
    Outbox.Outgoing o = outgoing(c, after, r);
    outbox.publish(o.caseId(), o.payload(), o.time());
  }

  /**
   * The event of step {@code r} of case {@code c}, not yet written: for a caller that writes many
   * in one batch ({@link Outbox#publishAll}).
   */
  public Outbox.Outgoing outgoing(CaseEntity c, DispatchCase after, TransitionRecord r) {
    Map<String, String> eventExtra = new LinkedHashMap<>(accountablePeople(r));
    unitName(r).ifPresent(n -> eventExtra.put("unitName", n));
    return new Outbox.Outgoing(c.caseId, event(c, after, r, eventExtra), r.at());
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
  private Optional<String> unitName(TransitionRecord r) {
    return r.unitId() == null ? Optional.empty() : units.nameOf(r.unitId());
  }

  /**
   * The cases event of one step: the record plus what the clocks and the assessment need, with
   * {@code extraData} beside the step's data (the step's own keys win).
   */
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
