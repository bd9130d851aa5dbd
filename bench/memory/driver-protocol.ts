/** What the benchmark tells the app driver (app-driver.ts) over the child-process channel, and what it answers. */
export interface DriverConfig {
  baseUrl: string
  apiKey: string
  /** The profile folder: settings, each host's watch list and completion ledger, the log. */
  profileDir: string
}

export type DriverRequest = { type: 'watch'; caseIds: string[] } | { type: 'report' } | { type: 'stop' }

export interface DriverReport {
  type: 'report'
  heapUsedMB: number
  heapTotalMB: number
  externalMB: number
  arrayBuffersMB: number
  /** Events sent to the window (batched case deltas, summaries) and their serialised size. */
  windowMessages: number
  windowBytes: number
  logLines: number
  watchListWrites: number
}

export type DriverReply =
  { type: 'started'; mode: string } | { type: 'watched'; count: number } | DriverReport | { type: 'failed'; message: string }
