package cn.szcg.platform.security;

import java.util.List;

/**
 * The realm roles of the Minqing realm (deploy/k8s/base/keycloak/realm-import.yaml), as they appear
 * in a token's {@code realm_access.roles}. What each may do is in docs/security.md; the
 * per-endpoint {@code @RolesAllowed} of every service follows that table and is pinned by the
 * service's authorization matrix test.
 */
public final class Roles {

  /** 信息采集员 field collector: reports problems, verifies and checks the tasks given to them. */
  public static final String COLLECTOR = "collector";

  /** 受理员 center operator: registers and verifies reports. */
  public static final String OPERATOR = "operator";

  /** 值班长 shift lead: files cases, approves closing, decides extensions and returns. */
  public static final String SHIFT_LEAD = "shift-lead";

  /** 派遣员 dispatcher: dispatches cases to handling units. */
  public static final String DISPATCHER = "dispatcher";

  /** 专业部门接收员 unit receiver: signs for their unit's orders (scoped by the unit_id claim). */
  public static final String UNIT_RECEIVER = "unit-receiver";

  /** 专业部门领导 unit leader: approves their unit's work (scoped by the unit_id claim). */
  public static final String UNIT_LEADER = "unit-leader";

  /** 专业部门处置人员 unit handler: handles their unit's orders (scoped by the unit_id claim). */
  public static final String UNIT_HANDLER = "unit-handler";

  /** 县效能办 efficiency office: accountability (Art. 33), assessment figures. */
  public static final String EFFICIENCY_OFFICE = "efficiency-office";

  /** 县政府督查室 supervision office: reads everything, the audit trail included. */
  public static final String SUPERVISION_OFFICE = "supervision-office";

  /** 县政府 county government: figures, notices, designations. */
  public static final String COUNTY_GOVERNMENT = "county-government";

  /** 系统管理员 administrator: configuration and reference data, the audit trail. */
  public static final String ADMIN = "admin";

  /** Machine client of the 12345 hotline platform: pushes tickets, reads their status. */
  public static final String HOTLINE_PLATFORM = "hotline-platform";

  /**
   * Machine client of other county systems (video analytics, government website/Weibo bridges):
   * pushes reports of their own channel and reads the map and the calendar.
   */
  public static final String COUNTY_SYSTEM = "county-system";

  /** The suite's own services calling each other (intake and dispatch → gis). */
  public static final String SZCG_SERVICE = "szcg-service";

  /** Every role, the order of the realm. */
  public static final List<String> ALL =
      List.of(
          COLLECTOR,
          OPERATOR,
          SHIFT_LEAD,
          DISPATCHER,
          UNIT_RECEIVER,
          UNIT_LEADER,
          UNIT_HANDLER,
          EFFICIENCY_OFFICE,
          SUPERVISION_OFFICE,
          COUNTY_GOVERNMENT,
          ADMIN,
          HOTLINE_PLATFORM,
          COUNTY_SYSTEM,
          SZCG_SERVICE);

  /** The roles scoped to one unit by the {@code unit_id} claim. */
  public static final List<String> UNIT_ROLES = List.of(UNIT_RECEIVER, UNIT_LEADER, UNIT_HANDLER);

  /** Machine clients (client-credentials tokens). */
  public static final List<String> MACHINE_ROLES =
      List.of(HOTLINE_PLATFORM, COUNTY_SYSTEM, SZCG_SERVICE);

  /** The command center's own people, who may see a public reporter's name and phone. */
  public static final List<String> CENTER_ROLES =
      List.of(OPERATOR, SHIFT_LEAD, DISPATCHER, SUPERVISION_OFFICE, ADMIN);

  private Roles() {}
}
