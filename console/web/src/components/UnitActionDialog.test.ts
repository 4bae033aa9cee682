// @vitest-environment happy-dom
/**
 * A unit's step in 处置通: 处理反馈 with nothing typed and no photo is refused before
 * anything is sent, each field named; a refusal by dispatch-service (problem+json) shows readably
 * above the form, the field's message under its input, and what was typed stays; an after-photo
 * taken with the camera input is uploaded to dispatch's evidence store (purpose AFTER) and used
 * only when the SHA-256 dispatch answers is the one computed on the phone.
 */
import { mount } from '@vue/test-utils'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { nextTick } from 'vue'
import UnitActionDialog from './UnitActionDialog.vue'
import { UNIT_ACTIONS } from '../lib/unit'
import { fakeFetch, plugins, settle } from './testing'

vi.mock('../auth', () => ({ currentUser: async () => ({ access_token: 'token-of-the-test' }), auth: () => ({}) }))

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const open = (transition: string) =>
  mount(UnitActionDialog, {
    props: { modelValue: true, spec: UNIT_ACTIONS[transition], caseId: 'c-7', unitId: 'U-WATER' },
    global: { plugins },
    attachTo: document.body,
  })
const area = (name: string) => document.querySelector(`textarea[data-test=unit-action-${name}]`) as HTMLTextAreaElement
const type = async (name: string, text: string) => {
  area(name).value = text
  area(name).dispatchEvent(new Event('input'))
  await nextTick()
}
const submit = () => (document.querySelector('[data-test=unit-action-submit]') as HTMLButtonElement).click()
const itemError = (w: ReturnType<typeof open>, i: number) => w.findAllComponents({ name: 'ElFormItem' })[i].props('error')

/** A file set on the camera input, as the phone's camera gives it. */
async function takePhoto(bytes: Uint8Array) {
  const input = document.querySelector('[data-test=unit-camera]') as HTMLInputElement
  const file = new File([bytes.slice().buffer as ArrayBuffer], 'after.png', { type: 'image/png', lastModified: Date.parse('2026-12-07T08:00:00Z') })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle(20)
}

// Element Plus' first mount is slow on a loaded 2-core machine
describe('UnitActionDialog', { timeout: 30_000 }, () => {
  test('处理反馈 without a description and a photo is refused before sending', async () => {
    const calls = fakeFetch({})
    const w = open('SUBMIT_FEEDBACK')
    await settle()
    submit()
    await settle()
    expect(calls).toEqual([])
    expect(itemError(w, 0)).toBe('必填')
    expect(itemError(w, 1)).toBe('请至少拍摄一张处置后照片')
    w.unmount()
  })

  test("dispatch's refusal shows above the form, under the field, and the typed text stays", async () => {
    const calls = fakeFetch({
      'POST /api/dispatch/v1/cases/c-7/extension-requests': {
        status: 422,
        problem: true,
        body: {
          status: 422,
          title: '请求无效 / Invalid request',
          detail: '申请的期限须晚于当前时间 / the deadline must be later than now',
          errors: [{ field: 'requestedDeadline', code: 'past', message: '须晚于当前时间 / must be later than now' }],
        },
      },
    })
    const w = open('REQUEST_EXTENSION')
    await settle()
    await type('reason', '需采购专用管件')
    const picker = w.findAllComponents({ name: 'ElDatePicker' })[0]
    picker.vm.$emit('update:modelValue', '2026-01-05T10:00:00')
    await nextTick()
    submit()
    await settle()
    expect(calls).toEqual([
      { method: 'POST', path: '/api/dispatch/v1/cases/c-7/extension-requests', body: { reason: '需采购专用管件', requestedDeadline: '2026-01-05T02:00:00.000Z' } },
    ])
    expect(document.querySelector('[data-test=unit-action-problem]')?.textContent).toContain('申请的期限须晚于当前时间')
    expect(itemError(w, 1)).toContain('须晚于当前时间')
    expect(area('reason').value).toBe('需采购专用管件')
    expect(w.emitted('done')).toBeUndefined()
    w.unmount()
  })

  test('an after-photo is uploaded as AFTER and named by id in the feedback when its SHA-256 agrees', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3, 4])
    const sha = createHash('sha256').update(bytes).digest('hex')
    const calls: { method: string; path: string; body?: unknown }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input), 'http://console.test')
        const method = init?.method ?? 'GET'
        const path = url.pathname + url.search
        if (method === 'POST' && url.pathname.endsWith('/photos')) {
          calls.push({ method, path })
          return new Response(JSON.stringify({ photoId: 'p-1', sha256: sha, purpose: 'AFTER' }), { status: 201, headers: { 'Content-Type': 'application/json' } })
        }
        calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined })
        return new Response(JSON.stringify({ caseId: 'c-7', state: 'FEEDBACK_SUBMITTED' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
      }),
    )
    const w = open('SUBMIT_FEEDBACK')
    await settle()
    await type('description', '已更换破损管段')
    await takePhoto(bytes)
    expect(document.querySelector('[data-test=unit-photos] [data-status=done]')?.textContent).toContain(sha.slice(0, 12))
    submit()
    await settle()
    expect(calls[0].path).toMatch(/^\/api\/dispatch\/v1\/cases\/c-7\/photos\?purpose=AFTER&fileName=after.png&takenAt=2026-12-07T08/)
    expect(calls[1]).toEqual({ method: 'POST', path: '/api/dispatch/v1/cases/c-7/feedback', body: { description: '已更换破损管段', photoIds: ['p-1'] } })
    expect(w.emitted('done')).toEqual([['SUBMIT_FEEDBACK']])
    w.unmount()
  })

  test('a photo whose stored SHA-256 differs is marked and not used', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ photoId: 'p-2', sha256: '00'.repeat(32) }), { status: 201, headers: { 'Content-Type': 'application/json' } })),
    )
    const w = open('SUBMIT_FEEDBACK')
    await settle()
    await takePhoto(new Uint8Array([1, 2, 3]))
    const shot = document.querySelector('[data-test=unit-photos] figure') as HTMLElement
    expect(shot.dataset.status).toBe('refused')
    expect(shot.textContent).toContain('SHA-256与本机计算的不一致')
    submit()
    await settle()
    expect(itemError(w, 1)).toBe('请至少拍摄一张处置后照片')
    w.unmount()
  })
})
