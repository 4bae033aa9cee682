import type { Lang } from './lang'

/**
 * 受理台 intake desk: the queue's query, the drawer's decisions (核实,
 * 不予立案, 合并, 保持独立, 咨询答复) and the 登记来电/来访 form — which fields each needs, what is
 * checked before sending (intake-service checks again and names the field), and the JSON bodies
 * of intake's endpoints (docs/intake.md §1).
 */

const required = (lang: Lang) => (lang === 'zh' ? '必填' : 'required')
const tooLong = (max: number, lang: Lang) => (lang === 'zh' ? `不超过 ${max} 字` : `at most ${max} characters`)

// ------------------------------------------------------------------ the queue

export interface QueueFilters {
  channel: string
  status: string
  /** 乡镇 township code (9 digits, from gis-service's areas) */
  townshipCode: string
  /** 社区（村） community code (12 digits) within the township; optional in callers */
  communityCode?: string
  /** 问题类别 category code of the filing standard (E-0101) */
  categoryCode: string
  /** Beijing wall-clock times from the picker ("YYYY-MM-DDTHH:mm:ss") */
  range: [string, string] | null
}

/** GET /api/intake/v1/reports query: page from 0, blanks left out, times as Beijing (+08:00). */
/**
 * The category a report shows: the name intake stored when the case was filed, else — for a report
 * not yet filed, which carries only the code its reporter chose — the name from the filing standard
 * in force, else the bare code (a code the standard no longer has).
 */
export function categoryLabel(
  code: string | null | undefined,
  storedName: string | null | undefined,
  categories: readonly { code: string; nameZh: string; nameEn: string }[],
  lang: Lang,
): string {
  if (storedName) return storedName
  if (!code) return '—'
  const c = categories.find((x) => x.code === code)
  return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : code
}

export function queueQuery(f: QueueFilters, page: number, size: number): string {
  const q = new URLSearchParams({ page: String(page), size: String(size) })
  if (f.channel) q.set('channel', f.channel)
  if (f.status) q.set('status', f.status)
  if (f.townshipCode) q.set('townshipCode', f.townshipCode)
  if (f.communityCode) q.set('communityCode', f.communityCode)
  if (f.categoryCode) q.set('categoryCode', f.categoryCode)
  if (f.range?.[0]) q.set('from', f.range[0] + '+08:00')
  if (f.range?.[1]) q.set('to', f.range[1] + '+08:00')
  return q.toString()
}

/** gis-service's areas (GeoJSON features) as picker options, ordered by code. */
export function areaOptions(fc: { features?: { properties?: { code?: string; name?: string } }[] } | null): { code: string; name: string }[] {
  return (fc?.features ?? [])
    .map((f) => ({ code: f.properties?.code ?? '', name: f.properties?.name ?? '' }))
    .filter((a) => a.code)
    .sort((a, b) => a.code.localeCompare(b.code))
}

// ------------------------------------------------------------------ the drawer's decisions

export type DeskActionKey = 'VERIFY' | 'REJECT' | 'MERGE' | 'KEEP_SEPARATE' | 'ANSWER'

export interface DeskAction {
  key: DeskActionKey
  /** the path after /api/intake/v1/reports/{id} */
  path: string
  /** the intake action (ReportView.allowedActions) that permits it */
  allowedBy: string
  danger?: boolean
}

export const DESK_ACTIONS: Record<DeskActionKey, DeskAction> = {
  VERIFY: { key: 'VERIFY', path: '/verification', allowedBy: 'REQUEST_VERIFICATION' },
  REJECT: { key: 'REJECT', path: '/rejection', allowedBy: 'REJECT', danger: true },
  MERGE: { key: 'MERGE', path: '/merge', allowedBy: 'MERGE' },
  // keep-separate is not an intake action of its own: offered while merging is (an open report)
  KEEP_SEPARATE: { key: 'KEEP_SEPARATE', path: '/keep-separate', allowedBy: 'MERGE' },
  ANSWER: { key: 'ANSWER', path: '/answer', allowedBy: 'ANSWER' },
}

/**
 * The decision buttons the drawer shows: those whose intake action the report allows now for
 * this person (allowedActions is empty for anyone who may not decide); 保持独立 only when intake
 * proposes duplicates and nobody has decided so already (intake keeps proposing them after a
 * keep-separate, flagged `keptSeparate`).
 */
export function deskButtons(allowed: readonly string[] | undefined, duplicates: number, keptSeparate = false): DeskActionKey[] {
  const a = new Set(allowed ?? [])
  return (Object.values(DESK_ACTIONS) as DeskAction[])
    .filter((x) => a.has(x.allowedBy))
    .filter((x) => x.key !== 'KEEP_SEPARATE' || (duplicates > 0 && !keptSeparate))
    .map((x) => x.key)
}

export interface DeskValues {
  collectorId: string
  reason: string
  unfounded: boolean
  intoCaseId: string
  answer: string
}

export const emptyDeskValues = (): DeskValues => ({ collectorId: '', reason: '', unfounded: false, intoCaseId: '', answer: '' })

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Fields of the decision that would be refused: field → message. */
export function deskErrors(key: DeskActionKey, v: DeskValues, self: string, lang: Lang): Record<string, string> {
  const e: Record<string, string> = {}
  if (key === 'REJECT') {
    if (!v.reason.trim()) e.reason = required(lang)
    else if (v.reason.trim().length > 500) e.reason = tooLong(500, lang)
  }
  if (key === 'ANSWER') {
    if (!v.answer.trim()) e.answer = required(lang)
    else if (v.answer.trim().length > 2000) e.answer = tooLong(2000, lang)
  }
  if (key === 'MERGE') {
    const into = v.intoCaseId.trim()
    if (!into) e.intoCaseId = required(lang)
    else if (!UUID.test(into)) e.intoCaseId = lang === 'zh' ? '应为案件编号（UUID）' : 'a case id (UUID)'
    else if (into.toLowerCase() === self.toLowerCase()) e.intoCaseId = lang === 'zh' ? '不能合并到自身' : 'not into itself'
  }
  return e
}

/** The JSON body of the decision (intake's ActionRequests). */
export function deskBody(key: DeskActionKey, v: DeskValues): Record<string, unknown> | undefined {
  switch (key) {
    case 'VERIFY':
      // no collector: intake sends the task to the nearest collector on duty
      return v.collectorId.trim() ? { collectorId: v.collectorId.trim() } : {}
    case 'REJECT':
      return v.unfounded ? { reason: v.reason.trim(), unfounded: true } : { reason: v.reason.trim() }
    case 'MERGE':
      return { intoCaseId: v.intoCaseId.trim() }
    case 'ANSWER':
      return { answer: v.answer.trim() }
    case 'KEEP_SEPARATE':
      return undefined
  }
}

// ------------------------------------------------------------------ collectors on the map

export interface PositionedCollector {
  id: string
  name: string
  lon?: number | null
  lat?: number | null
  positionAt?: string | null
  deactivated?: boolean
  mayReport?: boolean
}

/** Great-circle distance in metres (WGS-84 sphere). */
export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = 6_371_008.8
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)))
}

/**
 * The collectors the verification can go to (active ones), nearest to the report first by
 * their last known position; those without a position last, by id.
 */
export function collectorsByDistance<T extends PositionedCollector>(cs: readonly T[], lon?: number | null, lat?: number | null): (T & { distanceM: number | null })[] {
  return cs
    .filter((c) => !c.deactivated)
    .map((c) => ({
      ...c,
      distanceM: c.lon != null && c.lat != null && lon != null && lat != null ? Math.round(distanceMetres(lon, lat, c.lon, c.lat)) : null,
    }))
    .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || a.id.localeCompare(b.id))
}

/** "850 m" / "2.4 km". */
export function formatDistance(m: number | null): string {
  if (m == null) return '—'
  return m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`
}

// ------------------------------------------------------------------ 登记来电/来访

export interface CallForm {
  channel: 'PHONE' | 'WALK_IN'
  kind: 'REPORT' | 'COMPLAINT' | 'CONSULTATION'
  description: string
  address: string
  lon: number | null
  lat: number | null
  reporterName: string
  reporterPhone: string
  categoryCode: string
}

export const emptyCallForm = (): CallForm => ({
  channel: 'PHONE',
  kind: 'REPORT',
  description: '',
  address: '',
  lon: null,
  lat: null,
  reporterName: '',
  reporterPhone: '',
  categoryCode: '',
})

/** intake's service area (IntakeRules: lon 118.3–119.2, lat 25.9–26.6). */
export const SERVICE_AREA = { minLon: 118.3, maxLon: 119.2, minLat: 25.9, maxLat: 26.6 }

const MOBILE = /^(\+86)?1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/

/** What intake would refuse (IntakeValidator, PhoneNumbers): field → message. */
export function callErrors(f: CallForm, lang: Lang): Record<string, string> {
  const e: Record<string, string> = {}
  const zh = lang === 'zh'
  if (!f.description.trim()) e.description = required(lang)
  else if (f.description.trim().length > 2000) e.description = tooLong(2000, lang)
  if (f.address.trim().length > 200) e.address = tooLong(200, lang)
  if (f.reporterName.trim().length > 50) e.reporterName = tooLong(50, lang)
  const phone = f.reporterPhone.replace(/\s+/g, '')
  if (phone && !MOBILE.test(phone) && !LANDLINE.test(phone)) {
    e.reporterPhone = zh ? '手机号（如 13800000000）或带区号的座机（如 0591-22334455）' : 'a mobile (13800000000) or a landline with area code (0591-22334455)'
  }
  if ((f.lon == null) !== (f.lat == null)) e.location = zh ? '经纬度须同时给出' : 'both longitude and latitude'
  else if (f.lon != null && f.lat != null) {
    const a = SERVICE_AREA
    if (f.lon < a.minLon || f.lon > a.maxLon || f.lat < a.minLat || f.lat > a.maxLat) e.location = zh ? '位置不在本县范围内' : 'outside the county'
  }
  return e
}

/** POST /api/intake/v1/reports body of a phone call or a walk-in (blanks left out). */
export function callBody(f: CallForm): Record<string, unknown> {
  const body: Record<string, unknown> = { channel: f.channel, kind: f.kind, description: f.description.trim() }
  if (f.address.trim()) body.address = f.address.trim()
  if (f.lon != null && f.lat != null) body.location = { lon: round6(f.lon), lat: round6(f.lat) }
  if (f.categoryCode) body.categoryCode = f.categoryCode
  const name = f.reporterName.trim()
  const phone = f.reporterPhone.replace(/\s+/g, '')
  if (name || phone) {
    const reporter: Record<string, string> = {}
    if (name) reporter.name = name
    if (phone) reporter.phone = phone
    body.reporter = reporter
  }
  return body
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
