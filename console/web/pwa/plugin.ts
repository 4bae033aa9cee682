import type { Plugin } from 'vite'

/**
 * The installable shell of the phone apps (城管通 for collectors, 处置通 for units; docs/console.md
 * "城管通 collector app"): writes `sw.js` into the build with the list of every file of this build
 * to precache and a version (a hash of that list: hashed file names change with their content), so
 * a new build replaces the old shell. No plugin from the registry: the worker is small and every
 * line of it is ours. The manifest and the icons are in public/ and are precached with the rest.
 * (No node: imports here — the type check has no Node types.)
 */
export function pwaShell(opts: { publicFiles: string[] }): Plugin {
  return {
    name: 'szcg-pwa-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js' && !f.startsWith('.vite/'))
        .map((f) => '/' + f)
      const files = [...new Set(['/index.html', '/config.json', ...opts.publicFiles, ...built])].sort()
      const source = SW.replace('self.__SZCG_VERSION__', JSON.stringify(fnv1a(files.join('\n')))).replace(
        'self.__SZCG_PRECACHE__',
        JSON.stringify(files),
      )
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

/** 32-bit FNV-1a, hex: enough to tell two builds' file lists apart */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

const SW = `/* 数字城管 phone apps (城管通, 处置通): the service worker of the installable shell.
 * Written by the build (pwa/plugin.ts): PRECACHE and VERSION are filled in with the files of this
 * very build. What it does, and nothing more:
 * - install: caches the app shell — index.html, every built script, style, font and worker, the
 *   manifest, the icons and /config.json (the login's realm) — so that the app opens with no network;
 * - navigations (any address of the app): the network first, the cached index.html when there is
 *   none (the router of the app takes it from there: the queue of the device shows);
 * - /config.json: the network first (kept fresh in the cache), the cached one offline;
 * - the built files (hashed names): from the cache, else the network;
 * - never /api/, /live/ or /q/ and never another origin (Keycloak): the APIs, the push channel and
 *   the login always go to the network untouched — the queue of the app (IndexedDB) is what keeps
 *   work captured offline, not this worker.
 */
const VERSION = self.__SZCG_VERSION__
const PRECACHE = self.__SZCG_PRECACHE__
const CACHE = 'szcg-shell-' + VERSION

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((u) => new Request(u, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('szcg-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok && !fallbackUrl) await cache.put(request.url, response.clone())
    return response
  } catch (e) {
    const hit = await cache.match(fallbackUrl ?? request.url)
    if (hit) return hit
    throw e
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (/^\\/(api|live|q)\\//.test(url.pathname)) return
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, '/index.html'))
    return
  }
  if (url.pathname === '/config.json') {
    event.respondWith(networkFirst(request))
    return
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)))
})
`
