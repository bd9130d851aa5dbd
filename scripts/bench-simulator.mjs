#!/usr/bin/env node
// Scale benchmark for the Veridox simulator: 1,000 concurrent SSE streams at about 5,000 events/s.
// Usage: node scripts/bench-simulator.mjs [--streams 1000] [--rate 5000] [--seconds 20]
// The simulator runs in one child process (built from src/ with Vite, no new dependencies) and the
// SSE client in another, so the two do not share a core. Linux only (reads /proc for CPU and RSS).
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request, Agent } from 'node:http'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { setInterval, clearInterval } from 'node:timers'

const scriptPath = fileURLToPath(import.meta.url)
const root = resolve(dirname(scriptPath), '..')
const role = process.argv[2]

if (role === 'server') await runServer(process.argv[3], process.argv.slice(4))
else if (role === 'client') runClient()
else await orchestrate()

async function runServer(modulePath, args) {
  const { runSimulatorCommand } = await import(pathToFileURL(modulePath).href)
  const controller = new globalThis.AbortController()
  process.on('SIGTERM', () => controller.abort())
  process.exitCode = await runSimulatorCommand(args, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal })
}

function runClient() {
  process.once('message', ({ baseUrl, caseIds, warmupMs, measureMs }) => {
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
    let open = 0,
      minOpenDuringWindow = Infinity,
      events = 0,
      heartbeats = 0,
      measuring = false
    const delays = []
    for (const caseId of caseIds) {
      const req = request(`${baseUrl}/cases/${caseId}/progress/stream`, { agent, headers: { 'x-api-key': 'vdx_simulator' } }, (res) => {
        if (res.statusCode !== 200) return res.resume()
        open++
        let pending = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          pending += chunk
          let cut
          while ((cut = pending.indexOf('\n\n')) >= 0) {
            const frame = pending.slice(0, cut)
            pending = pending.slice(cut + 2)
            if (!measuring) continue
            if (!frame.startsWith('id:')) {
              heartbeats++
              continue
            }
            events++
            const stamp = /"timestamp":(\d+)/.exec(frame)
            if (stamp) delays.push(Date.now() - Number(stamp[1]))
          }
        })
        res.on('close', () => open--)
      })
      req.on('error', () => {})
      req.end()
    }
    setTimeout(() => {
      measuring = true
      minOpenDuringWindow = open
      const watch = setInterval(() => (minOpenDuringWindow = Math.min(minOpenDuringWindow, open)), 100)
      setTimeout(() => {
        clearInterval(watch)
        delays.sort((a, b) => a - b)
        const at = (q) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? null
        process.send({ open, minOpenDuringWindow, events, heartbeats, p50: at(0.5), p99: at(0.99), max: delays.at(-1) ?? null }, () =>
          process.exit(0),
        )
      }, measureMs)
    }, warmupMs)
  })
}

function procStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  // utime and stime are fields 14 and 15 of /proc/pid/stat, in clock ticks (100 per second on Linux).
  return { cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 }
}

async function buildSimulator() {
  const { build } = await import('vite')
  const outDir = join(root, 'node_modules/.cache/bench-simulator')
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      ssr: join(root, 'src/cli/simulator-command.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'uuid', 'zod'],
        output: { format: 'esm', entryFileNames: 'simulator-command.mjs' },
      },
    },
  })
  return join(outDir, 'simulator-command.mjs')
}

async function getJson(url) {
  return new Promise((done, fail) => {
    request(url, { headers: { 'x-api-key': 'vdx_simulator' } }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c)).on('end', () => done(JSON.parse(text)))
    })
      .on('error', fail)
      .end()
  })
}

async function orchestrate() {
  const { values } = parseArgs({
    options: {
      streams: { type: 'string', default: '1000' },
      rate: { type: 'string', default: '5000' },
      seconds: { type: 'string', default: '20' },
    },
  })
  const streams = Number(values.streams),
    rate = Number(values.rate),
    measureMs = Number(values.seconds) * 1000
  const modulePath = await buildSimulator()
  const serverArgs = [
    '--no-limits',
    '--load-cases',
    String(streams),
    '--load-rate',
    String(rate),
    '--load-duration-ms',
    String(measureMs * 3 + 60_000),
    '--heartbeat-ms',
    '15000',
    '--control',
  ]
  console.log(`simulator: node ${modulePath} ${serverArgs.join(' ')}`)
  const server = fork(scriptPath, ['server', modulePath, ...serverArgs], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const baseUrl = await new Promise((done) => createInterface({ input: server.stdout }).once('line', done))

  const caseIds = []
  while (caseIds.length < streams) {
    const page = await getJson(`${baseUrl}/cases?limit=100&offset=${caseIds.length}`)
    if (page.cases.length === 0) break
    caseIds.push(...page.cases.map((c) => c.case_id))
  }
  const client = fork(scriptPath, ['client'], { stdio: 'inherit' })
  const warmupMs = 5000
  client.send({ baseUrl, caseIds, warmupMs, measureMs })
  await new Promise((done) => setTimeout(done, warmupMs))
  const before = procStats(server.pid)
  const result = await new Promise((done) => client.once('message', done))
  const after = procStats(server.pid)
  const seconds = measureMs / 1000
  const stats = await getJson(`${baseUrl}/__simulator/stats`).catch(() => null)
  server.kill('SIGTERM')

  console.log(`streams held: ${result.open} at the end, at least ${result.minOpenDuringWindow} throughout (${streams} requested)`)
  console.log(
    `events delivered: ${result.events} in ${seconds} s = ${Math.round(result.events / seconds)} events/s (+${result.heartbeats} heartbeats)`,
  )
  console.log(`event delay (event timestamp → client read): p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms`)
  console.log(
    `server CPU: ${Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100)} % of one core; RSS ${Math.round(after.rssMb)} MB (peak ${Math.round(after.peakRssMb)} MB)`,
  )
  if (stats) console.log(`server stats: peak streams ${stats.peakStreams}, events stored ${stats.eventsStored}`)
}
