// Benchmark: the first screen's JavaScript, gzip-compressed (issue 17: < 500 KB).
// A production build (vite build, the project's vite.config.ts) into a temporary folder with the
// build manifest on; from the manifest: the entry chunk (index.html) and every chunk it imports
// statically, plus the route's own chunk and its static imports — what the browser must load
// before the screen can run. Each file is gzip-compressed here (node zlib, level 6 = gzip's
// default; level 9 is printed too), not read from Vite's log. No stack needed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { done, figure, info, kb } from './support.mjs'

const GOAL = 500 * 1024
const ROUTES = { '/intake': 'src/views/IntakeQueue.vue', '/dispatch': 'src/views/DispatchDesk.vue' }
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'szcg-console-build-'))

try {
  await build({ root, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, manifest: true } })
  const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'))
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)

  /** the chunk and every chunk it imports statically, transitively (manifest keys) */
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen
    seen.add(key)
    for (const k of manifest[key].imports ?? []) closure(k, seen)
    return seen
  }
  const sizes = (file) => {
    const raw = readFileSync(join(out, file))
    return { raw: raw.length, gz: gzipSync(raw, { level: 6 }).length, gz9: gzipSync(raw, { level: 9 }).length }
  }

  for (const [route, view] of Object.entries(ROUTES)) {
    if (!manifest[view]) throw new Error(`${view} is not a chunk of the build (router changed?)`)
    const keys = closure(view, closure(entryKey))
    const files = [...keys].map((k) => manifest[k].file)
    const css = [...new Set([...keys].flatMap((k) => manifest[k].css ?? []))]
    let raw = 0
    let gz = 0
    let gz9 = 0
    const parts = []
    for (const f of files) {
      const s = sizes(f)
      raw += s.raw
      gz += s.gz
      gz9 += s.gz9
      parts.push([f, s.gz])
    }
    const cssGz = css.reduce((a, f) => a + sizes(f).gz, 0)
    figure(`first screen JavaScript ${route} (gzip)`, `${kb(gz)} (level 9: ${kb(gz9)}; raw ${kb(raw)}; ${files.length} files)`, gz, GOAL, '< 500 KB')
    for (const [f, g] of parts.sort((a, b) => b[1] - a[1])) info(`${kb(g).padStart(9)}  ${f}`)
    info(`CSS beside it: ${kb(cssGz)} gzip (${css.length} files)`)
  }
  const all = Object.values(manifest).filter((c) => c.file.endsWith('.js'))
  const total = all.reduce((a, c) => a + sizes(c.file).gz, 0)
  info(`whole build: ${all.length} JavaScript chunks, ${kb(total)} gzip (map, charts and other screens load on demand)`)
} finally {
  rmSync(out, { recursive: true, force: true })
}
done()
