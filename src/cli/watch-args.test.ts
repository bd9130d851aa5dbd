import { describe, expect, it } from 'vitest'
import { documentedLimits } from '../core/policy/limits'
import { UsageError } from './cli-io'
import { parseWatchArgs } from './watch-args'

const caseA = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const caseB = '019bfb3c-2222-7455-af2e-0cd3cadab5c7'

function usageErrorOf(argv: string[]): string {
  try {
    parseWatchArgs(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`parseWatchArgs(${JSON.stringify(argv)}) accepted what it should refuse`)
}

describe('parseWatchArgs', () => {
  it('watches the given cases on the UK host, in plain text, in memory, within the documented limits by default', () => {
    expect(parseWatchArgs([caseA])).toEqual({
      baseUrl: 'https://api.uk.veridox.ai',
      isJson: false,
      stateDir: null,
      caseIds: [caseA],
      limits: documentedLimits,
    })
  })

  it('reads --base-url, --json and --state-dir, before or after the case IDs', () => {
    const args = parseWatchArgs([caseA, '--base-url', 'https://veridox.example.com/api', '--json', '--state-dir', '/tmp/state'])
    expect(args).toMatchObject({ baseUrl: 'https://veridox.example.com/api', isJson: true, stateDir: '/tmp/state', caseIds: [caseA] })
    expect(parseWatchArgs(['--base-url=https://eu.example.com', caseA]).baseUrl).toBe('https://eu.example.com')
  })

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010', 'http://127.8.9.10:4010'])(
    'allows plain http:// for this computer: %s',
    (url) => {
      expect(parseWatchArgs(['--base-url', url, caseA]).baseUrl).toBe(url)
    },
  )

  it.each([
    ['--limit-streams', 'streamsPerKey'],
    ['--limit-polls-per-hour', 'pollsPerHour'],
    ['--limit-list-per-min', 'listPerMin'],
    ['--limit-get-per-min', 'getPerMin'],
  ] as const)('%s sets %s and leaves the other limits documented', (flag, field) => {
    expect(parseWatchArgs([flag, '7', caseA]).limits).toEqual({ ...documentedLimits, [field]: 7 })
  })

  it('accepts limits from 1 to 100000', () => {
    expect(parseWatchArgs(['--limit-streams', '1', '--limit-polls-per-hour', '100000', caseA]).limits).toMatchObject({
      streamsPerKey: 1,
      pollsPerHour: 100_000,
    })
  })

  it('normalises case IDs to lower case and drops repeats, keeping the order given', () => {
    expect(parseWatchArgs([caseB.toUpperCase(), caseA, caseB]).caseIds).toEqual([caseB, caseA])
  })

  it('refuses to watch nothing', () => {
    expect(usageErrorOf([])).toBe('Give at least one case ID to watch.')
    expect(usageErrorOf(['--json'])).toBe('Give at least one case ID to watch.')
  })

  it('refuses anything that is not a version 7 UUID, naming it', () => {
    const sentence = (id: string) => `"${id}" is not a Veridox case ID (a version 7 UUID such as 019bfb3c-1257-7455-af2e-0cd3cadab5c7).`
    expect(usageErrorOf(['not-a-case'])).toBe(sentence('not-a-case'))
    expect(usageErrorOf([caseA, '019bfb3c-1257-4455-af2e-0cd3cadab5c7'])).toBe(sentence('019bfb3c-1257-4455-af2e-0cd3cadab5c7'))
  })

  it.each(['', 'veridox', 'api.uk.veridox.ai'])('refuses a --base-url that is not an address: %j', (url) => {
    expect(usageErrorOf(['--base-url', url, caseA])).toBe(`--base-url "${url}" is not an address.`)
  })

  it.each(['http://example.com', 'http://10.0.0.8:4010', 'ftp://127.0.0.1', 'ws://localhost'])(
    'refuses to send the key in the clear: %s',
    (url) => {
      expect(usageErrorOf(['--base-url', url, caseA])).toBe(
        '--base-url must use https:// (plain http:// is allowed only for this computer), so the key is never sent in the clear.',
      )
    },
  )

  it.each([
    [
      'credentials',
      'https://analyst:hunter2@veridox.example.com',
      '--base-url may not hold a user name or password; the API key is read from VERIDOX_API_KEY.',
    ],
    [
      'a user name',
      'https://analyst@veridox.example.com',
      '--base-url may not hold a user name or password; the API key is read from VERIDOX_API_KEY.',
    ],
    [
      'a query',
      'https://veridox.example.com/?tenant=1',
      '--base-url may not hold a query (?) or a fragment (#): request paths are added to its end.',
    ],
    [
      'an empty query',
      'https://veridox.example.com/?',
      '--base-url may not hold a query (?) or a fragment (#): request paths are added to its end.',
    ],
    [
      'a fragment',
      'https://veridox.example.com/#top',
      '--base-url may not hold a query (?) or a fragment (#): request paths are added to its end.',
    ],
    ['surrounding spaces', 'https://veridox.example.com ', '--base-url may not start or end with spaces.'],
    [
      'an overlong address',
      `https://veridox.example.com/${'a'.repeat(2048)}`,
      '--base-url is too long to be an address (at most 2048 characters).',
    ],
  ])('refuses a --base-url holding %s, in one sentence that does not repeat it', (_why, url, sentence) => {
    expect(usageErrorOf(['--base-url', url, caseA])).toBe(sentence)
  })

  it('shows an unreadable --base-url back with its control characters escaped', () => {
    expect(usageErrorOf(['--base-url', 'veridox\x1b[2J', caseA])).toBe('--base-url "veridox\\u001b[2J" is not an address.')
  })

  // `--flag=value`, since node:util reads a separate "-1" as an option.
  it.each(['many', '0', '-1', '2.5', '100001', ''])('refuses --limit-get-per-min %j', (value) => {
    expect(usageErrorOf([`--limit-get-per-min=${value}`, caseA])).toBe(
      `--limit-get-per-min must be a whole number from 1 to 100000, not "${value}".`,
    )
  })

  it('checks the address before the case IDs, and the case IDs before the limits', () => {
    expect(usageErrorOf(['--base-url', 'http://example.com', '--limit-streams', 'x', 'nope'])).toMatch(/^--base-url must use https/)
    expect(usageErrorOf(['--limit-streams', 'x', 'nope'])).toMatch(/^"nope" is not a Veridox case ID/)
  })

  it.each([
    [['--bogus', caseA], 'ERR_PARSE_ARGS_UNKNOWN_OPTION'],
    [['-j', caseA], 'ERR_PARSE_ARGS_UNKNOWN_OPTION'],
    [[caseA, '--base-url'], 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'],
    [['--json=yes', caseA], 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'],
  ])('leaves unknown options and missing values to node:util (%j → %s)', (argv, code) => {
    expect(() => parseWatchArgs(argv)).toThrow(expect.objectContaining({ name: 'TypeError', code }))
  })
})
