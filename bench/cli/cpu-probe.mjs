// Loaded into a benchmarked child with `node --import` (or imported by the bare client): reports the
// process's own CPU time on file descriptor 3, a pipe the benchmark reads. SIGUSR2 asks for a baseline;
// `done` is reported when stdout carries BENCH_DONE_MARKER (the CLI's completed line) or by report().
import { writeSync } from 'node:fs'

export function report(mark, extra = {}) {
  const { user, system } = process.cpuUsage()
  writeSync(3, `${JSON.stringify({ mark, cpuUs: user + system, at: Date.now(), ...extra })}\n`)
}

process.on('SIGUSR2', () => report('baseline'))

const marker = process.env.BENCH_DONE_MARKER
if (marker) {
  const write = process.stdout.write.bind(process.stdout)
  let isDone = false
  let lines = 0
  process.stdout.write = (chunk, ...rest) => {
    const result = write(chunk, ...rest)
    lines += 1
    if (!isDone && typeof chunk === 'string' && chunk.includes(marker)) {
      isDone = true
      report('done', { lines })
    }
    return result
  }
}
