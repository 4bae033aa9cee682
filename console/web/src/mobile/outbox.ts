import { computed, ref } from 'vue'
import { currentUser, login } from '../auth'
import { drain, pending, recovered, type OutboxItem } from '../lib/outbox'
import { OutboxStore, type PhotoBytes } from '../lib/outboxStore'
import { transport } from './transport'

/**
 * The queue of this device, as the phone screens see it (reactive), and the sender that drains it
 * (lib/outbox.ts does the sending rules). It sends when something is captured, when the network
 * comes back (`online`), when the app is shown again or focused, and every 5 s while anything
 * waits; one tab at a time (Web Locks), so two open tabs never send the same step at once (and if
 * they did, the Idempotency-Key and the photo hashes would still make it count once).
 */
export interface Identity {
  username: string
  name: string
  collectorId: string
}

export const items = ref<OutboxItem[]>([])
export const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
export const busy = ref(false)
/** somebody must log in for the waiting items to go (no session in this tab) */
export const needsLogin = ref(false)
export const identity = ref<Identity | null>(null)

export const waiting = computed(() => pending(items.value, identity.value?.username))

let storeP: Promise<OutboxStore> | null = null

export function store(): Promise<OutboxStore> {
  if (!storeP) {
    storeP = (async () => {
      const s = await OutboxStore.open()
      // a page closed in the middle of sending left its item 'sending': waiting again, same key
      for (const i of await s.items()) if (i.state === 'sending') await s.put(recovered(i))
      identity.value = (await s.getKv<Identity>('identity')) ?? null
      return s
    })()
  }
  return storeP
}

export async function refresh(): Promise<void> {
  items.value = await (await store()).items()
}

/** Remembers who uses this device (name and collector id, never a token) for offline starts. */
export async function rememberIdentity(id: Identity): Promise<void> {
  identity.value = id
  await (await store()).setKv('identity', id)
}

export async function enqueue(item: Omit<OutboxItem, 'seq'>, photos: PhotoBytes[]): Promise<OutboxItem> {
  const stored = await (await store()).add(item, photos)
  await refresh()
  kick()
  return stored
}

/** A refused report corrected by the person takes the old one's place (one transaction). */
export async function replaceItem(oldId: string, item: Omit<OutboxItem, 'seq'>, photos: PhotoBytes[]): Promise<OutboxItem> {
  const stored = await (await store()).replace(oldId, item, photos)
  await refresh()
  kick()
  return stored
}

/** The person takes a refused item back (it registered nothing, or the person gives it up). */
export async function remove(id: string): Promise<void> {
  await (await store()).remove(id)
  await refresh()
}

/** A refused item sent again as it is (after the cause was fixed elsewhere, e.g. a certificate). */
export async function retry(id: string): Promise<void> {
  const s = await store()
  const i = await s.get(id)
  if (!i || i.state !== 'refused') return
  // a refused registration registered nothing: a new key lets a changed body go through
  const key = i.reportId ? i.idempotencyKey : crypto.randomUUID()
  await s.put({ ...i, state: 'waiting', refusal: undefined, attempts: 0, nextAttemptAt: undefined, idempotencyKey: key })
  await refresh()
  kick()
}

let again = false
let timer: number | undefined

export function kick(): void {
  if (busy.value) {
    again = true
    return
  }
  void run()
}

async function run(): Promise<void> {
  busy.value = true
  try {
    do {
      again = false
      await once()
    } while (again)
  } finally {
    busy.value = false
  }
}

const AUTO_LOGIN_KEY = 'szcg.m.autoLoginAt'

async function once(): Promise<void> {
  const s = await store()
  await refresh()
  online.value = navigator.onLine
  if (!navigator.onLine) return
  const user = await currentUser()
  const owner = user ? String(user.profile.preferred_username ?? '') : identity.value?.username
  const mine = pending(items.value, owner)
  if (!user) {
    needsLogin.value = mine.length > 0
    // back online with work waiting and no session in this tab: log in (Keycloak's session
    // usually answers at once), at most once a minute so a failing login cannot loop
    const last = Number(sessionStorage.getItem(AUTO_LOGIN_KEY) ?? 0)
    if (mine.length > 0 && Date.now() - last > 60_000) {
      sessionStorage.setItem(AUTO_LOGIN_KEY, String(Date.now()))
      await login(window.location.pathname)
    }
    return
  }
  needsLogin.value = false
  if (mine.length === 0) return
  const work = async () => {
    const r = await drain(s, transport, owner!, {
      onChange: (changed) => {
        items.value = items.value.map((i) => (i.id === changed.id ? changed : i))
      },
    })
    if (r.blocked === 'auth') needsLogin.value = true
  }
  const locks = (navigator as Navigator & { locks?: LockManager }).locks
  if (locks) await locks.request('szcg-outbox', { ifAvailable: true }, async (lock) => (lock ? work() : undefined))
  else await work()
  await refresh()
}

let started = false

/** Starts the sender for the life of the page (idempotent). */
export function startSender(): void {
  if (started) return
  started = true
  void store().then(() => kick())
  window.addEventListener('online', () => {
    online.value = true
    kick()
  })
  window.addEventListener('offline', () => {
    online.value = false
  })
  window.addEventListener('focus', kick)
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) kick()
  })
  timer = window.setInterval(() => {
    online.value = navigator.onLine
    if (waiting.value.length > 0) kick()
  }, 5_000)
}

export function stopSender(): void {
  window.clearInterval(timer)
}
