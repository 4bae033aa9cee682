package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.Role;
import jakarta.enterprise.context.RequestScoped;

/**
 * The user acting in this request (操作人). Every mutating endpoint takes its actor from here and
 * nowhere else.
 *
 * <p>For now a fixed placeholder: user {@code center-operator} in role {@link Role#OPERATOR} —
 * replaced by the token's identity (subject, role claim, unit claim) in the security issue. Tests
 * replace this bean with a CDI alternative that reads the actor from test headers.
 */
@RequestScoped
public class CurrentActor {

  /** The acting user, role and (for unit roles) unit. */
  public Actor actor() {
    return Actor.of("center-operator", Role.OPERATOR);
  }

  /**
   * Whether the actor may see the orders of {@code unitId}: a unit user sees its own unit's (and
   * its sub-departments') orders only; center roles see all. Enforced by the resources now; the
   * security issue only has to fill {@link #actor()} from the token.
   */
  public boolean maySeeUnit(String unitId, String parentOfUnit) {
    Actor a = actor();
    if (!a.role().unitScoped()) {
      return true;
    }
    return a.unitId().equals(unitId) || a.unitId().equals(parentOfUnit);
  }
}
