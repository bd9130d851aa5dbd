import { resolve } from 'node:path'
import { startSimulator, type Simulator } from '../../src/simulator'
import { spawnProbed, waitUntilQuiet, type ProbedChild } from './child-probe'

export type FloodClient = 'bare' | 'cli'

export interface FloodRunOptions {
  client: FloodClient
  /** Events the streamed case sends at once, as fast as the client takes them. */
  events: number
  /** Cases watched beside the streamed one that never change (waiting for upload): CLI only. */
  idleCases: number
}

export interface FloodRun {
  events: number
  cpuUs: number
  wallMs: number
  /** Lines the CLI wrote (it prints a change only when the record differs); null for the bare client. */
  lines: number | null
}

const root = resolve(__dirname, '../..')
const apiKey = 'vdx_simulator'
const cliPath = resolve(root, 'out/cli/index.mjs')
const probePath = resolve(root, 'bench/cli/cpu-probe.mjs')
const bareClientPath = resolve(root, 'bench/cli/bare-client.mjs')
// The CLI's first line with the case's overall progress at 100: its last file settled, the flood's last event
// but the case's own completion. The completed line itself waits for a REST snapshot with the risks, which is
// not the stream's cost, and the bare client has no such step.
const everyFileSettledMarker = '"progress":100,"files"'
// Spread over an hour, the case trickles a few events a second until the flood: the stream is open and quiet.
const trickleDurationMs = 3_600_000

async function streamedCaseId(simulator: Simulator): Promise<string> {
  const response = await fetch(`${simulator.baseUrl}/cases?limit=1`, { headers: { 'x-api-key': apiKey } })
  const { cases } = (await response.json()) as { cases: { case_id: string }[] }
  return cases[0]!.case_id
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function spawnClient(client: FloodClient, simulator: Simulator, caseId: string, idleCaseIds: string[]): ProbedChild {
  const env = { PATH: process.env.PATH }
  // BENCH_CPU_PROF_DIR=dir writes a V8 CPU profile of each run there (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF_DIR] : []
  if (client === 'bare')
    return spawnProbed([...profile, bareClientPath, `${simulator.baseUrl}/cases/${caseId}/progress/stream`, apiKey], env)
  return spawnProbed(
    [...profile, '--import', probePath, cliPath, 'watch', '--json', '--base-url', simulator.baseUrl, caseId, ...idleCaseIds],
    { ...env, VERIDOX_API_KEY: apiKey, BENCH_DONE_MARKER: everyFileSettledMarker },
  )
}

/**
 * One client on one real simulator stream: it connects while the case trickles, goes quiet, is frozen
 * (SIGSTOP) while every remaining event of the case is written to its socket at once, then thawed; its
 * own CPU time (process.cpuUsage, reported by the probe) from the thaw to the last event is the cost
 * of the flood, and the flood's size over that wall time its top speed.
 */
export async function runFlood(options: FloodRunOptions): Promise<FloodRun> {
  const simulator = await startSimulator({
    load: { cases: 1, eventsPerSecond: (options.events * 1000) / trickleDurationMs, durationMs: trickleDurationMs, filesPerCase: 4 },
  })
  let probed: ProbedChild | null = null
  try {
    const caseId = await streamedCaseId(simulator)
    const idleCaseIds = Array.from(
      { length: options.idleCases },
      () => simulator.control.createCase({ upload: false, fileLabels: ['statement.pdf'] }).caseId,
    )
    probed = spawnClient(options.client, simulator, caseId, idleCaseIds)
    const stats = () => simulator.control.stats()
    // Every event stored so far was sent, so the streamed case's stream is open (the idle cases have no events).
    await waitFor(() => stats().eventsStored > 0 && stats().eventsSent >= stats().eventsStored, 60_000, 'the stream to open')
    await waitUntilQuiet(probed, { windowMs: 300, quietMs: 10, timeoutMs: 60_000 })
    probed.child.kill('SIGUSR2')
    const baseline = await probed.next('baseline', 5_000)
    probed.child.kill('SIGSTOP')
    const storedBefore = stats().eventsStored
    simulator.control.completeCaseNow(caseId)
    const events = stats().eventsStored - storedBefore
    const thawedAt = Date.now()
    probed.child.kill('SIGCONT')
    const done = await probed.next('done', 120_000)
    return { events, cpuUs: done.cpuUs - baseline.cpuUs, wallMs: done.at - thawedAt, lines: done.lines ?? null }
  } finally {
    await probed?.stop()
    await simulator.close()
  }
}
