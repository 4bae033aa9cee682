import { read } from './transport'
import { store } from './outbox'
import type { Catalogue } from '../types'

/**
 * The filing standard in force (立案标准, intake GET /filing-standard) for the category picker,
 * kept on the device so that a report can be captured offline with its category and condition.
 * Re-read whenever the app is online; the stored copy is used otherwise.
 */
export async function filingStandard(): Promise<Catalogue | null> {
  const s = await store()
  if (navigator.onLine) {
    const r = await read('/api/intake/v1/filing-standard')
    if (r.status === 200) {
      await s.setKv('filing-standard', r.body)
      return r.body as Catalogue
    }
  }
  return (await s.getKv<Catalogue>('filing-standard')) ?? null
}

/** Reads a list from the service when online and keeps it; the kept one offline. */
export async function cachedList<T>(key: string, path: string): Promise<{ items: T[]; fresh: boolean }> {
  const s = await store()
  if (navigator.onLine) {
    const r = await read(path)
    if (r.status === 200) {
      const items = ((r.body as { items?: T[] }).items ?? []) as T[]
      await s.setKv(key, items)
      return { items, fresh: true }
    }
  }
  return { items: (await s.getKv<T[]>(key)) ?? [], fresh: false }
}
