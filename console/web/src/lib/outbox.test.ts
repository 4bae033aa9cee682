import { describe, expect, it } from 'vitest'
import { IDBFactory as FakeFactory } from 'fake-indexeddb'
import { CHUNK_BYTES, classify, drain, pending, recovered, retryDelayMs, type OutboxItem, type PhotoRef, type Reply, type ReportBody, type Transport, type UploadService } from './outbox'
import { OutboxStore } from './outboxStore'

/**
 * A stand-in for intake-service and dispatch-service as the queue sees them: registration honours
 * the Idempotency-Key (the same key answers the first report, 200), an upload of the same bytes to
 * the same report answers the first attachment (200). `net` decides what the network does to the
 * next call: 'up', 'down' (no answer, nothing reaches the service), 'cut' (the service does the
 * work, the answer is lost on the way back).
 */
class FakeServices implements Transport {
  net: 'up' | 'down' | 'cut' = 'up'
  /** a status the next call gets back (the service refuses) */
  refuseNext?: Reply
  reports = new Map<string, { id: string; reportNo: string; body: ReportBody }>()
  attachments: { reportId: string; sha256: string; purpose: string; taskId?: string }[] = []
  verifications = new Map<string, { status: string; collectorId: string }>()
  casePhotos: { caseId: string; sha256: string }[] = []
  cases = new Map<string, string>()
  calls: string[] = []
  private n = 0

  private async wire(name: string, work: () => Reply): Promise<Reply> {
    this.calls.push(name)
    if (this.net === 'down') return { status: 0, body: null }
    if (this.refuseNext) {
      const r = this.refuseNext
      this.refuseNext = undefined
      return r
    }
    const r = work()
    return this.net === 'cut' ? { status: 0, body: null } : r
  }

  registerReport(body: ReportBody, key: string) {
    return this.wire('register', () => {
      const first = this.reports.get(key)
      if (first) return { status: 200, body: { id: first.id, reportNo: first.reportNo } }
      const id = `r-${++this.n}`
      const reportNo = `MQ2026${String(this.n).padStart(6, '0')}`
      this.reports.set(key, { id, reportNo, body })
      return { status: 201, body: { id, reportNo } }
    })
  }

  uploadReportPhoto(reportId: string, photo: PhotoRef, bytes: ArrayBuffer, purpose: string, taskId?: string) {
    return this.wire('photo', () => {
      const sha256 = photo.sha256
      expect(bytes.byteLength).toBe(photo.size)
      const i = this.attachments.findIndex((a) => a.reportId === reportId && a.sha256 === sha256)
      if (i >= 0) return { status: 200, body: { id: `a-${i}`, sha256 } }
      this.attachments.push({ reportId, sha256, purpose, taskId })
      return { status: 201, body: { id: `a-${this.attachments.length - 1}`, sha256 } }
    })
  }

  /** intake's and dispatch's resumable upload sessions (断点续传): declared length and hash, bytes held */
  sessions = new Map<string, { service: UploadService; reportId: string; caseId?: string; sha256: string; length: number; purpose: string; taskId?: string; held: number; attachmentId?: string; photoId?: string }>()
  /** bytes that reached the service in chunks, and how far a 'cut' chunk gets before the line drops */
  chunkBytes = 0
  cutAfterBytes?: number

  openUpload(reportId: string, photo: PhotoRef, purpose: string, taskId?: string) {
    return this.wire('open', () => {
      for (const [id, s] of this.sessions) {
        if (s.reportId === reportId && s.sha256 === photo.sha256) return { status: 200, body: this.view(id) }
      }
      const id = `u-${++this.n}`
      this.sessions.set(id, { service: 'intake', reportId, sha256: photo.sha256, length: photo.size, purpose, taskId, held: 0 })
      return { status: 201, body: this.view(id) }
    })
  }

  /** dispatch's sessions: a check photo of a case; completed, a CHECK case photo */
  openCasePhotoUpload(caseId: string, photo: PhotoRef) {
    return this.wire('open', () => {
      for (const [id, s] of this.sessions) {
        if (s.service === 'dispatch' && s.caseId === caseId && s.sha256 === photo.sha256) return { status: 200, body: this.view(id) }
      }
      const id = `d-${++this.n}`
      this.sessions.set(id, { service: 'dispatch', reportId: '', caseId, sha256: photo.sha256, length: photo.size, purpose: 'CHECK', held: 0 })
      return { status: 201, body: this.view(id) }
    })
  }

  /** the session at the service asked (a session of the other service does not exist there) */
  private session(uploadId: string, service: UploadService = 'intake') {
    const s = this.sessions.get(uploadId)
    return s && s.service === service ? s : undefined
  }

  readUpload(uploadId: string, service?: UploadService) {
    return this.wire('offset', () => (this.session(uploadId, service) ? { status: 200, body: this.view(uploadId) } : { status: 404, body: null }))
  }

  uploadChunk(uploadId: string, offset: number, chunk: ArrayBuffer, service?: UploadService) {
    return this.wire('chunk', () => {
      const s = this.session(uploadId, service)
      if (!s) return { status: 404, body: null }
      expect(chunk.byteLength).toBeLessThanOrEqual(CHUNK_BYTES)
      if (offset > s.held) return { status: 409, body: { type: 'https://szcg.example/problems/offset-mismatch' } }
      // a cut in the middle of the chunk: what reached the service is kept, the answer is lost
      const arrived = this.net === 'cut' && this.cutAfterBytes !== undefined ? Math.min(chunk.byteLength, this.cutAfterBytes) : chunk.byteLength
      this.chunkBytes += arrived
      s.held = Math.max(s.held, offset + arrived)
      if (s.held === s.length && s.service === 'dispatch' && !s.photoId) {
        const i = this.casePhotos.findIndex((p) => p.caseId === s.caseId && p.sha256 === s.sha256)
        if (i < 0) this.casePhotos.push({ caseId: s.caseId!, sha256: s.sha256 })
        s.photoId = `p-${i >= 0 ? i : this.casePhotos.length - 1}`
      }
      if (s.held === s.length && s.service === 'intake' && !s.attachmentId) {
        const i = this.attachments.findIndex((a) => a.reportId === s.reportId && a.sha256 === s.sha256)
        if (i < 0) this.attachments.push({ reportId: s.reportId, sha256: s.sha256, purpose: s.purpose, taskId: s.taskId })
        s.attachmentId = `a-${i >= 0 ? i : this.attachments.length - 1}`
      }
      return { status: 200, body: this.view(uploadId) }
    })
  }

  private view(id: string) {
    const s = this.sessions.get(id)!
    if (s.service === 'dispatch') return { id, caseId: s.caseId, purpose: s.purpose, offset: s.held, sha256: s.sha256, state: s.photoId ? 'COMPLETED' : 'OPEN', photoId: s.photoId }
    return { id, offset: s.held, sha256: s.sha256, state: s.attachmentId ? 'COMPLETED' : 'OPEN', attachmentId: s.attachmentId }
  }

  completeVerification(taskId: string, body: { collectorId: string; confirmed: boolean }) {
    return this.wire('verify', () => {
      const t = this.verifications.get(taskId)!
      if (t.status !== 'PENDING') return { status: 409, body: { title: '状态冲突' } }
      t.status = body.confirmed ? 'CONFIRMED' : 'REFUTED'
      return { status: 200, body: { id: taskId, status: t.status } }
    })
  }

  readVerification(taskId: string) {
    return this.wire('read-task', () => ({ status: 200, body: { id: taskId, ...this.verifications.get(taskId) } }))
  }

  checkResult(caseId: string, pass: boolean) {
    return this.wire('check', () => {
      if (this.cases.get(caseId) !== 'CHECK_ORDERED') return { status: 409, body: { title: '状态冲突' } }
      this.cases.set(caseId, pass ? 'CHECK_PASSED' : 'DISPATCHED')
      return { status: 200, body: {} }
    })
  }

  readCase(caseId: string) {
    return this.wire('read-case', () => ({ status: 200, body: { caseId, state: this.cases.get(caseId) } }))
  }
}

let clock = 1_000_000
const now = () => clock

async function fresh() {
  return OutboxStore.open((new FakeFactory() as unknown as IDBFactory), 'test')
}

function bytesOf(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer
}

async function addReport(store: OutboxStore, n: number, photos = 2, owner = 'collector1') {
  const id = `item-${n}`
  const refs: PhotoRef[] = []
  const blobs = []
  for (let k = 0; k < photos; k++) {
    const bytes = bytesOf(`photo ${n}/${k}`)
    refs.push({ key: `${id}/${k}`, name: `p${k}.jpg`, type: 'image/jpeg', size: bytes.byteLength, sha256: `sha-${n}-${k}`, originalSha256: `orig-${n}-${k}`, originalSize: 3_000_000 })
    blobs.push({ key: `${id}/${k}`, type: 'image/jpeg', bytes })
  }
  return store.add(
    {
      id,
      owner,
      collectorId: 'C0001',
      kind: 'report',
      createdAt: new Date(clock).toISOString(),
      state: 'waiting',
      idempotencyKey: `key-${n}`,
      report: { channel: 'PATROL', kind: 'REPORT', categoryCode: 'E-0101', location: { lon: 118.86, lat: 26.22 }, description: `#${n}`, collectorId: 'C0001', deviceTime: new Date(clock).toISOString() },
      photos: refs,
      attempts: 0,
    },
    blobs,
  )
}

describe('classify: what an answer means for the item', () => {
  it('2xx done; no answer, 408, 425, 429 and 5xx are tried again; 401 waits for a login; other 4xx refuse', () => {
    expect([200, 201].map(classify)).toEqual(['ok', 'ok'])
    expect([0, 408, 425, 429, 500, 502, 503, 504].map(classify)).toEqual(Array(8).fill('retry'))
    expect(classify(401)).toBe('auth')
    expect([400, 403, 404, 409, 413, 415, 422].map(classify)).toEqual(Array(7).fill('refused'))
  })

  it('backs off 2 s, 4 s, 8 s … to at most a minute', () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 60000])
  })
})

describe('the queue on the device (IndexedDB)', () => {
  it('keeps items and photos in the order captured, with increasing seq, across reopening', async () => {
    const factory = (new FakeFactory() as unknown as IDBFactory)
    const a = await OutboxStore.open(factory, 'q')
    for (let n = 1; n <= 3; n++) await addReport(a, n)
    a.close()
    const b = await OutboxStore.open(factory, 'q')
    const items = await b.items()
    expect(items.map((i) => [i.id, i.seq])).toEqual([
      ['item-1', 1],
      ['item-2', 2],
      ['item-3', 3],
    ])
    expect(new TextDecoder().decode(await b.photoBytes('item-2/1'))).toBe('photo 2/1')
  })

  it('a refused report corrected by the person replaces the old one in one step, with a new key, sent after what waits', async () => {
    const store = await fresh()
    await addReport(store, 1)
    await addReport(store, 2)
    const old = (await store.items())[0]
    await store.put({ ...old, state: 'refused', refusal: { status: 400, body: {}, step: 'report' } })
    const bytes = bytesOf('new photo')
    const fixed = await store.replace(
      old.id,
      { ...old, id: 'item-1b', state: 'waiting', refusal: undefined, idempotencyKey: 'key-1b', report: { ...old.report!, categoryCode: 'E-0102' }, photos: [{ ...old.photos[0], key: 'item-1b/0', size: bytes.byteLength }] },
      [{ key: 'item-1b/0', type: 'image/jpeg', bytes }],
    )
    const items = await store.items()
    expect(items.map((i) => i.id)).toEqual(['item-2', 'item-1b'])
    expect(fixed.seq).toBe(3)
    expect(await store.photoBytes('item-1/0')).toBeUndefined()
    expect(new TextDecoder().decode(await store.photoBytes('item-1b/0'))).toBe('new photo')
  })

  it('an item left sending by a closed page is waiting again, with the same key', () => {
    const i = { state: 'sending', idempotencyKey: 'k' } as OutboxItem
    expect(recovered(i)).toMatchObject({ state: 'waiting', idempotencyKey: 'k' })
    expect(recovered({ ...i, state: 'done' }).state).toBe('done')
  })
})

describe('drain: sent in order, each once, nothing dropped', () => {
  it('20 reports captured offline are registered once each, in order, with every photo, when the network returns', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    for (let n = 1; n <= 20; n++) await addReport(store, n)
    svc.net = 'down'
    const off = await drain(store, svc, 'collector1', { now })
    expect(off).toMatchObject({ sent: 0, blocked: 'retry' })
    // the head waits; nothing behind it was tried
    expect(svc.calls).toEqual(['register'])
    expect((await store.items()).every((i) => !i.reportId)).toBe(true)

    svc.net = 'up'
    clock += 60_000
    const on = await drain(store, svc, 'collector1', { now })
    expect(on).toMatchObject({ sent: 20, refused: 0, blocked: 'none' })
    expect(svc.reports.size).toBe(20)
    expect(svc.attachments.length).toBe(40)
    const items = await store.items()
    expect(items.every((i) => i.state === 'done' && i.reportNo && i.photos.every((p) => p.remoteId))).toBe(true)
    // registered in the order captured
    expect([...svc.reports.values()].map((r) => r.body.description)).toEqual(items.map((i) => i.report!.description))
    expect(pending(items)).toEqual([])
  })

  it('an answer lost on the way back (the cut) is sent again under the same key and bytes: still one report, one attachment per photo', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    await addReport(store, 1)
    svc.net = 'cut' // registration done by the service, the 201 lost
    expect((await drain(store, svc, 'collector1', { now })).blocked).toBe('retry')
    expect(svc.reports.size).toBe(1)
    svc.net = 'up'
    clock += 60_000
    // first photo goes, the second's answer is lost
    const item = (await store.items())[0]
    expect(item.reportId).toBeUndefined()
    await drain(store, svc, 'collector1', { now, maxSteps: 2 })
    svc.net = 'cut'
    clock += 60_000
    await drain(store, svc, 'collector1', { now })
    svc.net = 'up'
    clock += 60_000
    const r = await drain(store, svc, 'collector1', { now })
    expect(r.sent).toBe(1)
    expect(svc.reports.size).toBe(1)
    expect(svc.attachments.length).toBe(2)
    const done = (await store.items())[0]
    expect(done.state).toBe('done')
    expect(done.reportNo).toBe('MQ2026000001')
  })

  it('a refusal is set aside with its reason and does not hold back the rest; a 503 does', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    for (let n = 1; n <= 3; n++) await addReport(store, n, 0)
    svc.refuseNext = { status: 400, body: { title: '请求无效', errors: [{ field: 'categoryCode', message: '未知类别 / unknown category' }] } }
    const r = await drain(store, svc, 'collector1', { now })
    expect(r).toMatchObject({ sent: 2, refused: 1 })
    const items = await store.items()
    expect(items[0]).toMatchObject({ state: 'refused', refusal: { status: 400, step: 'report' } })
    expect(items[0].reportId).toBeUndefined()

    await addReport(store, 4, 0)
    await addReport(store, 5, 0)
    svc.refuseNext = { status: 503, body: { title: '稍后重试' } }
    const busy = await drain(store, svc, 'collector1', { now })
    expect(busy).toMatchObject({ sent: 0, blocked: 'retry' })
    expect((await store.items()).filter((i) => i.state === 'done').length).toBe(2)
    // not before the back-off ends
    expect((await drain(store, svc, 'collector1', { now })).blocked).toBe('retry')
    clock += 2_000
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(2)
  })

  it('401 stops the drain until a login, nothing refused', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    await addReport(store, 1, 1)
    svc.refuseNext = { status: 401, body: null }
    expect((await drain(store, svc, 'collector1', { now })).blocked).toBe('auth')
    expect((await store.items())[0].state).toBe('waiting')
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(1)
  })

  it('only the signed-in person’s items are sent', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    await addReport(store, 1, 0, 'collector2')
    await addReport(store, 2, 0, 'collector1')
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(1)
    expect((await store.items()).map((i) => i.state)).toEqual(['waiting', 'done'])
  })

  it('a verification answer: photos to the task, then the result; a lost answer read back from the task', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    svc.verifications.set('t1', { status: 'PENDING', collectorId: 'C0001' })
    const bytes = bytesOf('site')
    await store.add(
      { id: 'v1', owner: 'collector1', collectorId: 'C0001', kind: 'verification', createdAt: '', state: 'waiting', idempotencyKey: 'v1', verification: { taskId: 't1', reportId: 'r-9', confirmed: true, note: '属实' }, photos: [{ key: 'v1/0', name: 's.jpg', type: 'image/jpeg', size: bytes.byteLength, sha256: 'sha-v', originalSha256: 'sha-v', originalSize: 4 }], attempts: 0 },
      [{ key: 'v1/0', type: 'image/jpeg', bytes }],
    )
    await drain(store, svc, 'collector1', { now, maxSteps: 2 }) // the photo: its session, its one chunk
    svc.net = 'cut' // the result stored, its answer lost
    await drain(store, svc, 'collector1', { now })
    svc.net = 'up'
    clock += 60_000
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(1)
    expect(svc.attachments).toEqual([{ reportId: 'r-9', sha256: 'sha-v', purpose: 'VERIFICATION', taskId: 't1' }])
    expect((await store.items())[0]).toMatchObject({ state: 'done', alreadyDone: true })
    expect(svc.verifications.get('t1')!.status).toBe('CONFIRMED')
  })

  it('a check answer: photos to the case, then pass with their ids; a task no longer open is refused with the reason', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    svc.cases.set('c1', 'CHECK_ORDERED')
    const bytes = bytesOf('check')
    const item = (id: string, caseId: string) =>
      store.add(
        { id, owner: 'collector1', collectorId: 'C0001', kind: 'check', createdAt: '', state: 'waiting', idempotencyKey: id, check: { caseId, pass: true, text: '已清理' }, photos: [{ key: `${id}/0`, name: 'c.jpg', type: 'image/jpeg', size: bytes.byteLength, sha256: `sha-${id}`, originalSha256: 'x', originalSize: 4 }], attempts: 0 },
        [{ key: `${id}/0`, type: 'image/jpeg', bytes }],
      )
    await item('k1', 'c1')
    await item('k2', 'c2') // a case whose check was withdrawn meanwhile
    svc.cases.set('c2', 'DISPATCHED')
    const r = await drain(store, svc, 'collector1', { now })
    expect(r).toMatchObject({ sent: 1, refused: 1 })
    expect(svc.cases.get('c1')).toBe('CHECK_PASSED')
    const items = await store.items()
    expect(items[1]).toMatchObject({ state: 'refused', refusal: { status: 409, step: 'answer' } })
  })

  it('a photo of 3 MB goes in chunks; cut in the middle, it goes on from the offset intake holds, re-sending less than a chunk', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    const size = 3_000_000
    const bytes = new Uint8Array(size).map((_, k) => k % 251).buffer as ArrayBuffer
    await store.add(
      { id: 'big', owner: 'collector1', collectorId: 'C0001', kind: 'report', createdAt: '', state: 'waiting', idempotencyKey: 'big', report: { channel: 'PATROL', kind: 'REPORT', categoryCode: 'E-0101', location: { lon: 118.86, lat: 26.22 }, collectorId: 'C0001', deviceTime: '' }, photos: [{ key: 'big/0', name: 'b.jpg', type: 'image/jpeg', size, sha256: 'sha-big', originalSha256: 'sha-big', originalSize: size }], attempts: 0 },
      [{ key: 'big/0', type: 'image/jpeg', bytes }],
    )
    // registered, the session opened, five chunks sent
    await drain(store, svc, 'collector1', { now, maxSteps: 7 })
    expect((await store.items())[0].photos[0]).toMatchObject({ uploadOffset: 5 * CHUNK_BYTES, bytesSent: 5 * CHUNK_BYTES })
    // the sixth chunk: 100 000 bytes get through, then the line drops
    svc.net = 'cut'
    svc.cutAfterBytes = 100_000
    expect((await drain(store, svc, 'collector1', { now })).blocked).toBe('retry')
    expect((await store.items())[0].photos[0].uploadOffset).toBeUndefined()
    svc.net = 'up'
    clock += 60_000
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(1)
    const photo = (await store.items())[0].photos[0]
    // it asked and went on from what intake held, not from 0
    expect(photo.resumedFrom).toEqual([5 * CHUNK_BYTES + 100_000])
    expect(svc.calls.filter((c) => c === 'open')).toHaveLength(1)
    expect(svc.calls).toContain('offset')
    expect(svc.chunkBytes).toBe(size)
    // on the wire: the photo once, plus the part of the cut chunk that was lost (< one chunk)
    expect(photo.bytesSent! - size).toBeLessThan(CHUNK_BYTES)
    expect(photo.bytesSent! - size).toBe(CHUNK_BYTES - 100_000)
    expect(svc.attachments).toHaveLength(1)
    expect(photo.remoteId).toBe('a-0')
  })

  it('a check photo of 3 MB goes to dispatch in chunks; cut in the middle, it goes on from the offset dispatch holds', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    svc.cases.set('c9', 'CHECK_ORDERED')
    const size = 3_000_000
    const bytes = new Uint8Array(size).map((_, k) => k % 241).buffer as ArrayBuffer
    await store.add(
      { id: 'chk', owner: 'collector1', collectorId: 'C0001', kind: 'check', createdAt: '', state: 'waiting', idempotencyKey: 'chk', check: { caseId: 'c9', pass: true, text: '已清理' }, photos: [{ key: 'chk/0', name: 'k.jpg', type: 'image/jpeg', size, sha256: 'sha-chk', originalSha256: 'sha-chk', originalSize: size }], attempts: 0 },
      [{ key: 'chk/0', type: 'image/jpeg', bytes }],
    )
    // dispatch's session opened, four chunks sent — the offset kept on the device (IndexedDB)
    await drain(store, svc, 'collector1', { now, maxSteps: 5 })
    let photo = (await store.items())[0].photos[0]
    expect(photo).toMatchObject({ uploadOffset: 4 * CHUNK_BYTES, bytesSent: 4 * CHUNK_BYTES })
    expect(photo.uploadId).toMatch(/^d-/)
    // the fifth chunk: 70 000 bytes get through, then the line drops
    svc.net = 'cut'
    svc.cutAfterBytes = 70_000
    expect((await drain(store, svc, 'collector1', { now })).blocked).toBe('retry')
    expect((await store.items())[0].photos[0].uploadOffset).toBeUndefined()
    svc.net = 'up'
    clock += 60_000
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(1)
    photo = (await store.items())[0].photos[0]
    // it asked dispatch (not intake: the session is not there) and went on from what dispatch held
    expect(photo.resumedFrom).toEqual([4 * CHUNK_BYTES + 70_000])
    expect(svc.calls.filter((c) => c === 'open')).toHaveLength(1)
    expect(svc.chunkBytes).toBe(size)
    expect(photo.bytesSent! - size).toBe(CHUNK_BYTES - 70_000)
    // one CHECK photo at dispatch, none at intake; the pass names it
    expect(svc.casePhotos).toEqual([{ caseId: 'c9', sha256: 'sha-chk' }])
    expect(svc.attachments).toHaveLength(0)
    expect(photo.remoteId).toBe('p-0')
    expect(svc.cases.get('c9')).toBe('CHECK_PASSED')
  })

  it('an offset intake does not hold (409) is asked for; an expired session starts anew', async () => {
    const store = await fresh()
    const svc = new FakeServices()
    const size = CHUNK_BYTES * 2 + 10
    const bytes = new Uint8Array(size).buffer as ArrayBuffer
    await store.add(
      { id: 'x', owner: 'collector1', collectorId: 'C0001', kind: 'report', createdAt: '', state: 'waiting', idempotencyKey: 'x', reportId: 'r-1', reportNo: 'MQ1', report: { channel: 'PATROL', kind: 'REPORT', categoryCode: 'E-0101', location: { lon: 118.86, lat: 26.22 }, collectorId: 'C0001', deviceTime: '' }, photos: [{ key: 'x/0', name: 'x.jpg', type: 'image/jpeg', size, sha256: 'sha-x', originalSha256: 'sha-x', originalSize: size, uploadId: 'gone', uploadOffset: CHUNK_BYTES }], attempts: 0 },
      [{ key: 'x/0', type: 'image/jpeg', bytes }],
    )
    // 'gone' expired at intake: 404, a new session from 0
    await drain(store, svc, 'collector1', { now, maxSteps: 3 })
    let photo = (await store.items())[0].photos[0]
    expect(photo.uploadId).toMatch(/^u-/)
    expect(photo.uploadOffset).toBe(CHUNK_BYTES)
    // the phone's offset is ahead of intake's: 409, asked, resent from intake's
    await store.put({ ...(await store.items())[0], photos: [{ ...photo, uploadOffset: 2 * CHUNK_BYTES }] })
    expect((await drain(store, svc, 'collector1', { now })).sent).toBe(1)
    photo = (await store.items())[0].photos[0]
    expect(svc.calls.slice(-4)).toEqual(['chunk', 'offset', 'chunk', 'chunk'])
    expect(photo.resumedFrom).toEqual([CHUNK_BYTES])
    expect(svc.attachments).toHaveLength(1)
  })
})
