import { auth, currentUser } from './auth'
import { readableProblem, type ReadableProblem } from './lib/problem'
import { i18n } from './i18n'
import type { Lang } from './lib/lang'

/** A refused or failed call: the HTTP status and the service's problem+json made readable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`)
  }

  readable(lang: Lang = currentLang()): ReadableProblem {
    return readableProblem(this.status, this.body, lang)
  }
}

export function currentLang(): Lang {
  return (i18n.global.locale.value as string).startsWith('en') ? 'en' : 'zh'
}

export interface CallOptions {
  method?: string
  json?: unknown
  /** raw bytes with their type (a photo upload to dispatch's evidence store, 处置通) */
  raw?: { body: Blob; type: string }
  signal?: AbortSignal
}

/**
 * Calls a service through the console's same-origin gateway: path "/api/intake/v1/reports".
 * Sends the person's access token; a 401 is retried once after a silent renewal.
 */
export async function api<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const res = await send(path, opts, false)
  return (await body(res)) as T
}

/** The raw response (bytes of a photo). */
export async function apiBlob(path: string): Promise<Blob> {
  const res = await send(path, {}, false)
  return res.blob()
}

async function send(path: string, opts: CallOptions, retried: boolean): Promise<Response> {
  const user = await currentUser()
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (user) headers.Authorization = `Bearer ${user.access_token}`
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.raw) headers['Content-Type'] = opts.raw.type
  let res: Response
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.raw ? opts.raw.body : opts.json === undefined ? undefined : JSON.stringify(opts.json),
      signal: opts.signal,
      credentials: 'omit',
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError(0, null)
  }
  if (res.status === 401 && !retried && user) {
    try {
      await auth().signinSilent()
      return send(path, opts, true)
    } catch {
      /* fall through: the 401 is reported */
    }
  }
  if (!res.ok) throw new ApiError(res.status, await body(res).catch(() => null))
  return res
}

async function body(res: Response): Promise<unknown> {
  if (res.status === 204) return null
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('json')) return res.json()
  return res.text()
}
