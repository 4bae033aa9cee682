import type { Lang } from './lang'

/** The traffic light of a clock: green, yellow from the warning, red at the breach. */
export type Light = 'green' | 'yellow' | 'red'

export interface ClockTimes {
  /** when the warning is due (working time already counted by sla-service) */
  warningAt: string | Date
  /** the breach: the deadline */
  deadline: string | Date
  /** a stopped clock keeps the light it had when it stopped */
  stoppedAt?: string | Date | null
}

const ms = (t: string | Date) => (t instanceof Date ? t.getTime() : Date.parse(t))

/**
 * green before warningAt; yellow from warningAt (inclusive) until the deadline; red from the
 * deadline (inclusive) on. A stopped clock is judged at its stop.
 */
export function trafficLight(clock: ClockTimes, now: Date | number = Date.now()): Light {
  const at = clock.stoppedAt ? ms(clock.stoppedAt) : typeof now === 'number' ? now : now.getTime()
  if (at >= ms(clock.deadline)) return 'red'
  if (at >= ms(clock.warningAt)) return 'yellow'
  return 'green'
}

/**
 * Seconds from an sla-service duration: ISO-8601 ("PT1H5M", "-PT20M", "P1DT2H") or a number of
 * seconds (Jackson's numeric form). NaN when unreadable.
 */
export function durationSeconds(value: string | number): number {
  if (typeof value === 'number') return value
  const m = /^([-+])?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:([-+]?\d+(?:\.\d+)?)H)?(?:([-+]?\d+(?:\.\d+)?)M)?(?:([-+]?\d+(?:\.\d+)?)S)?)?$/.exec(
    value.trim(),
  )
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) return Number.NaN
  const sign = m[1] === '-' ? -1 : 1
  const [d, h, min, s] = [m[2], m[3], m[4], m[5]].map((x) => (x ? Number(x) : 0))
  return sign * (d * 86400 + h * 3600 + min * 60 + s)
}

/**
 * Remaining (working) time for a person: "剩余 1小时05分" / "1 h 05 min left", and once past
 * the deadline "超时 20分" / "20 min overdue". Minutes are floored while time remains and
 * ceiled when overdue (a clock 30 s late is 1 min overdue, never "0 min"); under a minute left
 * says so.
 */
export function formatRemaining(seconds: number, lang: Lang): string {
  if (!Number.isFinite(seconds)) return lang === 'zh' ? '—' : '—'
  const overdue = seconds < 0
  const totalMin = overdue ? Math.ceil(-seconds / 60) : Math.floor(seconds / 60)
  if (!overdue && totalMin === 0) {
    return seconds === 0
      ? lang === 'zh'
        ? '已到期'
        : 'due now'
      : lang === 'zh'
        ? '剩余不足1分钟'
        : 'less than 1 min left'
  }
  const h = Math.floor(totalMin / 60)
  const m = totalMin % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  if (lang === 'zh') {
    const text = h > 0 ? `${h}小时${mm}分` : `${m}分`
    return overdue ? `超时 ${text}` : `剩余 ${text}`
  }
  const text = h > 0 ? `${h} h ${mm} min` : `${m} min`
  return overdue ? `${text} overdue` : `${text} left`
}
