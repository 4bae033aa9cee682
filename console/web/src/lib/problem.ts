import { pickLanguage, type Lang } from './lang'

/** One offending field of an RFC 9457 problem as the services send it (platform web/Problem). */
export interface FieldError {
  field?: string
  code?: string
  message?: string
}

/** An application/problem+json body. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: FieldError[]
}

/** What a form shows: one summary line, and per field (JSON path as sent) its message. */
export interface ReadableProblem {
  status: number
  summary: string
  /** field path → message; a form puts each under its input and keeps what was typed */
  fields: Record<string, string>
  /** every line, for a toast or an alert: summary first, then "field: message" */
  lines: string[]
}

const FALLBACK: Record<Lang, Record<number | 'other' | 'network', string>> = {
  zh: {
    400: '请求参数无效',
    401: '登录已过期，请重新登录',
    403: '无权操作',
    404: '资源不存在',
    409: '状态冲突',
    422: '无法处理该请求',
    502: '服务不可达',
    503: '服务暂不可用',
    504: '服务无响应',
    other: '操作失败',
    network: '网络错误，请稍后重试',
  },
  en: {
    400: 'Invalid request',
    401: 'Your session has ended, please log in again',
    403: 'Forbidden',
    404: 'Not found',
    409: 'Conflict with the current state',
    422: 'The request cannot be processed',
    502: 'Service unreachable',
    503: 'Service unavailable',
    504: 'Service timed out',
    other: 'The action failed',
    network: 'Network error, please try again',
  },
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
}

/**
 * Turns a refused request into a readable message in the person's language. The title says what
 * kind of refusal, the detail why; errors[] name the fields. A body that is not a problem (an
 * HTML error page of a proxy, nothing at all) still gives a message from the status. status 0 =
 * the request never got an answer (network).
 */
export function readableProblem(status: number, body: unknown, lang: Lang): ReadableProblem {
  const fallback =
    status === 0 ? FALLBACK[lang].network : (FALLBACK[lang][status] ?? FALLBACK[lang].other)
  const p: Problem = isProblem(body) ? body : {}
  const title = pickLanguage(p.title, lang) || fallback
  const detail = pickLanguage(p.detail, lang)
  const fields: Record<string, string> = {}
  const fieldLines: string[] = []
  for (const e of Array.isArray(p.errors) ? p.errors : []) {
    const msg = pickLanguage(e.message, lang) || e.code || ''
    const field = e.field || ''
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${msg}` : msg
    fieldLines.push(field ? `${field}: ${msg}` : msg)
  }
  // the detail often repeats the field messages: show it only when it adds something
  const showDetail = detail && detail !== title && !fieldLines.some((l) => detail.includes(l))
  const summary = showDetail ? `${title}：${detail}` : title
  return {
    status,
    summary: lang === 'en' ? summary.replace('：', ': ') : summary,
    fields,
    lines: [lang === 'en' ? summary.replace('：', ': ') : summary, ...fieldLines],
  }
}
