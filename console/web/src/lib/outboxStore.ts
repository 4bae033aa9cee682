import type { OutboxItem, Store } from './outbox'

/**
 * The device's store of the phone apps (IndexedDB database `szcg-mobile`): `items` (the queue,
 * keyed by id, index `seq`), `photos` (the bytes of the queued photos as ArrayBuffers, keyed by
 * `<item id>/<n>`) and `kv` (what the app keeps for offline use: the filing standard, the last
 * task lists, the last signed-in identity — never a token). An item and its photos are written in
 * one transaction: a report is either wholly on the device or not at all.
 */
const DB = 'szcg-mobile'
const VERSION = 1

export interface PhotoBytes {
  key: string
  type: string
  bytes: ArrayBuffer
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'))
  })
}

export function openDb(factory: IDBFactory = indexedDB, name = DB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, VERSION)
    r.onupgradeneeded = () => {
      const db = r.result
      if (!db.objectStoreNames.contains('items')) {
        const items = db.createObjectStore('items', { keyPath: 'id' })
        items.createIndex('seq', 'seq', { unique: true })
      }
      if (!db.objectStoreNames.contains('photos')) db.createObjectStore('photos', { keyPath: 'key' })
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv')
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

export class OutboxStore implements Store {
  constructor(private readonly db: IDBDatabase) {}

  static async open(factory?: IDBFactory, name?: string): Promise<OutboxStore> {
    return new OutboxStore(await openDb(factory, name))
  }

  /**
   * Adds a new item with the next seq and its photos, in one transaction. The item's seq is
   * replaced by the next one (one above the highest ever stored).
   */
  async add(item: Omit<OutboxItem, 'seq'>, photos: PhotoBytes[]): Promise<OutboxItem> {
    const tx = this.db.transaction(['items', 'photos'], 'readwrite')
    const items = tx.objectStore('items')
    const last = await req(items.index('seq').openCursor(null, 'prev'))
    const seq = last ? (last.value as OutboxItem).seq + 1 : 1
    const stored: OutboxItem = { ...item, seq }
    items.add(stored)
    for (const p of photos) tx.objectStore('photos').put(p)
    await done(tx)
    return stored
  }

  /**
   * A refused item corrected by the person: the old item and its photos go and the corrected one
   * comes (with the next seq: it is sent after what waits now) — in one transaction, so a crash
   * leaves either the old item or the new one, never neither.
   */
  async replace(oldId: string, item: Omit<OutboxItem, 'seq'>, photos: PhotoBytes[]): Promise<OutboxItem> {
    const tx = this.db.transaction(['items', 'photos'], 'readwrite')
    const items = tx.objectStore('items')
    const old = (await req(items.get(oldId))) as OutboxItem | undefined
    if (old) {
      for (const p of old.photos) tx.objectStore('photos').delete(p.key)
      items.delete(oldId)
    }
    const last = await req(items.index('seq').openCursor(null, 'prev'))
    const lastSeq = last ? (last.value as OutboxItem).seq : 0
    const stored: OutboxItem = { ...item, seq: Math.max(lastSeq, old?.seq ?? 0) + 1 }
    items.add(stored)
    for (const p of photos) tx.objectStore('photos').put(p)
    await done(tx)
    return stored
  }

  async items(): Promise<OutboxItem[]> {
    const tx = this.db.transaction('items', 'readonly')
    const all = await req(tx.objectStore('items').index('seq').getAll())
    return all as OutboxItem[]
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    const tx = this.db.transaction('items', 'readonly')
    return (await req(tx.objectStore('items').get(id))) as OutboxItem | undefined
  }

  async put(item: OutboxItem): Promise<void> {
    const tx = this.db.transaction('items', 'readwrite')
    tx.objectStore('items').put(item)
    await done(tx)
  }

  async photoBytes(key: string): Promise<ArrayBuffer | undefined> {
    const tx = this.db.transaction('photos', 'readonly')
    const p = (await req(tx.objectStore('photos').get(key))) as PhotoBytes | undefined
    return p?.bytes
  }

  /** Removes an item and its photos: only on the person's explicit wish (a refused item). */
  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['items', 'photos'], 'readwrite')
    const item = (await req(tx.objectStore('items').get(id))) as OutboxItem | undefined
    if (item) for (const p of item.photos) tx.objectStore('photos').delete(p.key)
    tx.objectStore('items').delete(id)
    await done(tx)
  }

  /**
   * Frees the bytes of photos of items done for longer than `olderThanMs` (the service has them;
   * the item itself stays as the device's record).
   */
  async prunePhotos(now: number, olderThanMs: number): Promise<number> {
    let n = 0
    for (const i of await this.items()) {
      if (i.state !== 'done' || !i.doneAt || now - Date.parse(i.doneAt) < olderThanMs) continue
      const tx = this.db.transaction('photos', 'readwrite')
      for (const p of i.photos) {
        tx.objectStore('photos').delete(p.key)
        n++
      }
      await done(tx)
    }
    return n
  }

  async getKv<T>(key: string): Promise<T | undefined> {
    const tx = this.db.transaction('kv', 'readonly')
    return (await req(tx.objectStore('kv').get(key))) as T | undefined
  }

  async setKv(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('kv', 'readwrite')
    tx.objectStore('kv').put(value, key)
    await done(tx)
  }

  close() {
    this.db.close()
  }
}
