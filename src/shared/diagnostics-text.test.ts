import { describe, expect, it } from 'vitest'
import type { Diagnostics } from './diagnostics'
import { diagnosticsText } from './diagnostics-text'

const at = Date.UTC(2026, 11, 7, 4, 50, 0)
const diagnostics: Diagnostics = {
  takenAt: at,
  mode: 'veridox',
  host: 'api.uk.veridox.ai',
  connection: { state: 'offline', since: at - 60_000, until: null, counts: { followed: 2, streaming: 0, polled: 0, listed: 0 } },
  streams: { inUse: 3, limit: 10 },
  budgets: [
    { kind: 'list', used: 4, limit: 30, windowMs: 60_000 },
    { kind: 'get', used: 2, limit: 60, windowMs: 60_000 },
    { kind: 'poll', used: 10, limit: 600, windowMs: 3_600_000 },
  ],
  cases: [
    {
      caseId: '019bfb3c-1257-7455-af2e-0cd3cadab5c7',
      label: 'Claim A',
      state: 'reconnecting',
      transport: 'stream',
      lastEventId: '42',
      confirmedAt: at - 5_000,
      lastError: 'server_error',
      nextRetryAt: at + 2_000,
    },
    {
      caseId: '019bfb3c-1257-7455-af2e-000000000002',
      label: null,
      state: 'polling',
      transport: 'list',
      lastEventId: null,
      confirmedAt: null,
      lastError: null,
      nextRetryAt: null,
    },
  ],
}

describe('diagnostics as text for a support call', () => {
  it('says the account and each case in plain lines, times in UTC', () => {
    const text = diagnosticsText(diagnostics, (code) => `words for ${code}`)
    expect(text.split('\n')).toEqual([
      'Case Monitor diagnostics, 2026-12-07T04:50:00.000Z',
      'Veridox: api.uk.veridox.ai',
      'Connection: offline since 2026-12-07T04:49:00.000Z',
      'Streams: 3 of 10 in use',
      'Requests left: list 26 of 30 per minute, get 58 of 60 per minute, poll 590 of 600 per hour',
      'Rates now: list 4 per minute, poll 10 per hour',
      '',
      'Cases (2):',
      '019bfb3c-1257-7455-af2e-0cd3cadab5c7 "Claim A": reconnecting via stream; last event 42; confirmed 2026-12-07T04:49:55.000Z; last error server_error (words for server_error); next retry 2026-12-07T04:50:02.000Z',
      '019bfb3c-1257-7455-af2e-000000000002: polling via list; last event none; confirmed never; last error none; next retry none',
    ])
  })

  it('says the built-in simulator and a rate limit until when', () => {
    const text = diagnosticsText(
      {
        ...diagnostics,
        mode: 'simulator',
        host: '127.0.0.1:4010',
        connection: { ...diagnostics.connection, state: 'rate_limited', since: null, until: at + 30_000 },
      },
      String,
    )
    expect(text).toContain('Built-in simulator: 127.0.0.1:4010')
    expect(text).toContain('Connection: rate_limited until 2026-12-07T04:50:30.000Z')
  })

  it('keeps a label to one line, so it cannot forge lines of its own', () => {
    const forged = { ...diagnostics, cases: [{ ...diagnostics.cases[0]!, label: 'A\nConnection: live' }] }
    expect(
      diagnosticsText(forged, String)
        .split('\n')
        .filter((line) => line.startsWith('Connection:')),
    ).toHaveLength(1)
  })
})
