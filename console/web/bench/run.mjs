// Runs every console benchmark (bench/*.bench.mjs, one after the other, each in its own node
// process) and prints the figures again at the end with their goals and PASS/MISS.
//   npm run bench                       (CONSOLE_URL: the console of a running stack)
//   npm run bench -- lists arrival      (only the benchmarks whose file name contains a word)
// Exit code 1 when a goal was missed or a benchmark failed. deploy/local/console-bench.sh installs
// what is needed, fills the stack with 10,000 cases and calls this.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => !only.length || only.some((w) => f.includes(w)))
  .sort()
const figures = []
const failed = []
for (const f of files) {
  console.log(`\n=== ${f}`)
  const t0 = Date.now()
  const run = spawnSync(process.execPath, [join(dir, f)], { cwd: join(dir, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  process.stdout.write(run.stdout ?? '')
  const lines = (run.stdout ?? '').split('\n').filter((l) => /\b(PASS|MISS)\b/.test(l))
  figures.push(...lines.map((l) => `${f.replace('.bench.mjs', '').padEnd(12)} ${l.replace(/^FIGURE /, '')}`))
  // a benchmark that ended badly without printing a MISS is a failure, not a figure
  if (run.status !== 0 && !lines.some((l) => /\bMISS\b/.test(l))) failed.push(`${f} (exit ${run.status ?? run.signal})`)
  console.log(`=== ${f}: ${Math.round((Date.now() - t0) / 1000)} s`)
}
console.log('\n=== figures')
for (const l of figures) console.log(l)
for (const f of failed) console.log(`FAILED ${f}`)
process.exitCode = failed.length || figures.some((l) => /\bMISS\b/.test(l)) ? 1 : 0
