/**
 * 我的效能告诫 (R-24, Art 33): the efficiency warnings addressed to the signed-in person of a unit
 * (assessment-service `GET /api/v1/efficiency-warnings/mine`), and 签收告诫 — the person warned, and
 * only that person, acknowledges one (`POST /api/v1/efficiency-warnings/{id}/acknowledgement`; asked
 * again, the service answers the same acknowledgement). docs/assessment.md §7a 效能告诫.
 */

/** assessment-service's EfficiencyWarningStore.Warning. */
export interface EfficiencyWarning {
  warningId: string
  noticeActionId: string
  unitId: string
  caseId: string | null
  personId: string
  personName: string | null
  reasonZh: string
  issuedBy: string
  issuedAt: string
  acknowledgedAt: string | null
}

export const MY_WARNINGS_URL = '/api/assessment/v1/efficiency-warnings/mine?limit=50'

export function acknowledgeUrl(warningId: string): string {
  return `/api/assessment/v1/efficiency-warnings/${encodeURIComponent(warningId)}/acknowledgement`
}

/** Not yet acknowledged ones first (oldest issued first: the longest waiting), then the rest newest first. */
export function sortWarnings(list: readonly EfficiencyWarning[]): EfficiencyWarning[] {
  const open = list.filter((w) => !w.acknowledgedAt).sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt))
  const done = list.filter((w) => w.acknowledgedAt).sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt))
  return [...open, ...done]
}

/** How many still wait for 签收. */
export function unacknowledged(list: readonly EfficiencyWarning[]): number {
  return list.filter((w) => !w.acknowledgedAt).length
}

/** The list with the service's answer to an acknowledgement in place of the warning it names. */
export function withAcknowledged(list: readonly EfficiencyWarning[], answer: EfficiencyWarning): EfficiencyWarning[] {
  return list.map((w) => (w.warningId === answer.warningId ? answer : w))
}

/**
 * What the 签收 of a warning the service refuses means to the person: 404 — not theirs (or gone);
 * 403 — their role may not acknowledge; anything else: the service's own words.
 */
export function refusalText(status: number, lang: 'zh' | 'en'): string | null {
  if (status === 404) return lang === 'zh' ? '该告诫不是发给您的，或已不存在 / not addressed to you' : 'this warning is not addressed to you, or no longer exists'
  if (status === 403) return lang === 'zh' ? '您的角色不能签收告诫' : 'your role may not acknowledge warnings'
  return null
}
