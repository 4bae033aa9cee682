import { pickLanguage, type Lang } from './lang'

/** dispatch-service's ProposalView: the responsibility matrix's proposal for one case (R-12). */
export interface Proposal {
  caseId: string
  proposedUnitId?: string | null
  proposedUnitName?: string | null
  ruleId?: string | null
  explanationZh?: string | null
  explanationEn?: string | null
  tiedUnitIds: string[]
  excludedUnitIds: string[]
  componentId?: string | null
  maintainerStatus?: string | null
  maintainerName?: string | null
  maintainerUnitId?: string | null
}

/** The body of POST /cases/{id}/dispatch (CaseRequests.DispatchBody). */
export interface DispatchBody {
  unitId?: string
  overrideReason?: string
  requirements?: string
  /** 协同单位: units that cooperate with the responsible one (recorded with the dispatch) */
  cooperatingUnitIds?: string[]
}

export interface DispatchChoice {
  /** the unit the dispatcher picked; empty or the proposed unit = confirm the proposal */
  unitId?: string | null
  overrideReason?: string | null
  requirements?: string | null
  cooperatingUnitIds?: readonly string[] | null
}

/**
 * What the dispatch desk sends (R-12): the proposal confirmed in one click (no unitId, so
 * dispatch-service re-runs the matrix and records a confirmation), or another unit with the
 * required reason (an override, recorded with the proposal it overrides).
 */
export function dispatchBody(p: Proposal | null, choice: DispatchChoice): DispatchBody {
  const unit = (choice.unitId ?? '').trim()
  const requirements = (choice.requirements ?? '').trim()
  const body: DispatchBody = {}
  if (unit && unit !== (p?.proposedUnitId ?? '')) {
    body.unitId = unit
    body.overrideReason = (choice.overrideReason ?? '').trim()
  }
  if (requirements) body.requirements = requirements
  const cooperating = cooperatingOf(choice)
  if (cooperating.length) body.cooperatingUnitIds = cooperating
  return body
}

/** The cooperating units chosen, trimmed, without blanks and duplicates, in the order picked. */
function cooperatingOf(choice: DispatchChoice): string[] {
  return [...new Set((choice.cooperatingUnitIds ?? []).map((u) => u.trim()).filter(Boolean))]
}

/** One unit's line of dispatch-service's `GET /units/open-load` (absent: no open order). */
export interface UnitLoad {
  unitId: string
  /** open orders and sub-orders: 待签收 + 已签收 + 处置中 */
  open: number
  /** 待签收: dispatched, not signed for */
  unsigned: number
  /** 已签收 or 处置中 */
  inHandling: number
  /** 过期未处置: handling past its deadline */
  overdue: number
}

/** Every unit's load by unit id, from the one call; a unit not listed has no open order. */
export function loadsByUnit(res: { units: readonly UnitLoad[] }): Record<string, UnitLoad> {
  const out: Record<string, UnitLoad> = {}
  for (const u of res.units) out[u.unitId] = u
  return out
}

/** A unit's load (zero when it has no open order). */
export function loadOf(loads: Record<string, UnitLoad>, unitId: string): UnitLoad {
  return loads[unitId] ?? { unitId, open: 0, unsigned: 0, inHandling: 0, overdue: 0 }
}

/** The load beside a unit in the picker: 「在办 3（待签收 1，处置中 2，超期 1）」. */
export function loadLabel(l: UnitLoad, lang: Lang): string {
  if (lang === 'zh') {
    return `在办 ${l.open}（待签收 ${l.unsigned}，处置中 ${l.inHandling}，超期 ${l.overdue}）`
  }
  return `${l.open} open (${l.unsigned} not signed for, ${l.inHandling} in handling, ${l.overdue} overdue)`
}

/** True when the choice overrides the matrix (another unit than the proposal, or no proposal). */
export function isOverride(p: Proposal | null, unitId: string | null | undefined): boolean {
  const unit = (unitId ?? '').trim()
  return unit !== '' && unit !== (p?.proposedUnitId ?? '')
}

/**
 * The fields the desk refuses before sending (the service checks again): an override needs a
 * reason; without a proposal the person must pick a unit. field → message.
 */
export function dispatchProblems(p: Proposal | null, choice: DispatchChoice, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {}
  const unit = (choice.unitId ?? '').trim()
  if (!unit && !p?.proposedUnitId) {
    out.unitId = lang === 'zh' ? '责任矩阵未给出建议，请选择派遣单位' : 'The matrix proposes no unit: choose one'
  }
  if (isOverride(p, unit) && !(choice.overrideReason ?? '').trim()) {
    out.overrideReason = lang === 'zh' ? '改派其他单位须填写理由' : 'A reason is required to choose another unit'
  }
  const main = unit || (p?.proposedUnitId ?? '')
  if (main && cooperatingOf(choice).includes(main)) {
    out.cooperatingUnitIds = lang === 'zh' ? '协同单位不能是派遣单位本身' : 'A cooperating unit cannot be the unit dispatched to'
  }
  return out
}

/** The proposal's explanation in the person's language (dispatch-service writes both). */
export function explanation(p: Proposal, lang: Lang): string {
  const text = lang === 'zh' ? p.explanationZh : p.explanationEn
  return pickLanguage(text ?? p.explanationZh ?? '', lang)
}

const MAINTAINER: Record<string, { zh: string; en: string }> = {
  NOT_A_COMPONENT: { zh: '事件类案件，不涉及部件养护单位', en: 'An event case: no component maintainer' },
  FOUND: { zh: '部件养护单位：{name}（{unit}）', en: 'Component maintainer: {name} ({unit})' },
  NOT_REGISTERED: {
    zh: '部件养护单位未在单位名录中登记（{name}）',
    en: 'The component maintainer is not in the unit register ({name})',
  },
  UNKNOWN_COMPONENT: { zh: '地理信息服务不认识该部件', en: 'gis-service does not know the component' },
  GIS_UNAVAILABLE: {
    zh: '地理信息服务暂不可用，未查询部件养护单位',
    en: 'gis-service unavailable: the maintainer was not looked up',
  },
}

/** The component maintainer (R-12: a component's maintainer is responsible first) in plain words. */
export function maintainerText(p: Proposal, lang: Lang): string {
  const status = p.maintainerStatus ?? ''
  const tpl = MAINTAINER[status]
  if (!tpl) return status
  return tpl[lang].replace('{name}', p.maintainerName ?? '—').replace('{unit}', p.maintainerUnitId ?? '—')
}

/**
 * The proposal in plain words for the dispatcher (the service's explanation, with codes and the
 * rule's key, stays beside it as the basis): who is proposed and why, or why nobody is.
 * `unitName` resolves a unit id to its name (the unit register).
 */
export function plainExplanation(p: Proposal, lang: Lang, unitName: (id: string) => string = () => ''): string {
  const name = (id: string) => unitName(id) || id
  const zh = lang === 'zh'
  if (p.proposedUnitId) {
    const unit = p.proposedUnitName || name(p.proposedUnitId)
    if (p.maintainerStatus === 'FOUND' && p.maintainerUnitId === p.proposedUnitId) {
      return zh
        ? `问题涉及部件 ${p.componentId ?? ''}，其养护单位是「${unit}」；部件问题由养护单位处置，建议派遣该单位。`
        : `The problem concerns component ${p.componentId ?? ''}, maintained by “${unit}”; a component goes to its maintainer, so that unit is proposed.`
    }
    return zh
      ? `按责任矩阵${p.ruleId ? `（规则 ${p.ruleId}）` : ''}，该类问题在该区域由「${unit}」负责，建议派遣该单位。`
      : `By the responsibility matrix${p.ruleId ? ` (rule ${p.ruleId})` : ''}, “${unit}” is responsible for this kind of problem in this area, so it is proposed.`
  }
  if (p.tiedUnitIds.length > 1) {
    const list = p.tiedUnitIds.map(name).join(zh ? '、' : ', ')
    return zh
      ? `责任矩阵中 ${p.tiedUnitIds.length} 个单位同等匹配（${list}），无法自动确定；请选定单位并说明理由，或发起协调。`
      : `${p.tiedUnitIds.length} units match equally in the matrix (${list}); choose one with a reason, or start coordination.`
  }
  return zh
    ? '责任矩阵中没有适用于该类别和区域的规则；请选定单位并说明理由，或发起协调。'
    : 'No rule of the matrix covers this category and area; choose a unit with a reason, or start coordination.'
}
