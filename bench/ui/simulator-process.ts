import { spawn } from 'node:child_process'
import type { CreateCaseInput } from '../../src/simulator/case-factory'
import { startSimulator, type SimulatorOptions } from '../../src/simulator'
import type { SimulatorStats } from '../../src/simulator/stats'

/** What the child starts: simulator options that survive JSON, and the cases to create besides its load cases. */
export interface SimulatorProcessSpec {
  options: Omit<SimulatorOptions, 'onEventSent' | 'log' | 'scenario'>
  cases: CreateCaseInput[]
}

/** A progress value a stream sent for one of the load cases: [caseId, progress, when (epoch ms, sub-ms)]. */
export type SentProgress = [string, number, number]

export interface SimulatorProcess {
  baseUrl: string
  /** The load cases the simulator made at start, then `spec.cases`, in order. */
  loadCaseIds: string[]
  caseIds: string[]
  /** The simulator's own counters (streams opened, requests by route, 429s…). */
  stats(): Promise<SimulatorStats>
  close(): Promise<void>
}

type ChildMessage =
  | { type: 'ready'; baseUrl: string; loadCaseIds: string[]; caseIds: string[] }
  | { type: 'sent'; records: SentProgress[] }
  | { type: 'stats'; stats: SimulatorStats }

/**
 * The simulator in a process of its own, as Veridox is a server elsewhere: the core and the browser under test do
 * not share its event loop. Progress the load cases' streams send is reported back with the time it was written.
 * Runs from the bench bundle (bench/run.mjs), which the child loads to call runSimulatorChild.
 */
export function startSimulatorProcess(spec: SimulatorProcessSpec, onSent: (records: SentProgress[]) => void): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(__filename)}).runSimulatorChild()`], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code}) before it was ready`)))
    const statsWaiters: ((stats: SimulatorStats) => void)[] = []
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'sent') return onSent(message.records)
      if (message.type === 'stats') return statsWaiters.shift()?.(message.stats)
      child.removeAllListeners('exit')
      resolve({
        baseUrl: message.baseUrl,
        loadCaseIds: message.loadCaseIds,
        caseIds: message.caseIds,
        stats: () =>
          new Promise((done) => {
            statsWaiters.push(done)
            child.send({ type: 'stats' })
          }),
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
    child.send({ type: 'start', spec })
  })
}

/** The child's side: start, create the cases, report the load cases' progress in batches every 20 ms. */
export function runSimulatorChild(): void {
  process.once('message', async ({ spec }: { type: 'start'; spec: SimulatorProcessSpec }) => {
    const loadCases = new Set<string>()
    let pending: SentProgress[] = []
    const simulator = await startSimulator({
      ...spec.options,
      onEventSent: (caseId, event) => {
        const progress = event.body.progress
        if (loadCases.has(caseId) && event.type === 'file.analysis.progress' && typeof progress === 'number')
          pending.push([caseId, progress, performance.timeOrigin + performance.now()])
      },
    })
    const timer = setInterval(() => {
      if (pending.length === 0) return
      process.send?.({ type: 'sent', records: pending })
      pending = []
    }, 20)
    process.once('SIGTERM', () => {
      clearInterval(timer)
      void simulator.close().then(() => process.exit(0))
    })
    // The simulator made its load cases at start ("Load case 001"…): one listing names them.
    const response = await fetch(`${simulator.baseUrl}/cases?limit=100`, { headers: { 'x-api-key': 'vdx_simulator' } })
    const { cases } = (await response.json()) as { cases: { case_id: string; label: string }[] }
    const loadCaseIds = cases.filter((listed) => listed.label.startsWith('Load case')).map((listed) => listed.case_id)
    for (const caseId of loadCaseIds) loadCases.add(caseId)
    const caseIds = spec.cases.map((input) => simulator.control.createCase(input).caseId)
    process.on('message', (message: { type: string }) => {
      if (message.type === 'stats') process.send?.({ type: 'stats', stats: simulator.control.stats() })
    })
    process.send?.({ type: 'ready', baseUrl: simulator.baseUrl, loadCaseIds, caseIds })
  })
}
