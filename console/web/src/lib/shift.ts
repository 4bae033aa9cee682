/**
 * Today's duty shift (排班, intake-service GET /duty-shifts) on the collector's phone and when its
 * own position is sent (PUT /collectors/{id}/position: intake sends a verification task to the
 * nearest collector on duty, docs/intake.md §5). Battery-friendly: only while a shift runs, at
 * most once a minute, and only after moving 30 m or after 5 minutes standing still.
 */
export interface Shift {
  id: string
  collectorId: string
  gridCodes: string[]
  start: string
  end: string
  cancelled: boolean
}

/** The shift running at `now` (start inclusive, end exclusive, not cancelled), if any. */
export function currentShift(shifts: readonly Shift[], now: number): Shift | undefined {
  return shifts.find((s) => !s.cancelled && Date.parse(s.start) <= now && now < Date.parse(s.end))
}

/** The shifts of the Beijing day of `now` (those overlapping it), earliest first. */
export function shiftsOfDay(shifts: readonly Shift[], now: number): Shift[] {
  const { from, to } = beijingDay(now)
  return shifts
    .filter((s) => !s.cancelled && Date.parse(s.start) < to && Date.parse(s.end) > from)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

/** The Beijing calendar day (UTC+8, no daylight saving) around `now`, as epoch ms [from, to). */
export function beijingDay(now: number): { from: number; to: number } {
  const H8 = 8 * 3600_000
  const from = Math.floor((now + H8) / 86_400_000) * 86_400_000 - H8
  return { from, to: from + 86_400_000 }
}

export interface Fix {
  lon: number
  lat: number
  at: number
}

export const MIN_INTERVAL_MS = 60_000
export const STILL_INTERVAL_MS = 5 * 60_000
export const MIN_MOVE_M = 30

/** Metres between two WGS-84 points (haversine; enough for tens of metres). */
export function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const R = 6_371_008.8
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}

/** Whether a new fix is sent: on shift only; the first one; then by time and movement. */
export function shouldSend(onShift: boolean, last: Fix | undefined, next: Fix): boolean {
  if (!onShift) return false
  if (!last) return true
  const dt = next.at - last.at
  if (dt < MIN_INTERVAL_MS) return false
  return dt >= STILL_INTERVAL_MS || metres(last, next) >= MIN_MOVE_M
}
