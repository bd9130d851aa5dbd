import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Simulator } from '../../simulator'
import { systemClock } from '../runtime/clock'
import { createConsoleLog } from '../runtime/log'
import { logValueCap } from '../runtime/log-line'
import { createVeridoxClient } from '../veridox/veridox-client'
import { openMonitor, type CaseMonitor } from './case-monitor'
import { fastTuning, startTestSimulator, testLimits, waitFor } from './monitor-test-kit'

// A gateway on loopback in front of the simulator: everything is passed through, and the first
// stream answer starts with events the simulator would never send, as a hostile or broken server might.
async function startInjectingGateway(upstream: string, injected: string): Promise<{ baseUrl: string; server: Server }> {
  let hasInjected = false
  const server = createServer((incoming, outgoing) => {
    const forwarded = request(new URL(incoming.url ?? '/', upstream), { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      if (!hasInjected && answer.statusCode === 200 && incoming.url?.includes('/progress/stream')) {
        hasInjected = true
        outgoing.write(injected)
      }
      answer.pipe(outgoing)
    })
    forwarded.on('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

// Large, yet under the stream's own line cap, so the text reaches the log rather than closing the
// connection; a 1 MB type is fed through parseProgressMessage in server-text-log.test.ts.
const largeType = 'x'.repeat(60_000)
const sseEvent = (data: unknown, name?: string): string => `${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(data)}\n\n`

let simulator: Simulator | null = null
let gateway: Server | null = null
let monitor: CaseMonitor | null = null

afterEach(async () => {
  monitor?.dispose()
  await simulator?.close()
  await new Promise((resolve) => (gateway ? gateway.close(resolve) : resolve(undefined)))
  simulator = gateway = monitor = null
})

/** Watches one case through the gateway until it completes; returns everything the log wrote, split into lines. */
async function logWhileWatching(injected: string): Promise<string[]> {
  simulator = await startTestSimulator({ analysisMs: 600 })
  const { caseId } = simulator.control.createCase({ fileLabels: ['passport.pdf'] })
  const started = await startInjectingGateway(simulator.baseUrl, injected)
  gateway = started.server
  const written: string[] = []
  monitor = openMonitor({
    client: createVeridoxClient({ baseUrl: started.baseUrl, credential: { kind: 'api_key', secret: 'vdx_simulator' }, fetch }),
    clock: systemClock,
    log: createConsoleLog('info', (line) => written.push(`${line}\n`)),
    storage: null,
    limits: testLimits,
    tuning: fastTuning,
  })
  const announced: string[] = []
  monitor.onAnnounced((announcement) => announced.push(announcement.caseId))
  monitor.watch([caseId])
  await waitFor(() => announced.includes(caseId), 15_000, 'the completion')
  return written.join('').split(/\r\n|\r|\n/)
}

describe('server text in the log', () => {
  it('an event type with a newline gives one escaped line, never a forged "error" line', async () => {
    const lines = await logWhileWatching(sseEvent({ type: 'file.analysis.progress\nerror forged line' }))
    expect(lines.filter((line) => line.includes('forged'))).toEqual([
      expect.stringMatching(
        /^\S+ info skipped an event of a type this app does not know caseId=\S+ type="file\.analysis\.progress\\nerror forged line"$/,
      ),
    ])
    expect(lines.filter((line) => line.startsWith('error'))).toEqual([])
  })

  it('a 60,000-character event type gives one short line per event, cut with its original length', async () => {
    const lines = await logWhileWatching(sseEvent({ type: largeType }) + sseEvent({ type: largeType }, 'file.analysis.progress'))
    const aboutTheType = lines.filter((line) => line.includes('xxxxxxxxxx'))
    expect(aboutTheType).toHaveLength(2)
    for (const line of aboutTheType) expect(line.length).toBeLessThan(logValueCap + 300)
    expect(aboutTheType.find((line) => line.includes('skipped a malformed event'))).toMatch(
      / reason="event line says .*… \(60,053 characters\)"$/,
    )
  })
})
