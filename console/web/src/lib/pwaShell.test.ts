import { describe, expect, it } from 'vitest'
import { fnv1a, pwaShell } from '../../pwa/plugin'
import { isPhoneApp } from '../pwa'

/** Runs the plugin's generateBundle on a made-up build and returns the sw.js it writes. */
function swOf(files: string[]): string {
  const plugin = pwaShell({ publicFiles: ['/manifest.json', '/icons/icon-192.png'] })
  const emitted: { fileName: string; source: string }[] = []
  const bundle = Object.fromEntries(files.map((f) => [f, {}]))
  const hook = plugin.generateBundle as unknown as (this: unknown, o: unknown, b: unknown) => void
  hook.call({ emitFile: (f: { fileName: string; source: string }) => emitted.push(f) }, {}, bundle)
  expect(emitted.map((e) => e.fileName)).toEqual(['sw.js'])
  return emitted[0].source
}

describe('the phone apps’ shell', () => {
  it('precaches index.html, /config.json, the manifest, the icons and every built file — no source maps', () => {
    const sw = swOf(['index.html', 'assets/index-abc.js', 'assets/QueueView-def.js', 'assets/index-abc.css', 'assets/index-abc.js.map'])
    const list = JSON.parse(/const PRECACHE = (\[.*?\])/.exec(sw)![1]) as string[]
    expect(list).toEqual(['/assets/QueueView-def.js', '/assets/index-abc.css', '/assets/index-abc.js', '/config.json', '/icons/icon-192.png', '/index.html', '/manifest.json'])
  })

  it('a new build is a new cache; the same build the same', () => {
    const version = (sw: string) => /const VERSION = "([0-9a-f]+)"/.exec(sw)![1]
    expect(version(swOf(['index.html', 'assets/a-1.js']))).toBe(version(swOf(['index.html', 'assets/a-1.js'])))
    expect(version(swOf(['index.html', 'assets/a-1.js']))).not.toBe(version(swOf(['index.html', 'assets/a-2.js'])))
    expect(fnv1a('')).toBe('811c9dc5')
  })

  it('never answers for the APIs, the push channel, the health endpoints or another origin', () => {
    const sw = swOf(['index.html'])
    expect(sw).toContain("if (/^\\/(api|live|q)\\//.test(url.pathname)) return")
    expect(sw).toContain('if (url.origin !== self.location.origin) return')
    expect(sw).toContain("if (request.method !== 'GET') return")
  })

  it('is registered on the phone apps’ addresses only', () => {
    expect(['/m', '/m/', '/m/queue', '/m/tasks/check/1'].map(isPhoneApp)).toEqual([true, true, true, true])
    expect(['/', '/map', '/intake', '/mx', '/cases/1'].map(isPhoneApp)).toEqual([false, false, false, false, false])
  })
})
