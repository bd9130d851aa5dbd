import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { startSimulator, type Simulator } from '../../src/simulator'
import type { DriverConfig, DriverReply, DriverReport, DriverRequest } from './driver-protocol'
import { cpuPercentOfOneCore, liveHeapSlopeMBPerMin, memoryFigures } from './memory-figures'
import { sampleProcess, type ProcSample } from './proc-sample'

export interface MemoryBenchOptions {
  /** Cases followed for the memory figures: all analysing, 10 streamed (the key's stream slots), the rest by budget. */
  followedCases: number
  followWindowS: number
  /** Cases watched for the idle figure: none changes (files created, never uploaded). */
  idleCases: number
  /** Time for the start-up catch-up (the first sweeps and snapshots) before the idle window opens. */
  idleSettleS: number
  idleWindowS: number
  log: (line: string) => void
}

const root = resolve(__dirname, '../..')
const driverDir = resolve(root, '.test-output/bench-memory')
const followKey = 'vdx_bench_follow'
const idleKey = 'vdx_bench_idle'
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits

async function buildDriver(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: resolve(root, 'bench/memory/app-driver.ts'),
      outDir: driverDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'app-driver.cjs' } },
    },
  })
  return join(driverDir, 'app-driver.cjs')
}

/** One app driver in its own process, answering over the child-process channel. */
class Driver {
  private readonly child: ChildProcess
  private readonly waiting: ((reply: DriverReply) => void)[] = []
  readonly profileDir = mkdtempSync(join(tmpdir(), 'case-monitor-bench-'))

  constructor(driverPath: string, baseUrl: string, apiKey: string) {
    const config: DriverConfig = { baseUrl, apiKey, profileDir: this.profileDir }
    this.child = fork(driverPath, [], {
      env: { PATH: process.env.PATH, CASE_MONITOR_BENCH_DRIVER: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (reply: DriverReply) => this.waiting.shift()?.(reply))
    this.child.on('exit', (code) => {
      for (const answer of this.waiting.splice(0)) answer({ type: 'failed', message: `it exited with code ${code}` })
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  private next(): Promise<DriverReply> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the app driver did not answer in 60 s')), 60_000)
      this.waiting.push((reply) => {
        clearTimeout(timer)
        if (reply.type === 'failed') fail(new Error(`the app driver failed: ${reply.message}`))
        else done(reply)
      })
    })
  }

  started = (): Promise<DriverReply> => this.next()

  ask(request: DriverRequest): Promise<DriverReply> {
    const answer = this.next()
    this.child.send(request)
    return answer
  }

  async report(): Promise<DriverReport> {
    return (await this.ask({ type: 'report' })) as DriverReport
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done))
    this.child.send({ type: 'stop' } satisfies DriverRequest)
    await Promise.race([exited, sleep(10_000)])
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
    rmSync(this.profileDir, { recursive: true, force: true })
  }
}

async function openDriver(driverPath: string, simulator: Simulator, apiKey: string, caseIds: string[]): Promise<Driver> {
  const driver = new Driver(driverPath, simulator.baseUrl, apiKey)
  await driver.started()
  const watched = await driver.ask({ type: 'watch', caseIds })
  if (watched.type !== 'watched' || watched.count !== caseIds.length)
    throw new Error(`the app driver watches ${watched.type === 'watched' ? watched.count : '?'} cases, not ${caseIds.length}`)
  return driver
}

const requestsSoFar = (simulator: Simulator): number => {
  const { requestsByRoute } = simulator.control.stats()
  return Object.entries(requestsByRoute).reduce((sum, [route, count]) => (route === 'control' ? sum : sum + (count ?? 0)), 0)
}

/** 2,000 analysing cases followed: resident memory sampled every second, peak and growth in the second half. */
async function measureFollowing(driverPath: string, simulator: Simulator, options: MemoryBenchOptions) {
  const caseIds = Array.from({ length: options.followedCases }, (_, index) => {
    // Analyses longer than the window (20–40 minutes a file) so every case is still moving while memory is sampled.
    const durationMs = 20 * 60_000 + ((index * 7919) % (20 * 60_000))
    return simulator.control.createCase({
      apiKey: followKey,
      label: `Motor claim CLM-${String(index).padStart(5, '0')}`,
      fileLabels: ['id.pdf', 'payslip.pdf', 'statement.pdf'],
      fileDurationsMs: [durationMs, durationMs * 0.8, durationMs * 0.6],
    }).caseId
  })
  const driver = await openDriver(driverPath, simulator, followKey, caseIds)
  try {
    const samples: ProcSample[] = []
    const heapReadings: { atMs: number; value: number }[] = []
    const end = Date.now() + options.followWindowS * 1000
    while (Date.now() < end) {
      samples.push(sampleProcess(driver.pid))
      if (samples.length % 5 === 0) heapReadings.push({ atMs: Date.now(), value: (await driver.report()).heapUsedMB })
      if (samples.length % 30 === 0) options.log(`following: ${samples.length} s, ${round(samples.at(-1)!.rssMB)} MB`)
      await sleep(1_000)
    }
    const report = await driver.report()
    const memory = memoryFigures(samples)
    const stretchMs = Math.max(15_000, (options.followWindowS * 1000) / 20)
    return {
      rss2000MB: memory.peakMB,
      rssGrowthMBPerMin: memory.growthMBPerMin,
      rssEndMB: memory.endMB,
      rssFollowedCases: options.followedCases,
      rssWindowMin: round(options.followWindowS / 60, 2),
      rssSamples: samples.length,
      rssHeapUsedMB: round(report.heapUsedMB),
      rssHeapTotalMB: round(report.heapTotalMB),
      rssExternalMB: round(report.externalMB),
      rssLiveHeapGrowthMBPerMin: liveHeapSlopeMBPerMin(heapReadings, stretchMs),
      rssFollowCpuPercent: cpuPercentOfOneCore(samples[0]!, samples.at(-1)!),
      rssWindowMessagesPerMin: round((report.windowMessages / options.followWindowS) * 60),
      rssWatchListWritesPerMin: round((report.watchListWrites / options.followWindowS) * 60),
    }
  } finally {
    await driver.stop()
  }
}

/** 500 cases of which none changes: CPU over the window, after the start-up catch-up, and what it asked Veridox. */
async function measureIdle(driverPath: string, simulator: Simulator, options: MemoryBenchOptions) {
  const caseIds = Array.from(
    { length: options.idleCases },
    (_, index) =>
      simulator.control.createCase({ apiKey: idleKey, label: `KYC refresh ${index}`, fileLabels: ['passport.pdf'], upload: false }).caseId,
  )
  const driver = await openDriver(driverPath, simulator, idleKey, caseIds)
  try {
    await sleep(options.idleSettleS * 1000)
    const before = await driver.report()
    const first = sampleProcess(driver.pid)
    const requestsBefore = requestsSoFar(simulator)
    await sleep(options.idleWindowS * 1000)
    const last = sampleProcess(driver.pid)
    const requests = requestsSoFar(simulator) - requestsBefore
    const after = await driver.report()
    return {
      idleCpuPercent: cpuPercentOfOneCore(first, last),
      idleCpuMs: round(last.cpuMs - first.cpuMs, 0),
      idleCases: options.idleCases,
      idleWindowS: round((last.atMs - first.atMs) / 1000),
      idleRequestsInWindow: requests,
      idleWindowMessages: after.windowMessages - before.windowMessages,
      idleLogLines: after.logLines - before.logLines,
      idleWatchListWrites: after.watchListWrites - before.watchListWrites,
      idleRssMB: round(last.rssMB),
    }
  } finally {
    await driver.stop()
  }
}

export async function runMemoryBenchmark(options: MemoryBenchOptions) {
  const driverPath = await buildDriver()
  // Each phase on its own key, so its request budget and stream slots are its own, as for one analyst.
  const simulator = await startSimulator({ apiKeys: [followKey, idleKey], demoCases: 0, seed: 12 })
  try {
    const loadAverageAtStart = loadavg().map((value) => round(value, 2))
    const following = await measureFollowing(driverPath, simulator, options)
    const idle = await measureIdle(driverPath, simulator, options)
    return { ...following, ...idle, memoryLoadAverage: round(loadavg()[0]!, 2), memoryLoadAverageAtStart: loadAverageAtStart[0]! }
  } finally {
    await simulator.close()
  }
}
