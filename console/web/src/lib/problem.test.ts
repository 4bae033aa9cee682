import { describe, expect, it } from 'vitest'
import { readableProblem } from './problem'
import { pickLanguage } from './lang'

describe('problem+json to a readable message', () => {
  const refused = {
    type: 'https://szcg.cn/problems/conflict',
    title: '状态冲突 / Conflict with the current state',
    status: 409,
    detail: '公众举报须经核实属实后立案 / a public report is filed only after verification confirmed it',
  }

  it('shows title and detail in the person language', () => {
    expect(readableProblem(409, refused, 'zh').summary).toBe('状态冲突：公众举报须经核实属实后立案')
    expect(readableProblem(409, refused, 'en').summary).toBe(
      'Conflict with the current state: a public report is filed only after verification confirmed it',
    )
  })

  it('names every offending field with its message', () => {
    const p = readableProblem(
      400,
      {
        title: '请求参数无效 / Invalid request',
        status: 400,
        detail: 'categoryCode: 不能为空 / must not be blank',
        errors: [
          { field: 'categoryCode', code: 'NotBlank', message: '不能为空 / must not be blank' },
          { field: 'overrideReason', code: 'Size', message: '最多500字 / at most 500 characters' },
        ],
      },
      'zh',
    )
    expect(p.fields).toEqual({ categoryCode: '不能为空', overrideReason: '最多500字' })
    expect(p.lines).toEqual(['请求参数无效', 'categoryCode: 不能为空', 'overrideReason: 最多500字'])
  })

  it('leaves out a detail that only repeats a field message', () => {
    const p = readableProblem(
      400,
      { title: '请求参数无效 / Invalid request', detail: 'categoryCode: 不能为空', errors: [{ field: 'categoryCode', message: '不能为空' }] },
      'zh',
    )
    expect(p.summary).toBe('请求参数无效')
  })

  it('falls back to the status when the body is no problem', () => {
    expect(readableProblem(502, '<html>Bad gateway</html>', 'zh').summary).toBe('服务不可达')
    expect(readableProblem(403, null, 'en').summary).toBe('Forbidden')
    expect(readableProblem(0, undefined, 'zh').summary).toBe('网络错误，请稍后重试')
    expect(readableProblem(418, {}, 'en').summary).toBe('The action failed')
  })

  it('picks one language of a bilingual text', () => {
    expect(pickLanguage('无权操作 / Forbidden', 'zh')).toBe('无权操作')
    expect(pickLanguage('无权操作 / Forbidden', 'en')).toBe('Forbidden')
    expect(pickLanguage('only one', 'en')).toBe('only one')
    expect(pickLanguage(undefined, 'zh')).toBe('')
  })
})
