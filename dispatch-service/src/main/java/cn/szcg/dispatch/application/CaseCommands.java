package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.CaseCommand;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchOrder;
import cn.szcg.dispatch.domain.TransitionRecord;
import cn.szcg.dispatch.domain.Transitioned;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseEvents;
import cn.szcg.dispatch.infra.CaseStore;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.ServiceClock;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * One command on one case (docs/case-lifecycle.md), one transaction each: load the case with a row
 * lock (404 outside the caller's scope), build the command from the case as it is now, act in the
 * caller's role the transition allows, check the step's photos, apply the domain case ({@link
 * DispatchCase#apply}), save the step and publish its event through the outbox — all committed
 * together or not at all. The sub-order variants add the unit scope of a sub-order (二级批办件).
 */
@ApplicationScoped
public class CaseCommands {

  /** Builds the command once the case is loaded and locked. */
  @FunctionalInterface
  public interface CommandBuilder {
    CaseCommand build(DispatchCase current, Actor actor, Instant at);
  }

  /** What a command did: the step and the case after it. */
  public record Result(TransitionRecord step, DispatchCase caseAfter, CaseEntity entity) {}

  @Inject CaseStore store;
  @Inject CaseEvents events;
  @Inject CurrentActor currentActor;
  @Inject ServiceClock clock;
  @Inject CasePhotos evidence;

  /** {@link #execute(String, CommandBuilder, Map)} without extra data. */
  @Transactional
  public Result execute(String caseId, CommandBuilder builder) {
    return execute(caseId, builder, Map.of());
  }

  /**
   * One command on one case in one transaction.
   *
   * @param extraData recorded with the step and carried by the event beside the domain's data
   */
  @Transactional
  public Result execute(String caseId, CommandBuilder builder, Map<String, Object> extraData) {
    CaseEntity c = store.lockVisible(caseId);
    DispatchCase before = store.domain(c);
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
    TransitionRecord r = store.saveStep(c, t, extraData == null ? Map.of() : extraData);
    events.publish(c, t.caseAfter(), r);
    return new Result(r, t.caseAfter(), c);
  }

  /**
   * A department's command on its own sub-order (二级签收, 二级反馈, 二级回退申请): 404 for a sub-order the case
   * does not have, 403 for a unit user of another unit than the sub-order's.
   */
  @Transactional
  public Result onSubOrder(String caseId, String subOrderId, CommandBuilder builder) {
    return execute(
        caseId,
        (c, a, at) -> {
          DispatchOrder so = subOrder(c, subOrderId);
          if (a.role().unitScoped() && !so.unitId().equals(a.unitId())) {
            throw ProblemException.forbidden(
                "二级批办件 "
                    + subOrderId
                    + " 属于单位 "
                    + so.unitId()
                    + " / the sub-order belongs to unit "
                    + so.unitId());
          }
          return builder.build(c, a, at);
        });
  }

  /**
   * A township body's decision on its department's sub-order: 404 for a sub-order the case does not
   * have, 403 for a unit user of another unit than the township body the sub-order came from.
   */
  @Transactional
  public Result onOwnSubOrder(String caseId, String subOrderId, CommandBuilder builder) {
    return execute(
        caseId,
        (c, a, at) -> {
          DispatchOrder so = subOrder(c, subOrderId);
          String parentUnit =
              c.findOrder(so.parentOrderId()).map(DispatchOrder::unitId).orElse(null);
          if (a.role().unitScoped() && !a.unitId().equals(parentUnit)) {
            throw ProblemException.forbidden(
                "只有派出二级批办件 "
                    + subOrderId
                    + " 的乡镇工作机构 "
                    + parentUnit
                    + " 能审核其回退 / only the township body "
                    + parentUnit
                    + " decides on the return of its sub-order");
          }
          return builder.build(c, a, at);
        });
  }

  private static DispatchOrder subOrder(DispatchCase c, String subOrderId) {
    return c.findOrder(subOrderId)
        .filter(DispatchOrder::subOrder)
        .orElseThrow(() -> ProblemException.notFound("sub-order", subOrderId));
  }
}
