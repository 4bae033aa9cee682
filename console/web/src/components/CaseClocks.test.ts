// @vitest-environment happy-dom
/**
 * 案卷's clocks as the person sees them (R-22): one row per sla-service clock with its traffic
 * light (green, yellow from the warning, red at the breach) and the remaining working time; no
 * clock yet = the waiting text; a refusal = the service's reason in Chinese.
 */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { ref } from 'vue'
import CaseClocks from './CaseClocks.vue'
import { fakeFetch, plugins, settle } from './testing'

vi.mock('../auth', () => ({ currentUser: async () => ({ access_token: 'token-of-the-test' }), auth: () => ({}) }))
vi.mock('../live', () => ({ useLive: vi.fn(), liveStatus: ref('off') }))

const hour = 3_600_000
const at = (ms: number) => new Date(Date.now() + ms).toISOString()

afterEach(() => vi.unstubAllGlobals())

describe('CaseClocks', () => {
  test('each clock with its light and remaining time, read from sla-service with the token', async () => {
    const calls = fakeFetch({
      'GET /api/sla/v1/cases/c-1/clocks': {
        status: 200,
        body: [
          { id: 'k1', stage: 'DISPATCH', stageName: '立案派遣', warningAt: at(2 * hour), deadline: at(3 * hour), state: 'RUNNING', remaining: 'PT3H' },
          { id: 'k2', stage: 'SIGN_FOR', stageName: '签收', warningAt: at(-hour), deadline: at(hour), state: 'WARNING', remaining: 'PT1H' },
          { id: 'k3', stage: 'HANDLING', stageName: '处置', warningAt: at(-3 * hour), deadline: at(-hour), state: 'BREACHED', remaining: '-PT1H' },
        ],
      },
    })
    const w = mount(CaseClocks, { props: { caseId: 'c-1' }, global: { plugins } })
    await settle()
    expect(calls).toEqual([{ method: 'GET', path: '/api/sla/v1/cases/c-1/clocks', body: undefined }])
    expect(w.find('[data-test=light-DISPATCH]').classes()).toContain('green')
    expect(w.find('[data-test=light-SIGN_FOR]').classes()).toContain('yellow')
    expect(w.find('[data-test=light-HANDLING]').classes()).toContain('red')
    const text = w.text()
    expect(text).toContain('立案派遣')
    expect(text).toContain('处置')
    w.unmount()
  })

  test('no clock yet: the waiting text, not an error', async () => {
    fakeFetch({ 'GET /api/sla/v1/cases/c-2/clocks': { status: 404, problem: true, body: { status: 404, title: '未找到 / Not Found' } } })
    const w = mount(CaseClocks, { props: { caseId: 'c-2' }, global: { plugins } })
    await settle()
    expect(w.text()).toContain('计时尚未开始')
    expect(w.find('.el-alert').exists()).toBe(false)
    w.unmount()
  })

  test('a refusal shows the service’s reason in Chinese', async () => {
    fakeFetch({
      'GET /api/sla/v1/cases/c-3/clocks': {
        status: 403,
        problem: true,
        body: { status: 403, title: '无权访问 / Forbidden', detail: '该角色不能查看计时 / this role may not read clocks' },
      },
    })
    const w = mount(CaseClocks, { props: { caseId: 'c-3' }, global: { plugins } })
    await settle()
    expect(w.find('.el-alert').text()).toContain('无权访问：该角色不能查看计时')
    w.unmount()
  })
})
