package cn.szcg.dispatch.domain;

import java.util.Objects;

/**
 * Who acts (操作人): user id, role and — for unit roles — the unit (处置责任单位) the token scopes the user
 * to.
 *
 * @param userId the user (subject of the token), never blank
 * @param role the role the user acts in
 * @param unitId the user's unit; required for unit roles, ignored otherwise (may be null)
 */
public record Actor(String userId, Role role, String unitId) {

  public Actor {
    Objects.requireNonNull(role, "role");
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    if (role.unitScoped() && (unitId == null || unitId.isBlank())) {
      throw new IllegalArgumentException("a " + role + " actor needs a unit id");
    }
  }

  /** A center or county actor without a unit. */
  public static Actor of(String userId, Role role) {
    return new Actor(userId, role, null);
  }

  /** An actor of a responsible unit. */
  public static Actor ofUnit(String userId, Role role, String unitId) {
    return new Actor(userId, role, unitId);
  }

  /** The system itself (automatic steps). */
  public static Actor system() {
    return new Actor("system", Role.SYSTEM, null);
  }
}
