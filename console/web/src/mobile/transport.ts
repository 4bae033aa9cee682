import { auth, currentUser } from '../auth'
import type { PhotoRef, Reply, ReportBody, Transport, UploadService } from '../lib/outbox'

/**
 * The queue's way to the services: the console's same-origin gateway with the person's token.
 * Every answer is a Reply — no answer at all (offline, connection cut) is status 0 — and never
 * throws: lib/outbox.ts decides what each answer means.
 */
async function call(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}, retried = false): Promise<Reply> {
  const user = await currentUser()
  if (!user) return { status: 401, body: null }
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers: { Accept: 'application/json, application/problem+json', Authorization: `Bearer ${user.access_token}`, ...headers },
      body,
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    return { status: 0, body: null }
  }
  if (res.status === 401 && !retried) {
    const renewed = await auth().signinSilent().catch(() => null)
    if (renewed) return call(method, path, body, headers, true)
  }
  let parsed: unknown = null
  try {
    const type = res.headers.get('content-type') ?? ''
    parsed = type.includes('json') ? await res.json() : await res.text()
  } catch {
    // the body broke off: the answer is as good as lost
    return { status: 0, body: null }
  }
  return { status: res.status, body: parsed }
}

const json = (v: unknown) => JSON.stringify(v)
const JSON_TYPE = { 'Content-Type': 'application/json' }
const q = encodeURIComponent
/** where a service's upload sessions are (intake unless said otherwise) */
const uploads = (service: UploadService = 'intake') => `/api/${service}/v1/uploads`

export const transport: Transport = {
  registerReport: (body: ReportBody, key: string) => call('POST', '/api/intake/v1/reports', json(body), { ...JSON_TYPE, 'Idempotency-Key': key }),
  openUpload: (reportId, photo, purpose, taskId) =>
    call(
      'POST',
      '/api/intake/v1/uploads',
      json({ reportId, purpose, verificationTaskId: taskId, fileName: photo.name, contentType: photo.type, length: photo.size, sha256: photo.sha256 }),
      JSON_TYPE,
    ),
  // a check photo: dispatch's resumable sessions (same protocol), ending in a CHECK case photo
  openCasePhotoUpload: (caseId, photo, lon, lat) =>
    call(
      'POST',
      '/api/dispatch/v1/uploads',
      json({ caseId, purpose: 'CHECK', fileName: photo.name, contentType: photo.type, length: photo.size, sha256: photo.sha256, takenAt: photo.takenAt, ...(lon != null && lat != null ? { lon, lat } : {}) }),
      JSON_TYPE,
    ),
  readUpload: (uploadId, service) => call('GET', `${uploads(service)}/${q(uploadId)}`),
  uploadChunk: (uploadId, offset, chunk, service) =>
    call('PATCH', `${uploads(service)}/${q(uploadId)}`, new Blob([chunk], { type: 'application/offset+octet-stream' }), {
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': String(offset),
    }),
  completeVerification: (taskId, body) => call('POST', `/api/intake/v1/verifications/${q(taskId)}/result`, json(body), JSON_TYPE),
  readVerification: (taskId) => call('GET', `/api/intake/v1/verifications/${q(taskId)}`),
  checkResult: (caseId, pass, body) => call('POST', `/api/dispatch/v1/cases/${q(caseId)}/checks/${pass ? 'pass' : 'fail'}`, json(body), JSON_TYPE),
  readCase: (caseId) => call('GET', `/api/dispatch/v1/cases/${q(caseId)}`),
}

/** A GET for the screens (lists, tasks): the Reply, never a throw. */
export function read(path: string): Promise<Reply> {
  return call('GET', path)
}

/** A PUT of JSON (the own position). */
export function putJson(path: string, body: unknown): Promise<Reply> {
  return call('PUT', path, json(body), JSON_TYPE)
}

/** The bytes of a photo (a task's evidence) as a blob: URL, or null. */
export async function photoUrl(path: string): Promise<string | null> {
  const user = await currentUser()
  if (!user) return null
  try {
    const res = await fetch(path, { headers: { Authorization: `Bearer ${user.access_token}` }, credentials: 'omit' })
    if (!res.ok) return null
    return URL.createObjectURL(await res.blob())
  } catch {
    return null
  }
}
