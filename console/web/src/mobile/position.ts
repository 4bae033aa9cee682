import { ref } from 'vue'
import { currentUser } from '../auth'
import { beijingDay, currentShift, shiftsOfDay, shouldSend, type Fix, type Shift } from '../lib/shift'
import { putJson, read } from './transport'
import { store } from './outbox'

/**
 * Today's shifts of the signed-in collector and the own position sent while one runs (the duty
 * roster: intake-service PUT /collectors/{id}/position, used to give a verification task to the
 * nearest collector on duty). Off duty the position is not watched at all (battery, privacy).
 */
export const shifts = ref<Shift[]>([])
export const onShift = ref(false)
export const lastSent = ref<Fix | null>(null)
export const lastFix = ref<Fix | null>(null)

let watchId: number | null = null
let started = false

export async function loadShifts(): Promise<void> {
  const user = await currentUser()
  const collectorId = user ? String((user.profile as Record<string, unknown>).collector_id ?? '') : ''
  const s = await store()
  if (user && collectorId) {
    const { from, to } = beijingDay(Date.now())
    const r = await read(`/api/intake/v1/duty-shifts?collectorId=${encodeURIComponent(collectorId)}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&size=50`)
    if (r.status === 200) {
      const list = ((r.body as { items?: Shift[] }).items ?? []) as Shift[]
      await s.setKv('shifts', list)
    }
  }
  shifts.value = shiftsOfDay((await s.getKv<Shift[]>('shifts')) ?? [], Date.now())
  update()
}

function update() {
  onShift.value = !!currentShift(shifts.value, Date.now())
  if (onShift.value && watchId === null && 'geolocation' in navigator) {
    watchId = navigator.geolocation.watchPosition(fix, () => {}, { enableHighAccuracy: false, maximumAge: 60_000, timeout: 30_000 })
  } else if (!onShift.value && watchId !== null) {
    navigator.geolocation.clearWatch(watchId)
    watchId = null
  }
}

async function fix(p: GeolocationPosition) {
  const next: Fix = { lon: p.coords.longitude, lat: p.coords.latitude, at: Date.now() }
  lastFix.value = next
  if (!shouldSend(onShift.value, lastSent.value ?? undefined, next)) return
  const user = await currentUser()
  const id = user ? String((user.profile as Record<string, unknown>).collector_id ?? '') : ''
  if (!id || !navigator.onLine) return
  const r = await putJson(`/api/intake/v1/collectors/${encodeURIComponent(id)}/position`, { lon: next.lon, lat: next.lat })
  if (r.status === 200) lastSent.value = next
}

export function startPositionSender(): void {
  if (started) return
  started = true
  void loadShifts()
  window.setInterval(update, 60_000)
  window.setInterval(() => void loadShifts(), 15 * 60_000)
}
