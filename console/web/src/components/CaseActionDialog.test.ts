// @vitest-environment happy-dom
/**
 * A case command's dialog (案卷): a required field left empty is refused before anything is sent;
 * the service's refusal (problem+json) shows as a readable Chinese message above the form, the
 * field's own message under its input, and what the person typed stays; an accepted command
 * closes the dialog and tells the page which step was done.
 */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { nextTick } from 'vue'
import CaseActionDialog from './CaseActionDialog.vue'
import { ACTIONS } from '../lib/transitions'
import { fakeFetch, plugins, settle } from './testing'

vi.mock('../auth', () => ({ currentUser: async () => ({ access_token: 'token-of-the-test' }), auth: () => ({}) }))

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const open = () =>
  mount(CaseActionDialog, {
    props: { modelValue: true, spec: ACTIONS.CANCEL, caseId: 'c-9' },
    global: { plugins },
    attachTo: document.body,
  })
const reason = () => document.querySelector('textarea[data-test=action-reason]') as HTMLTextAreaElement
// the reason's form item (its error prop is the message shown under the input)
const reasonItem = (w: ReturnType<typeof open>) => w.findAllComponents({ name: 'ElFormItem' })[0]
const submit = () => (document.querySelector('[data-test=action-submit]') as HTMLButtonElement).click()

describe('CaseActionDialog (作废)', () => {
  test('an empty required reason is refused before sending', async () => {
    const calls = fakeFetch({})
    const w = open()
    await settle()
    submit()
    await settle()
    expect(calls).toEqual([])
    expect(document.querySelector('.el-form-item.is-error')).not.toBeNull()
    expect(reasonItem(w).props('error')).toBe('必填')
    w.unmount()
  })

  test('a refusal is shown readably and the typed reason is kept', async () => {
    const calls = fakeFetch({
      'POST /api/dispatch/v1/cases/c-9/cancel': {
        status: 409,
        problem: true,
        body: {
          status: 409,
          title: '状态冲突 / Conflict',
          detail: '案卷已结案，不能作废 / the case is closed',
          errors: [{ field: 'reason', code: 'too_late', message: '结案后不能作废 / too late' }],
        },
      },
    })
    const w = open()
    await settle()
    reason().value = '重复立案，作废'
    reason().dispatchEvent(new Event('input'))
    await nextTick()
    submit()
    await settle()
    expect(calls).toEqual([{ method: 'POST', path: '/api/dispatch/v1/cases/c-9/cancel', body: { reason: '重复立案，作废' } }])
    expect(document.querySelector('[data-test=action-problem]')?.textContent).toContain('状态冲突：案卷已结案，不能作废')
    // the field's message goes under its input (el-form-item's error)
    expect(reasonItem(w).props('error')).toContain('结案后不能作废')
    expect(reason().value).toBe('重复立案，作废')
    expect(w.emitted('done')).toBeUndefined()
    w.unmount()
  })

  test('an accepted command closes the dialog and names the step', async () => {
    fakeFetch({ 'POST /api/dispatch/v1/cases/c-9/cancel': { status: 200, body: { caseId: 'c-9', state: 'CANCELLED' } } })
    const w = open()
    await settle()
    reason().value = '重复立案'
    reason().dispatchEvent(new Event('input'))
    await nextTick()
    submit()
    await settle()
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    expect(w.emitted('done')).toEqual([['CANCEL']])
    w.unmount()
  })
})
