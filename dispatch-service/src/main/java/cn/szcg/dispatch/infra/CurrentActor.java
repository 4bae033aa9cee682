package cn.szcg.dispatch.infra;

import cn.szcg.contracts.events.Channel;
import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.Role;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user acting in this request (操作人), from the verified bearer token (platform {@link Caller}).
 * Every mutating endpoint takes its actor from here and nowhere else.
 *
 * <p>Realm roles map one to one onto the domain's {@link Role}s; a unit role needs the token's
 * {@code unit_id} claim (the unit it acts for), the collector role the {@code collector_id} claim
 * (the collector id check orders name — the domain compares it with the ordered collector). A token
 * may hold several roles: a command acts in the first of them the transition allows ({@link
 * #actorFor}), so the domain decides with the right one; machine roles have no domain actor.
 */
@RequestScoped
public class CurrentActor {

  /** Realm role → domain role, in the order a command tries them. */
  static final Map<String, Role> ROLE_MAP = new LinkedHashMap<>();

  static {
    ROLE_MAP.put(Roles.SHIFT_LEAD, Role.SHIFT_LEAD);
    ROLE_MAP.put(Roles.DISPATCHER, Role.DISPATCHER);
    ROLE_MAP.put(Roles.OPERATOR, Role.OPERATOR);
    ROLE_MAP.put(Roles.COUNTY_GOVERNMENT, Role.COUNTY_GOVERNMENT);
    ROLE_MAP.put(Roles.ADMIN, Role.ADMIN);
    ROLE_MAP.put(Roles.SUPERVISION_OFFICE, Role.SUPERVISION_OFFICE);
    ROLE_MAP.put(Roles.EFFICIENCY_OFFICE, Role.EFFICIENCY_OFFICE);
    ROLE_MAP.put(Roles.UNIT_LEADER, Role.UNIT_LEADER);
    ROLE_MAP.put(Roles.UNIT_RECEIVER, Role.UNIT_RECEIVER);
    ROLE_MAP.put(Roles.UNIT_HANDLER, Role.UNIT_HANDLER);
    ROLE_MAP.put(Roles.COLLECTOR, Role.COLLECTOR);
    ROLE_MAP.put(Roles.HOTLINE_PLATFORM, Role.HOTLINE_PLATFORM);
  }

  /** Roles that read every case (the center, the county's offices, the administrator). */
  static final List<String> READ_ALL =
      List.of(
          Roles.OPERATOR,
          Roles.SHIFT_LEAD,
          Roles.DISPATCHER,
          Roles.SUPERVISION_OFFICE,
          Roles.EFFICIENCY_OFFICE,
          Roles.COUNTY_GOVERNMENT,
          Roles.ADMIN);

  /**
   * Which cases the caller may see: {@code all}, or those where {@code unitId} holds (or held) an
   * order or sub-order, or those {@code collectorId} was ordered to check, or (the 12345 hotline
   * platform) those that came by {@code channel}. Nothing when all are empty.
   */
  public record CaseScope(boolean all, String unitId, String collectorId, String channel) {
    public CaseScope(boolean all, String unitId, String collectorId) {
      this(all, unitId, collectorId, null);
    }

    public boolean none() {
      return !all && unitId == null && collectorId == null && channel == null;
    }
  }

  @Inject Caller caller;

  /** The account (preferred_username) that acts: recorded with register and matrix changes. */
  public String userId() {
    return caller.username();
  }

  /** Every domain actor the token allows, in {@link #ROLE_MAP} order. */
  public List<Actor> actors() {
    List<Actor> out = new ArrayList<>();
    String user = caller.username();
    for (Map.Entry<String, Role> e : ROLE_MAP.entrySet()) {
      if (!caller.has(e.getKey())) {
        continue;
      }
      Role r = e.getValue();
      if (r.unitScoped()) {
        String unit = caller.unit();
        if (unit != null) {
          out.add(Actor.ofUnit(user, r, unit));
        }
      } else if (r == Role.COLLECTOR) {
        String collector = caller.collectorId();
        if (collector != null) {
          out.add(Actor.of(collector, r));
        }
      } else {
        out.add(Actor.of(user, r));
      }
    }
    return out;
  }

  /** The caller's first actor; 403 when the token gives none (e.g. a unit role without unit_id). */
  public Actor actor() {
    List<Actor> all = actors();
    if (all.isEmpty()) {
      throw noActor();
    }
    return all.get(0);
  }

  /**
   * The actor for transition {@code t}: the first whose role may perform it, else the first actor
   * (the domain then refuses with ROLE_NOT_ALLOWED).
   */
  public Actor actorFor(CaseTransition t) {
    List<Actor> all = actors();
    if (all.isEmpty()) {
      throw noActor();
    }
    return all.stream().filter(a -> t.allowedFor(a.role())).findFirst().orElse(all.get(0));
  }

  /** Which cases the caller may list, read and act on. */
  public CaseScope caseScope() {
    if (caller.hasAny(READ_ALL)) {
      return new CaseScope(true, null, null);
    }
    String unit = caller.hasAny(Roles.UNIT_ROLES) ? caller.unit() : null;
    String collector = caller.has(Roles.COLLECTOR) ? caller.collectorId() : null;
    // the 12345 platform's own tickets: the cases that came by the hotline
    String channel = caller.has(Roles.HOTLINE_PLATFORM) ? Channel.HOTLINE.name() : null;
    return new CaseScope(false, unit, collector, channel);
  }

  /**
   * Whether the caller may see the register entry and the orders of {@code unitId}: a unit user its
   * own unit and (a township body) its departments; the center and the offices every unit.
   */
  public boolean maySeeUnit(String unitId, String parentOfUnit) {
    if (!caller.isUnitScoped()) {
      return true;
    }
    String own = caller.unit();
    return own != null && (own.equals(unitId) || own.equals(parentOfUnit));
  }

  private ProblemException noActor() {
    String detail;
    if (caller.hasAny(Roles.UNIT_ROLES) && caller.unit() == null) {
      detail = "令牌未携带所属单位（unit_id）/ the token carries no unit_id";
    } else if (caller.has(Roles.COLLECTOR) && caller.collectorId() == null) {
      detail = "令牌未携带采集员编号（collector_id）/ the token carries no collector_id";
    } else {
      detail = "当前角色无权办理案件 / your role does not act on cases";
    }
    return ProblemException.forbidden(detail);
  }
}
