// The yardstick of issue 12: a bare `eventsource` client that parses the same events as the CLI
// (JSON.parse of every event's data) and does nothing else. Usage: bare-client.mjs URL API_KEY
import { EventSource } from 'eventsource'
import { report } from './cpu-probe.mjs'

const { fetch } = globalThis
const [url, apiKey] = process.argv.slice(2)
let events = 0
const source = new EventSource(url, {
  fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, 'x-api-key': apiKey } }),
})
const onEvent = (event) => {
  JSON.parse(event.data)
  events += 1
}
for (const type of ['file.analysis.progress', 'file.analysis.completed', 'case.analysis.completed', 'heartbeat']) {
  source.addEventListener(type, onEvent)
}
source.addEventListener('stream_closed', () => {
  report('done', { events })
  source.close()
})
source.addEventListener('error', () => {
  report('error', { events })
  source.close()
})
// Ended by the benchmark once it reported: exit normally, so a --cpu-prof profile is written.
process.once('SIGINT', () => process.exit(130))
