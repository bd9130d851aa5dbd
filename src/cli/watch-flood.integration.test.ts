import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../simulator'
import { waitFor } from '../core/monitor/monitor-test-kit'
import { maxFilesPerCase } from '../core/veridox/field-limits'
import { createMemoryIo } from './testing/memory-io'
import { runWatchCommand } from './watch-command'

let simulator: Simulator | null = null
let proxy: Server | null = null
afterEach(async () => {
  proxy?.closeAllConnections()
  await new Promise((resolve) => proxy?.close(resolve))
  await simulator?.close()
})

const filesInLastRecord = (stdout: string): number => {
  const last = stdout.slice(stdout.lastIndexOf('\n', stdout.length - 2) + 1)
  return last ? (JSON.parse(last) as { files: unknown[] }).files.length : 0
}

const floodEvent = (n: number): string => {
  const fileId = `019c0000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
  return `event: file.analysis.progress\nid: flood-${n}\ndata: {"file_id":"${fileId}","stage":"ela","progress":10}\n\n`
}

/**
 * Veridox as the simulator answers it, except that every progress stream floods the client with
 * events about files the case never had, as fast as it reads them, until it hangs up.
 */
async function startFloodingVeridox(upstream: string): Promise<{ baseUrl: string; eventsSent: () => number }> {
  let sent = 0
  proxy = createServer((req, res) => {
    if (!req.url?.includes('/progress/stream')) {
      const forwarded = request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      // The client hangs up mid-request when it is stopped; that is not this test's concern.
      forwarded.on('error', () => res.destroy())
      req.on('error', () => forwarded.destroy())
      req.pipe(forwarded)
      return
    }
    res.on('error', () => undefined)
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    const pump = (): void => {
      while (!res.destroyed) {
        let batch = ''
        for (let i = 0; i < 100; i++) batch += floodEvent(sent++)
        if (!res.write(batch)) return void res.once('drain', pump)
      }
    }
    pump()
  })
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, eventsSent: () => sent }
}

describe('case-monitor watch under a flood of events', () => {
  it('keeps at most the capped number of files, logs that once, and exits within a second of Ctrl+C', async () => {
    simulator = await startSimulator({ analysisMs: 600_000, heartbeatMs: 500 })
    const caseId = simulator.control.createCase({ label: 'Flooded', fileLabels: ['a.pdf'] }).caseId
    const veridox = await startFloodingVeridox(simulator.baseUrl)
    const memory = createMemoryIo({ VERIDOX_API_KEY: 'vdx_simulator', CASE_MONITOR_LOG: 'info' })
    const run = runWatchCommand(['--base-url', veridox.baseUrl, '--json', caseId], memory.io)

    await waitFor(() => filesInLastRecord(memory.stdout()) >= maxFilesPerCase, 20_000, 'a case holding the most files it may')
    // The flood goes on (thousands more are already on their way): every event from now on names a file beyond the cap.
    await sleep(1_500)
    expect(veridox.eventsSent()).toBeGreaterThan(20 * maxFilesPerCase)
    const abortAt = Date.now() + 100
    setTimeout(memory.abort, 100)
    expect(await run).toBe(130)
    expect(Date.now() - abortAt).toBeLessThan(1_000)

    const records = memory
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { files: unknown[] })
    expect(Math.max(...records.map((record) => record.files.length))).toBe(maxFilesPerCase)
    // A line per file the case took in (and a few for its state), none per event beyond the cap.
    expect(records.length).toBeLessThan(3 * maxFilesPerCase)
    const capLines = memory
      .stderr()
      .split('\n')
      .filter((line) => line.includes(`ignoring files beyond the first ${maxFilesPerCase} of a case`))
    expect(capLines).toHaveLength(1)
  }, 30_000)
})
