package cn.szcg.dispatch.domain;

/**
 * The actor may not perform the transition: wrong role, or a unit actor acting on another unit's
 * order, or a collector reporting a check someone else was ordered to do (maps to HTTP 403).
 */
public final class ActorNotPermittedException extends CaseDomainException {

  private final Actor actor;
  private final CaseTransition attempted;

  ActorNotPermittedException(
      String code, Actor actor, CaseTransition attempted, String messageZh, String messageEn) {
    super(code, messageZh, messageEn);
    this.actor = actor;
    this.attempted = attempted;
  }

  static ActorNotPermittedException role(Actor actor, CaseTransition t) {
    return new ActorNotPermittedException(
        "ROLE_NOT_ALLOWED",
        actor,
        t,
        "角色 " + actor.role().labelZh() + " 不能执行 " + t.labelZh(),
        "Role " + actor.role() + " may not perform " + t + "; allowed roles: " + t.roles());
  }

  static ActorNotPermittedException otherUnit(Actor actor, CaseTransition t, String orderUnitId) {
    return new ActorNotPermittedException(
        "OTHER_UNIT",
        actor,
        t,
        "单位 " + actor.unitId() + " 不能对其他单位（" + orderUnitId + "）的批办件执行 " + t.labelZh(),
        "Unit " + actor.unitId() + " may not perform " + t + " on an order of unit " + orderUnitId);
  }

  static ActorNotPermittedException notAssignedCollector(
      Actor actor, CaseTransition t, String assignedCollectorId) {
    return new ActorNotPermittedException(
        "NOT_ASSIGNED_COLLECTOR",
        actor,
        t,
        "采集员 " + actor.userId() + " 未被指派此核查（指派：" + assignedCollectorId + "）",
        "Collector "
            + actor.userId()
            + " was not ordered to do this check (ordered: "
            + assignedCollectorId
            + ")");
  }

  public Actor actor() {
    return actor;
  }

  public CaseTransition attempted() {
    return attempted;
  }

  @Override
  public String title() {
    return "无权执行此操作 / Not permitted";
  }
}
