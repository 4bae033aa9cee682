package cn.szcg.intake.domain;

import java.util.Objects;

/** Who acts on an arrival: a user id and the role the action is taken in. */
public record Actor(String id, Role role) {

  /** Roles that matter to the intake rules. */
  public enum Role {
    /** 受理员 */
    OPERATOR,
    /** 值班长: may file a public report before verification (override, with a reason). */
    SHIFT_LEAD,
    /** 信息采集员 */
    COLLECTOR,
    /** automated step (integration, scheduler) */
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  public static Actor operator(String id) {
    return new Actor(id, Role.OPERATOR);
  }

  public static Actor shiftLead(String id) {
    return new Actor(id, Role.SHIFT_LEAD);
  }

  public static Actor collector(String id) {
    return new Actor(id, Role.COLLECTOR);
  }
}
