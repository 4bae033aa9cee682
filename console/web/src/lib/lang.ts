/** The console's two languages: Chinese first (zh-CN), English on request. */
export type Lang = 'zh' | 'en'

/**
 * The services write user-facing texts Chinese first, then English: "无权操作 / Forbidden".
 * Picks the half of the person's language; a text without " / " is returned as it is.
 */
export function pickLanguage(text: string | undefined | null, lang: Lang): string {
  if (!text) return ''
  const i = text.indexOf(' / ')
  if (i < 0) return text
  return lang === 'zh' ? text.slice(0, i).trim() : text.slice(i + 3).trim()
}
