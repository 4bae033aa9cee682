import { describe, expect, it } from 'vitest'
import { badge, caseLink, markedRead, readUrl, titleOf, type Inbox, type InboxItem } from './inbox'

const item = (id: string, readAt: string | null = null): InboxItem => ({
  id,
  kind: 'CLOCK_BREACH',
  urgent: true,
  titleZh: '超时：案件 C1 处置已超时',
  titleEn: 'Breach: case C1 HANDLING is overdue',
  caseId: 'C1',
  raisedAt: '2026-03-02T01:00:00Z',
  readAt,
})

describe('inbox', () => {
  it('shows no badge at zero, the count, then 99+', () => {
    expect(badge(0)).toBe('')
    expect(badge(-1)).toBe('')
    expect(badge(3)).toBe('3')
    expect(badge(99)).toBe('99')
    expect(badge(100)).toBe('99+')
  })

  it('gives the title in the screen language, Chinese by default', () => {
    expect(titleOf(item('a'), 'zh-CN')).toBe('超时：案件 C1 处置已超时')
    expect(titleOf(item('a'), 'en')).toBe('Breach: case C1 HANDLING is overdue')
  })

  it('marks one read once and lowers the count once', () => {
    const inbox: Inbox = { unread: 2, items: [item('a'), item('b')] }
    const once = markedRead(inbox, 'a', '2026-03-02T02:00:00Z')
    expect(once.unread).toBe(1)
    expect(once.items[0].readAt).toBe('2026-03-02T02:00:00Z')
    expect(markedRead(once, 'a', 'later').unread).toBe(1)
    expect(markedRead(once, 'zzz', 'later').unread).toBe(1)
  })

  it('escapes the id in the read URL', () => {
    expect(readUrl('a/b')).toBe('/api/sla/v1/notifications/mine/a%2Fb/read')
  })
})

describe('caseLink: where a notification opens its case', () => {
  it('opens the center case page for the center, 处置通 for a unit, nothing without a case or a screen', () => {
    expect(caseLink('C 1', ['shift-lead'])).toBe('/cases/C%201')
    expect(caseLink('C1', ['unit-receiver'])).toBe('/u/cases/C1')
    expect(caseLink('C1', ['unit-leader', 'offline_access'])).toBe('/u/cases/C1')
    expect(caseLink(null, ['unit-receiver'])).toBeNull()
    expect(caseLink('C1', ['collector'])).toBeNull()
  })
})
