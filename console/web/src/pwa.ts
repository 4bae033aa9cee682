/**
 * The installable shell of the phone apps (PWA; docs/console.md "城管通 collector app"): the
 * service worker (`/sw.js`, written by the build from pwa/plugin.ts) is registered when the app is
 * opened at a phone app's address — the collector's /m/…; another phone app adds its prefix here —
 * so that the desktop screens, their tests and benchmarks run without it. Once registered (scope
 * "/") it caches the app shell for offline starts; it never touches /api/ or /live/.
 */
export const PHONE_PREFIXES = ['/m']

export function isPhoneApp(path: string): boolean {
  return PHONE_PREFIXES.some((p) => path === p || path.startsWith(p + '/'))
}

export async function registerShell(path = window.location.pathname): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !isPhoneApp(path)) return
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' })
    // ask the browser not to evict the queue of the device under storage pressure
    await navigator.storage?.persist?.()
  } catch {
    /* no shell: the app still works online */
  }
}
