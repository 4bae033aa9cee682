/**
 * The phone's durable queue (待发送队列) of the collector's app 城管通: a report, a verification
 * (核实) answer or a check (核查) answer with its photos is written to the device (IndexedDB, see
 * outboxStore.ts) the moment it is captured, and sent from there — online or not, the same path.
 *
 * Rules (docs/console.md "城管通 collector app"):
 * - **Never sent twice.** A report carries an Idempotency-Key chosen at capture and stored with it;
 *   intake-service answers a repeated key with the first registration (200, docs/intake.md §2).
 *   Photos are uploaded after the report exists. A report's or a verification's photo goes
 *   resumably (断点续传, issue 18): an upload session declares its length and SHA-256, then chunks of
 *   CHUNK_BYTES follow at their offsets; the session id and the stored offset are kept with the item
 *   after every chunk, and after a cut the phone asks intake for the offset and goes on from there
 *   (only the chunk in flight is sent again, never the whole photo). Declaring the same bytes again
 *   answers the same session or the finished attachment. A check (核查) photo goes the same way to
 *   dispatch-service's own upload sessions (same protocol, platform ResumableUploads; the session
 *   ends in a case photo of purpose CHECK): the phone keeps its session id and offset exactly as for
 *   a report photo and asks dispatch, not intake, after a cut. A task answer that already went through answers 409 on a
 *   retry: the task (or case) is read back and the answer counted as done when it shows it.
 * - **Never dropped.** Progress (the report's id and number, each photo's attachment id) is
 *   written after every step, so a page closed in the middle resumes at the step it was at. Only
 *   the person removes an item (a refused one), never the code.
 * - **In order.** Items are sent oldest first, one at a time; an item waiting for the network
 *   (or a retry) holds back the ones behind it. A refused item is set aside (it needs the person)
 *   and does not hold back the rest.
 * - **States**: waiting (待发送) → sending (发送中) → done (已登记 with the 受理号, or 已完成 for a task),
 *   or refused (被拒, with the service's problem+json to fix it by).
 *
 * This file is the pure part: the item model, how an answer is classified, and one step of an
 * item against an injected transport. `drain` sends what is due.
 */

export type ItemKind = 'report' | 'verification' | 'check'
export type ItemState = 'waiting' | 'sending' | 'done' | 'refused'

/** A photo of an item: its bytes live in the store under `key`. */
export interface PhotoRef {
  key: string
  name: string
  type: string
  size: number
  /** SHA-256 (hex) of the bytes that are uploaded (after compression) */
  sha256: string
  /** SHA-256 (hex) of the photo as the camera gave it, before compression (kept on the device) */
  originalSha256: string
  originalSize: number
  takenAt?: string
  /** the attachment (intake) or photo (dispatch) id once uploaded */
  remoteId?: string
  /** the resumable upload session of this photo (intake's; dispatch's for a check photo) */
  uploadId?: string
  /** bytes the service holds of it as last answered; unset after a cut (then asked for first) */
  uploadOffset?: number
  /** the offsets the upload went on from after a cut (> 0: a resume, not a new start) */
  resumedFrom?: number[]
  /** bytes of this photo put on the wire so far (chunks, counting the ones sent again) */
  bytesSent?: number
}

/** The service holding a photo's upload session: intake (report photos) or dispatch (check photos). */
export type UploadService = 'intake' | 'dispatch'

/** The size of one chunk of a resumable photo upload. */
export const CHUNK_BYTES = 256 * 1024

/** intake-service's RegisterReportRequest of a collector's patrol report */
export interface ReportBody {
  channel: 'PATROL'
  kind: 'REPORT'
  categoryCode: string
  location: { lon: number; lat: number }
  description?: string
  collectorId: string
  deviceTime: string
}

export interface VerificationAnswer {
  taskId: string
  reportId: string
  reportNo?: string
  confirmed: boolean
  note?: string
}

export interface CheckAnswer {
  caseId: string
  reportNo?: string
  pass: boolean
  /** 核查通过: note; 核查不通过: reason (required by dispatch-service) */
  text?: string
  lon?: number
  lat?: number
}

export interface Refusal {
  status: number
  body: unknown
  /** which step was refused: the report, a photo (its name) or the answer */
  step: string
}

export interface OutboxItem {
  id: string
  seq: number
  /** the username that captured it: only that person's session sends it */
  owner: string
  collectorId: string
  kind: ItemKind
  createdAt: string
  state: ItemState
  /** sent with the report's registration; chosen at capture, never changed while it may have been sent */
  idempotencyKey: string
  report?: ReportBody
  verification?: VerificationAnswer
  check?: CheckAnswer
  photos: PhotoRef[]
  reportId?: string
  reportNo?: string
  attempts: number
  /** epoch ms before which the item is not tried again (back-off after a failure) */
  nextAttemptAt?: number
  lastError?: string
  refusal?: Refusal
  doneAt?: string
  /** the task was found already answered when a retry met 409 */
  alreadyDone?: boolean
}

/** What one HTTP exchange gave: status 0 = no answer (network down, connection cut). */
export interface Reply {
  status: number
  body: unknown
}

export interface Transport {
  registerReport(body: ReportBody, idempotencyKey: string): Promise<Reply>
  completeVerification(taskId: string, body: { collectorId: string; confirmed: boolean; note?: string }): Promise<Reply>
  readVerification(taskId: string): Promise<Reply>
  /** opens (or finds again) intake's resumable upload session of a photo of a report */
  openUpload(reportId: string, photo: PhotoRef, purpose: 'BEFORE' | 'VERIFICATION', taskId?: string): Promise<Reply>
  /** opens (or finds again) dispatch's resumable upload session of a check photo of a case */
  openCasePhotoUpload(caseId: string, photo: PhotoRef, lon?: number, lat?: number): Promise<Reply>
  /** the session (at intake unless `service` says dispatch): its stored offset and state */
  readUpload(uploadId: string, service?: UploadService): Promise<Reply>
  /** one chunk at an offset, to the service holding the session */
  uploadChunk(uploadId: string, offset: number, chunk: ArrayBuffer, service?: UploadService): Promise<Reply>
  checkResult(caseId: string, pass: boolean, body: Record<string, unknown>): Promise<Reply>
  readCase(caseId: string): Promise<Reply>
}

export interface Store {
  /** every item, in seq order */
  items(): Promise<OutboxItem[]>
  put(item: OutboxItem): Promise<void>
  photoBytes(key: string): Promise<ArrayBuffer | undefined>
}

export type Verdict = 'ok' | 'retry' | 'auth' | 'refused'

/**
 * How an answer is taken: 2xx done; no answer, 408, 425, 429 and 5xx are the network's or the
 * service's passing trouble (try again later, same key); 401 waits for a login; any other 4xx is
 * the service refusing what was sent — it needs the person (shown with its reason).
 */
export function classify(status: number): Verdict {
  if (status >= 200 && status < 300) return 'ok'
  if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry'
  if (status === 401) return 'auth'
  return 'refused'
}

/** Back-off after the n-th failed attempt (1-based): 2 s, 4 s, 8 s … at most 60 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1))
}

/** Items still to send, in the order they go: not done, not refused, oldest first. */
export function pending(items: readonly OutboxItem[], owner?: string): OutboxItem[] {
  return items
    .filter((i) => (i.state === 'waiting' || i.state === 'sending') && (owner === undefined || i.owner === owner))
    .sort((a, b) => a.seq - b.seq)
}

/** A page that closed while sending left items in 'sending': they are waiting again (same key). */
export function recovered(item: OutboxItem): OutboxItem {
  return item.state === 'sending' ? { ...item, state: 'waiting' } : item
}

/** How far an item is, for the screen: photos sent of photos. */
export function progress(item: OutboxItem): { photosSent: number; photos: number; registered: boolean } {
  return {
    photosSent: item.photos.filter((p) => p.remoteId).length,
    photos: item.photos.length,
    registered: !!item.reportId,
  }
}

/** The result of one step. */
export type StepResult = 'progress' | 'done' | 'refused' | 'retry' | 'auth'

function field(body: unknown, name: string): unknown {
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
}

/**
 * Does the next step of an item (register the report, upload one photo, send the answer) and
 * returns the item as it is after it; the caller stores it before anything else happens.
 */
export async function step(item: OutboxItem, store: Store, t: Transport, now: () => number = Date.now): Promise<{ item: OutboxItem; result: StepResult }> {
  const fail = (reply: Reply, what: string, base: OutboxItem = item): { item: OutboxItem; result: StepResult } => {
    const v = classify(reply.status)
    if (v === 'auth') return { item: { ...base, state: 'waiting', lastError: 'HTTP 401' }, result: 'auth' }
    if (v === 'refused') {
      return { item: { ...base, state: 'refused', refusal: { status: reply.status, body: reply.body, step: what } }, result: 'refused' }
    }
    const attempts = item.attempts + 1
    return {
      item: { ...base, state: 'waiting', attempts, nextAttemptAt: now() + retryDelayMs(attempts), lastError: reply.status === 0 ? 'network' : `HTTP ${reply.status}` },
      result: 'retry',
    }
  }
  const ok = (next: OutboxItem): { item: OutboxItem; result: StepResult } => ({
    item: { ...next, attempts: 0, nextAttemptAt: undefined, lastError: undefined },
    result: 'progress',
  })
  const finished = (next: OutboxItem): { item: OutboxItem; result: StepResult } => ({
    item: { ...next, state: 'done', doneAt: new Date(now()).toISOString(), attempts: 0, nextAttemptAt: undefined, lastError: undefined },
    result: 'done',
  })

  // 1. a report: registered once under its key
  if (item.kind === 'report' && !item.reportId) {
    const r = await t.registerReport(item.report!, item.idempotencyKey)
    if (classify(r.status) !== 'ok') return fail(r, 'report')
    return ok({ ...item, reportId: String(field(r.body, 'id')), reportNo: String(field(r.body, 'reportNo') ?? '') })
  }

  // 2. the photos, one at a time, each once (the same bytes answer the first upload)
  const i = item.photos.findIndex((p) => !p.remoteId)
  if (i >= 0) {
    const photo = item.photos[i]
    const bytes = await store.photoBytes(photo.key)
    if (!bytes) {
      // the bytes are gone from the device (cleared storage): the person has to know
      return { item: { ...item, state: 'refused', refusal: { status: 0, body: { title: '照片已不在本机 / the photo is no longer on this device' }, step: photo.name } }, result: 'refused' }
    }
    const withPhoto = (changed: Partial<PhotoRef>): OutboxItem => ({ ...item, photos: item.photos.map((p, k) => (k === i ? { ...p, ...changed } : p)) })
    const uploaded = (remoteId: string, changed: Partial<PhotoRef> = {}): { item: OutboxItem; result: StepResult } => {
      const next = withPhoto({ ...changed, remoteId })
      return item.kind === 'report' && next.photos.every((p) => p.remoteId) ? finished(next) : ok(next)
    }
    let u: UploadStep
    if (item.kind === 'check') {
      // a check photo: dispatch's sessions, the same protocol (the photo becomes a CHECK case photo)
      const c = item.check!
      u = await resumable(photo, bytes, () => t.openCasePhotoUpload(c.caseId, photo, c.lon, c.lat), 'dispatch', t)
    } else {
      const reportId = item.kind === 'report' ? item.reportId! : item.verification!.reportId
      const taskId = item.kind === 'verification' ? item.verification!.taskId : undefined
      const purpose = item.kind === 'report' ? 'BEFORE' : 'VERIFICATION'
      u = await resumable(photo, bytes, () => t.openUpload(reportId, photo, purpose, taskId), 'intake', t)
    }
    if (u.kind === 'uploaded') return uploaded(u.remoteId, u.photo)
    if (u.kind === 'progress') return ok(withPhoto(u.photo))
    return fail(u.reply, photo.name, withPhoto(u.photo))
  }

  if (item.kind === 'report') return finished(item)

  // 3. the answer of a task, once: a 409 after a lost answer is read back
  if (item.kind === 'verification') {
    const v = item.verification!
    const r = await t.completeVerification(v.taskId, { collectorId: item.collectorId, confirmed: v.confirmed, note: v.note })
    if (classify(r.status) === 'ok') return finished(item)
    if (r.status === 409) {
      const back = await t.readVerification(v.taskId)
      const status = field(back.body, 'status')
      const expected = v.confirmed ? 'CONFIRMED' : 'REFUTED'
      if (back.status === 200 && status === expected && field(back.body, 'collectorId') === item.collectorId) {
        return finished({ ...item, alreadyDone: true })
      }
    }
    return fail(r, 'answer')
  }
  const c = item.check!
  const photoIds = item.photos.map((p) => p.remoteId!)
  const body = c.pass ? { note: c.text || undefined, photoIds } : { reason: c.text ?? '', photoIds }
  const r = await t.checkResult(c.caseId, c.pass, body)
  if (classify(r.status) === 'ok') return finished(item)
  if (r.status === 409) {
    const back = await t.readCase(c.caseId)
    const state = field(back.body, 'state')
    // the check is no longer open after a pass (核查通过) or a fail (sent back to the unit)
    if (back.status === 200 && state !== 'CHECK_ORDERED' && (c.pass ? state === 'CHECK_PASSED' || state === 'CLOSED' : true)) {
      return finished({ ...item, alreadyDone: true })
    }
  }
  return fail(r, 'answer')
}

/** What one request of a resumable photo upload gave. */
export type UploadStep =
  | { kind: 'uploaded'; remoteId: string; photo?: Partial<PhotoRef> }
  | { kind: 'progress'; photo: Partial<PhotoRef> }
  | { kind: 'failed'; reply: Reply; photo: Partial<PhotoRef> }

/** The state of an upload session answer: the photo's new upload fields, or the stored id (intake's attachment, dispatch's photo). */
function session(body: unknown, photo: PhotoRef): UploadStep | null {
  const state = field(body, 'state')
  if (state === 'COMPLETED') {
    const hash = field(body, 'sha256')
    if (typeof hash === 'string' && hash !== photo.sha256) return { kind: 'failed', reply: { status: 0, body: null }, photo: { uploadId: undefined, uploadOffset: undefined } }
    return { kind: 'uploaded', remoteId: String(field(body, 'attachmentId') ?? field(body, 'photoId')) }
  }
  if (state === 'FAILED') return { kind: 'failed', reply: { status: 422, body }, photo: { uploadId: undefined, uploadOffset: undefined } }
  return null
}

/**
 * One request of a photo's resumable upload (断点续传) to the service holding its session (`open`
 * declares it there: intake for a report's photo, dispatch for a check photo): open the session
 * (once), ask for the stored offset (after a cut, when the offset is not known), or send the next
 * chunk from the stored offset. The photo's upload fields after it are stored by the caller before
 * the next one.
 */
export async function resumable(photo: PhotoRef, bytes: ArrayBuffer, open: () => Promise<Reply>, service: UploadService, t: Transport): Promise<UploadStep> {
  if (!photo.uploadId) {
    const r = await open()
    if (classify(r.status) !== 'ok') return { kind: 'failed', reply: r, photo: {} }
    const done = session(r.body, photo)
    if (done) return done
    const offset = Number(field(r.body, 'offset') ?? 0)
    // a session found again with bytes in it (the answer to its opening was lost): a resume
    return { kind: 'progress', photo: { uploadId: String(field(r.body, 'id')), uploadOffset: offset, resumedFrom: offset > 0 ? [...(photo.resumedFrom ?? []), offset] : photo.resumedFrom } }
  }
  if (photo.uploadOffset === undefined) {
    const r = await t.readUpload(photo.uploadId, service)
    // the session expired (a day without a chunk): a new one, from the start
    if (r.status === 404) return { kind: 'progress', photo: { uploadId: undefined, uploadOffset: undefined } }
    if (classify(r.status) !== 'ok') return { kind: 'failed', reply: r, photo: {} }
    const done = session(r.body, photo)
    if (done) return done
    const offset = Number(field(r.body, 'offset') ?? 0)
    return { kind: 'progress', photo: { uploadOffset: offset, resumedFrom: [...(photo.resumedFrom ?? []), offset] } }
  }
  const from = photo.uploadOffset
  const chunk = bytes.slice(from, Math.min(bytes.byteLength, from + CHUNK_BYTES))
  const bytesSent = (photo.bytesSent ?? 0) + chunk.byteLength
  const r = await t.uploadChunk(photo.uploadId, from, chunk, service)
  if (r.status === 404) return { kind: 'progress', photo: { uploadId: undefined, uploadOffset: undefined, bytesSent } }
  // the service holds another offset than this phone thought: ask it, go on from there
  if (r.status === 409 && String(field(r.body, 'type') ?? '').endsWith('offset-mismatch')) return { kind: 'progress', photo: { uploadOffset: undefined, bytesSent } }
  // no answer: how much arrived is unknown until the service is asked
  if (classify(r.status) !== 'ok') return { kind: 'failed', reply: r, photo: { uploadOffset: undefined, bytesSent } }
  const done = session(r.body, photo)
  if (done) return { ...done, photo: { ...done.photo, bytesSent, uploadOffset: done.kind === 'uploaded' ? photo.size : undefined } }
  return { kind: 'progress', photo: { uploadOffset: Number(field(r.body, 'offset') ?? from + chunk.byteLength), bytesSent } }
}

export interface DrainReport {
  sent: number
  refused: number
  /** stopped because the head item waits (network, back-off) or a login is needed */
  blocked: 'none' | 'retry' | 'auth'
}

/**
 * Sends what is due, oldest first, until everything is sent or the head item has to wait. Every
 * step's result is stored before the next step starts. `owner` limits it to the signed-in person's
 * items (another person's stay on the device until they log in).
 */
export async function drain(store: Store, t: Transport, owner: string, opts: { now?: () => number; maxSteps?: number; onChange?: (item: OutboxItem) => void } = {}): Promise<DrainReport> {
  const now = opts.now ?? Date.now
  const out: DrainReport = { sent: 0, refused: 0, blocked: 'none' }
  let budget = opts.maxSteps ?? 10_000
  for (const first of pending(await store.items(), owner)) {
    let item = first
    if (item.nextAttemptAt && item.nextAttemptAt > now()) {
      out.blocked = 'retry'
      return out
    }
    if (item.state !== 'sending') {
      item = { ...item, state: 'sending' }
      await store.put(item)
      opts.onChange?.(item)
    }
    for (;;) {
      if (budget-- <= 0) return out
      const { item: next, result } = await step(item, store, t, now)
      await store.put(next)
      opts.onChange?.(next)
      item = next
      if (result === 'progress') continue
      if (result === 'done') out.sent++
      if (result === 'refused') out.refused++
      if (result === 'retry' || result === 'auth') {
        out.blocked = result
        return out
      }
      break
    }
  }
  return out
}
