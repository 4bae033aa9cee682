/**
 * The realm roles as they appear in realm_access.roles (platform security/Roles.java) and which
 * screen each person gets. The menu follows the roles; the router refuses a forced address the
 * same way; the services decide again on every call (the console decides nothing on its own).
 */
export const Role = {
  COLLECTOR: 'collector',
  OPERATOR: 'operator',
  SHIFT_LEAD: 'shift-lead',
  DISPATCHER: 'dispatcher',
  UNIT_RECEIVER: 'unit-receiver',
  UNIT_LEADER: 'unit-leader',
  UNIT_HANDLER: 'unit-handler',
  EFFICIENCY_OFFICE: 'efficiency-office',
  SUPERVISION_OFFICE: 'supervision-office',
  COUNTY_GOVERNMENT: 'county-government',
  ADMIN: 'admin',
} as const

export type Screen = 'home' | 'intake' | 'dispatch' | 'supervision' | 'assessment' | 'map' | 'case' | 'unit' | 'unitCase' | 'collector'

/** The command center's roles that read any case (dispatch-service GET /cases/{id}). */
const CENTER = [
  Role.OPERATOR,
  Role.SHIFT_LEAD,
  Role.DISPATCHER,
  Role.SUPERVISION_OFFICE,
  Role.EFFICIENCY_OFFICE,
  Role.COUNTY_GOVERNMENT,
  Role.ADMIN,
] as const

/**
 * Who may open each screen built so far, as the services allow the calls behind it:
 * 受理台 受理员 and 值班长; 派遣台 派遣员, 值班长 and 受理员 (dispatch-service's
 * POST /cases/{id}/dispatch, R-12); 督办 值班长 and the center's supervising offices;
 * 地图 every center role (gis-service's tiles, dispatch-service's GET /cases/positions);
 * 案卷 every center role (not a menu entry: opened from a list).
 */
export const SCREEN_ROLES: Record<Screen, readonly string[] | 'any'> = {
  home: 'any',
  intake: [Role.OPERATOR, Role.SHIFT_LEAD],
  dispatch: [Role.DISPATCHER, Role.SHIFT_LEAD, Role.OPERATOR],
  supervision: [Role.SHIFT_LEAD, Role.DISPATCHER, Role.SUPERVISION_OFFICE, Role.EFFICIENCY_OFFICE, Role.COUNTY_GOVERNMENT, Role.ADMIN],
  // 考核: the county ranking, the periodic 通报 and the Art 33 notices with the
  // 效能告诫 — the efficiency office 效能办 (which alone issues warnings) and the supervision office
  // 督查室 (assessment-service's GET /rankings, /periodic-reports, /notices, /efficiency-warnings)
  assessment: [Role.EFFICIENCY_OFFICE, Role.SUPERVISION_OFFICE, Role.ADMIN],
  map: CENTER,
  case: CENTER,
  // 处置通, the unit's terminal: the unit's receiver 接件人, leader in charge 分管领导 and
  // handler 处置人 — dispatch-service scopes their reads to their unit (token claim unit_id)
  unit: [Role.UNIT_RECEIVER, Role.UNIT_LEADER, Role.UNIT_HANDLER],
  unitCase: [Role.UNIT_RECEIVER, Role.UNIT_LEADER, Role.UNIT_HANDLER],
  // 城管通, the collector's phone app (/m/…, docs/console.md): the collector's own reports and tasks
  collector: [Role.COLLECTOR],
}

/** Screens reached from a list, not from the menu. */
const NOT_IN_MENU: readonly Screen[] = ['case', 'unitCase', 'collector']

export function mayOpen(screen: Screen, roles: readonly string[]): boolean {
  const allowed = SCREEN_ROLES[screen]
  return allowed === 'any' || roles.some((r) => allowed.includes(r))
}

/** The menu entries of a person, in menu order. */
export function menuFor(roles: readonly string[]): Screen[] {
  return (Object.keys(SCREEN_ROLES) as Screen[]).filter((s) => !NOT_IN_MENU.includes(s) && mayOpen(s, roles))
}

/** The realm roles of an access token (its payload's realm_access.roles); [] if unreadable. */
export function rolesOfToken(accessToken: string | undefined | null): string[] {
  if (!accessToken) return []
  const payload = accessToken.split('.')[1]
  if (!payload) return []
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4)
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))
    const claims = JSON.parse(new TextDecoder().decode(bytes))
    const roles = claims?.realm_access?.roles
    return Array.isArray(roles) ? roles.filter((r: unknown) => typeof r === 'string') : []
  } catch {
    return []
  }
}
