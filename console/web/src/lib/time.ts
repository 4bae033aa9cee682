import type { Lang } from './lang'

/** Every date and time the console shows is in the county's zone (R-21: Beijing time). */
export const ZONE = 'Asia/Shanghai'

const formatters = new Map<string, Intl.DateTimeFormat>()

function parts(date: Date): Record<string, string> {
  let f = formatters.get('full')
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set('full', f)
  }
  const out: Record<string, string> = {}
  for (const p of f.formatToParts(date)) out[p.type] = p.value
  return out
}

/** "2026-12-07 08:45:03" in Asia/Shanghai, whatever the browser's own zone; '' for nothing. */
export function formatDateTime(value: string | Date | null | undefined, _lang: Lang = 'zh'): string {
  if (!value) return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  const p = parts(d)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/**
 * The instant of a wall-clock time in Asia/Shanghai (UTC+8 all year, no daylight saving), as the
 * ISO-8601 with offset the services' from/to parameters take: "2026-12-07T00:00:00+08:00".
 */
export function shanghaiIso(date: Date): string {
  const p = parts(date)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+08:00`
}
