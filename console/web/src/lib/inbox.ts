/**
 * The console inbox's pure parts (通知, docs/notifications.md): sla-service's
 * GET /api/v1/notifications/mine through the console's proxy, the badge's text, the title in the
 * screen's language, and marking one read without re-reading.
 */

import { mayOpen } from './roles'

export interface InboxItem {
  id: string
  kind: string
  urgent: boolean
  titleZh: string
  titleEn: string
  caseId: string | null
  raisedAt: string
  readAt: string | null
}

export interface Inbox {
  unread: number
  items: InboxItem[]
}

export const INBOX_URL = '/api/sla/v1/notifications/mine?limit=20'

export function readUrl(id: string): string {
  return `/api/sla/v1/notifications/mine/${encodeURIComponent(id)}/read`
}

/** The badge: nothing at 0, the number up to 99, then 99+. */
export function badge(unread: number): string {
  if (!Number.isFinite(unread) || unread <= 0) return ''
  return unread > 99 ? '99+' : String(Math.floor(unread))
}

/** The title in the screen's language (Chinese first: the English one only for `en`). */
export function titleOf(item: InboxItem, lang: string): string {
  return lang === 'en' && item.titleEn ? item.titleEn : item.titleZh
}

/** The inbox after marking `id` read at `at` (the count drops once, only for an unread one). */
export function markedRead(inbox: Inbox, id: string, at: string): Inbox {
  let changed = false
  const items = inbox.items.map((i) => {
    if (i.id !== id || i.readAt) return i
    changed = true
    return { ...i, readAt: at }
  })
  return { unread: changed ? Math.max(0, inbox.unread - 1) : inbox.unread, items }
}

/**
 * Where a notification's case opens for this person: the center's case page (/cases/…) for the
 * center's roles, 处置通's case screen (/u/cases/…) for a unit's people (who may not open the
 * center's page — the router would show them the refusal), nothing for anyone else.
 */
export function caseLink(caseId: string | null | undefined, roles: readonly string[]): string | null {
  if (!caseId) return null
  const id = encodeURIComponent(caseId)
  if (mayOpen('case', roles)) return `/cases/${id}`
  if (mayOpen('unitCase', roles)) return `/u/cases/${id}`
  return null
}
