import type { Lang } from './lang'
import { ZONE } from './time'

/**
 * 考核 (the county efficiency office's and the supervision office's screen; ):
 * the county ranking of a month (assessment-service GET /rankings), the sealed periodic 通报
 * (GET /periodic-reports, PDF and xlsx), the Art 33 notices (GET /notices) and the 效能告诫 issued
 * from them (POST /notices/{actionId}/efficiency-warnings, GET /efficiency-warnings). Pure logic
 * here: the month to show, the file names, the mapping of the API's rows, the chart's option and
 * the warning form's checks. The figures, ranks and grades are assessment-service's; the console
 * computes none of them.
 */

/** The county's name as the 通报's title prints it (闽清县数字城管2026年11月考核通报). */
export const COUNTY_REPORT_NAME = '闽清县数字城管考核通报'

/** yyyy-MM of an instant in Asia/Shanghai. */
export function shanghaiMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).formatToParts(now)
  const y = parts.find((p) => p.type === 'year')!.value
  const m = parts.find((p) => p.type === 'month')!.value
  return `${y}-${m}`
}

/** The month before yyyy-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/**
 * The last closed month in Asia/Shanghai — the one the ranking opens on (the running month's
 * figures still move). 2026-12-01T00:30+08:00 (= 2026-11-30T16:30Z) is December in Minqing: the
 * last closed month is 2026-11, whatever the browser's zone.
 */
export function lastClosedMonth(now: Date): string {
  return previousMonth(shanghaiMonth(now))
}

/** The months a person may pick: the running month and the n-1 before it, newest first. */
export function monthChoices(now: Date, n = 24): string[] {
  const out = [shanghaiMonth(now)]
  while (out.length < n) out.push(previousMonth(out[out.length - 1]))
  return out
}

/** The period of a report id: MONTH-2026-11 → 2026-11, QUARTER-2026-Q4 → 2026-Q4, YEAR-2026 → 2026. */
export function reportPeriod(reportId: string): string {
  return reportId.replace(/^(MONTH|QUARTER|YEAR)-/, '')
}

/** The saved file's name: 闽清县数字城管考核通报-2026-11.pdf (-2026-Q4.xlsx, -2026.pdf). */
export function reportFileName(reportId: string, format: 'pdf' | 'xlsx'): string {
  return `${COUNTY_REPORT_NAME}-${reportPeriod(reportId)}.${format}`
}

/** The 通报 endpoints of assessment-service through the console's gateway. */
export function reportFileUrl(reportId: string, format: 'pdf' | 'xlsx'): string {
  return `/api/assessment/v1/periodic-reports/${encodeURIComponent(reportId)}/${format}`
}

/** One sealed 通报 as GET /periodic-reports lists it (PeriodicReportStore.Meta). */
export interface PeriodicReport {
  reportId: string
  periodKind: 'MONTH' | 'QUARTER' | 'YEAR'
  period: string
  firstDay: string
  lastDay: string
  titleZh: string
  titleEn: string
  pdfSha256: string
  xlsxSha256: string
  sealedBy: string
  publishedAt: string
}

/** A row of GET /rankings (keys of UnitReportRow.columns(); rank and grade null when ungraded). */
export type RankingApiRow = Record<string, string | number | null | undefined>

/** What the ranking table and the chart show of a unit. */
export interface RankingRow {
  /** 0: not graded (nothing to be handled in the period), shown blank */
  rank: number
  unitId: string
  unitName: string
  score: number | null
  grade: string | null
  received: number
  toHandle: number
  handled: number
  handledOnTime: number
  overdueHandling: number
  expiredUnhandled: number
  pending: number
  signedLate: number
  /** the rates in %, null when undefined (nothing to divide by) */
  handlingRate: number | null
  onTimeHandlingRate: number | null
  onTimeSignForRate: number | null
  reworkRate: number | null
  satisfactionRate: number | null
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

/** The API's rows made typed; a unit never named shows its id (as the service's exports do). */
export function rankingRows(items: readonly RankingApiRow[]): RankingRow[] {
  return items.map((r) => ({
    rank: num(r.rank) ?? 0,
    unitId: String(r.unitId ?? ''),
    unitName: String(r.unitName || r.unitId || ''),
    score: num(r.score),
    grade: r.grade ? String(r.grade) : null,
    received: num(r.received) ?? 0,
    toHandle: num(r.toHandle) ?? 0,
    handled: num(r.handled) ?? 0,
    handledOnTime: num(r.handledOnTime) ?? 0,
    overdueHandling: num(r.overdueHandling) ?? 0,
    expiredUnhandled: num(r.expiredUnhandled) ?? 0,
    pending: num(r.pending) ?? 0,
    signedLate: num(r.signedLate) ?? 0,
    handlingRate: num(r.handlingRate),
    onTimeHandlingRate: num(r.onTimeHandlingRate),
    onTimeSignForRate: num(r.onTimeSignForRate),
    reworkRate: num(r.reworkRate),
    satisfactionRate: num(r.satisfactionRate),
  }))
}

/** A rate or score as printed: two decimals, "—" when undefined (as the exports print it). */
export function formatFigure(v: number | null): string {
  return v === null ? '—' : v.toFixed(2)
}

/** The grade's colour in the chart (A 优秀 green … E 不合格 red; the grades of UnitScoring, Grade.java). */
export const GRADE_COLOURS: Record<string, string> = { A: '#2e7d32', B: '#1565c0', C: '#b26a00', D: '#d84315', E: '#b71c1c' }

/**
 * The ECharts option of the bar chart: the graded units in ranking order (an ungraded unit has no
 * score to draw), score 0–100 on the value axis, each bar in its grade's colour with the score on
 * it. Only the bar series, the grid, the tooltip and the title are used (the screen registers no
 * more of ECharts than that).
 */
export function rankingChartOption(rows: readonly RankingRow[], lang: Lang, month: string) {
  const graded = rows.filter((r) => r.score !== null && r.rank > 0)
  return {
    animation: false,
    title: {
      text: lang === 'zh' ? `${month} 各单位综合指标值` : `Composite score by unit, ${month}`,
      left: 'center',
      textStyle: { fontSize: 14 },
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 24, top: 44, bottom: 80 },
    xAxis: {
      type: 'category',
      data: graded.map((r) => r.unitName),
      axisLabel: { interval: 0, rotate: graded.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, name: lang === 'zh' ? '分' : 'score' },
    series: [
      {
        type: 'bar',
        name: lang === 'zh' ? '综合指标值' : 'Composite score',
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: (p: { value: number }) => p.value.toFixed(2) },
        data: graded.map((r) => ({ value: r.score as number, itemStyle: { color: GRADE_COLOURS[r.grade ?? ''] ?? '#607d8b' } })),
      },
    ],
  }
}

/** An Art 33 notice as GET /notices gives it (UnitFiguresQueries.NoticeView). */
export interface Notice {
  actionId: string
  type: 'CENTER_NOTICE' | 'EFFICIENCY_OFFICE_NOTICE' | 'EFFICIENCY_WARNING'
  level: string
  unitId: string
  unitName: string
  kind: 'LATE_SIGN_FOR' | 'OVERDUE_OR_EXPIRED_HANDLING' | 'NOT_TO_STANDARD' | string
  month: string
  ordinal: number
  incidentId: string
  caseId: string | null
  personId: string | null
  personName: string | null
  personMissing: boolean
  titleZh: string
  titleEn: string
  issuedAt: string
}

/** A 效能告诫 as GET /efficiency-warnings gives it (EfficiencyWarningStore.Warning). */
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

/** The warnings already issued from a notice (one per notice per person: the service refuses a second). */
export function warningsOf(notice: Notice, warnings: readonly EfficiencyWarning[]): EfficiencyWarning[] {
  return warnings.filter((w) => w.noticeActionId === notice.actionId)
}

/**
 * Whether the 「发出效能告诫」 action is offered on a notice: for the efficiency office only (the
 * only role assessment-service lets issue), and not when the notice's person responsible already
 * has one from it (another person may still be named: the dialog stays reachable when the
 * notice names no one).
 */
export function mayWarn(roles: readonly string[], notice: Notice, warnings: readonly EfficiencyWarning[]): boolean {
  if (!roles.includes('efficiency-office')) return false
  if (!notice.personId) return true
  return !warningsOf(notice, warnings).some((w) => w.personId === notice.personId)
}

/** The 效能告诫 form: the reason (事由) and, when the notice names no one or the office names another, the person. */
export interface WarningValues {
  reasonZh: string
  personId: string
  personName: string
}

export function emptyWarningValues(): WarningValues {
  return { reasonZh: '', personId: '', personName: '' }
}

export const MAX_REASON = 2000

/** The checks before sending, with the service's own field names (reasonZh, personId). */
export function warningErrors(values: WarningValues, notice: Notice, lang: Lang): Record<string, string> {
  const e: Record<string, string> = {}
  if (!values.reasonZh.trim()) e.reasonZh = lang === 'zh' ? '须填写告诫事由' : 'A reason is required'
  else if (values.reasonZh.length > MAX_REASON) e.reasonZh = lang === 'zh' ? `事由过长（最多 ${MAX_REASON} 字）` : `At most ${MAX_REASON} characters`
  if (!notice.personId && !values.personId.trim()) {
    e.personId = lang === 'zh' ? '该通报未登记责任人，须指定被告诫人' : 'The notice names no one: give the person'
  }
  return e
}

/** The body of POST /notices/{actionId}/efficiency-warnings; the person only when the office names one. */
export function warningBody(values: WarningValues): { reasonZh: string; personId?: string; personName?: string } {
  const body: { reasonZh: string; personId?: string; personName?: string } = { reasonZh: values.reasonZh.trim() }
  if (values.personId.trim()) {
    body.personId = values.personId.trim()
    if (values.personName.trim()) body.personName = values.personName.trim()
  }
  return body
}
