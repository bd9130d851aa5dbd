import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from '../runtime/clock'
import { VeridoxError } from '../veridox/veridox-error'
import type { PriorityTier } from './request-priority'
import { createRequestScheduler } from './request-scheduler'

const windows = {
  list: { count: 10, windowMs: 60_000 },
  get: { count: 10, windowMs: 60_000 },
  poll: { count: 6, windowMs: 3_600_000, minSpacingMs: 600_000 },
  create: { count: 1, windowMs: 60_000 },
}

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

function recordingScheduler(previousUsage = {}) {
  const sent: { kind: string; key: string; at: number }[] = []
  const scheduler = createRequestScheduler({ windows, clock: systemClock, previousUsage })
  const request = (
    kind: 'list' | 'get' | 'poll',
    key: string,
    priority: PriorityTier = 'completion-in-focus',
    outcome: () => Promise<unknown> = async () => key,
  ) =>
    scheduler.enqueue(kind, {
      key,
      priority,
      run: () => {
        sent.push({ kind, key, at: Date.now() })
        return outcome()
      },
    })
  return { scheduler, sent, request }
}

describe('request scheduler', () => {
  it('never sends more than a window allows, and sends the rest as the window slides', async () => {
    const { sent, request } = recordingScheduler()
    const all = Array.from({ length: 25 }, (_, i) => request('get', `g${i}`))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(10)
    await vi.advanceTimersByTimeAsync(59_000)
    expect(sent).toHaveLength(20)
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all(all)
    for (const { at } of sent) expect(sent.filter((other) => other.at > at - 60_000 && other.at <= at).length).toBeLessThanOrEqual(10)
  })

  it('says how long until a tier has room: its reserve counted, and a 429 block too', async () => {
    const { scheduler, request } = recordingScheduler()
    expect(scheduler.msUntilRoom('list', 'in-focus')).toBe(0)
    // in-focus keeps 2 of 10 free for completions: after 8 sent, the 9th must wait for the first to age out.
    for (let i = 0; i < 8; i++) {
      await request('list', `l${i}`)
      await vi.advanceTimersByTimeAsync(1_000)
    }
    expect(scheduler.hasRoom('list', 'in-focus')).toBe(false)
    expect(scheduler.msUntilRoom('list', 'in-focus')).toBe(60_000 - 8_000)
    expect(scheduler.msUntilRoom('list', 'completion-in-focus')).toBe(0)

    await request('get', 'limited', 'completion-in-focus', async () => {
      throw new VeridoxError('rate_limited', 'Too many requests', { status: 429, retryAfterMs: 20_000 })
    }).catch(() => undefined)
    expect(scheduler.msUntilRoom('get', 'completion-in-focus')).toBe(20_000)
  })

  it('paces the hourly poll budget instead of spending it in one burst', async () => {
    const { sent, request } = recordingScheduler()
    for (let i = 0; i < 4; i++) void request('poll', `p${i}`)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(sent.map((s) => s.at)).toEqual([0, 600_000])
  })

  it('stops a kind until Retry-After has passed when Veridox answers 429', async () => {
    const { sent, request } = recordingScheduler()
    const limited = () => Promise.reject(new VeridoxError('rate_limited', 'slow down', { status: 429, retryAfterMs: 20_000 }))
    await expect(request('list', 'first', 'completion', limited)).rejects.toMatchObject({ code: 'rate_limited' })
    void request('list', 'second')
    await vi.advanceTimersByTimeAsync(19_999)
    expect(sent.map((s) => s.key)).toEqual(['first'])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent.map((s) => s.key)).toEqual(['first', 'second'])
  })

  it('tells until when a kind is blocked after a 429, for the account status', async () => {
    const { scheduler, request } = recordingScheduler()
    expect(scheduler.blockedUntil('get')).toBe(0)
    const limited = () => Promise.reject(new VeridoxError('rate_limited', 'slow down', { status: 429, retryAfterMs: 20_000 }))
    await expect(request('get', 'first', 'completion', limited)).rejects.toMatchObject({ code: 'rate_limited' })
    expect(scheduler.blockedUntil('get')).toBe(20_000)
    expect(scheduler.blockedUntil('list')).toBe(0)
  })

  it('lets first looks at off-screen cases use at most 20 % of a window', async () => {
    const { sent, request } = recordingScheduler()
    for (let i = 0; i < 10; i++) void request('get', `first-look${i}`, 'background')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(2)
  })

  it('keeps part of each window for urgent requests', async () => {
    const { sent, request } = recordingScheduler()
    for (let i = 0; i < 10; i++) void request('get', `routine${i}`, 'routine')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(7)
    void request('get', 'completion', 'completion')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent.at(-1)!.key).toBe('completion')
    expect(sent).toHaveLength(8)
  })

  it('keeps a share of the window for completions the analyst is watching, whatever else completes', async () => {
    const { sent, request } = recordingScheduler()
    for (let i = 0; i < 10; i++) void request('get', `swept-completion${i}`, 'completion')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent).toHaveLength(9)
    void request('get', 'streamed-completion', 'completion-in-focus')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent.map((s) => s.key)).toContain('streamed-completion')
  })

  it('shares one call between queued requests for the same thing and serves the urgent first', async () => {
    const { sent, request, scheduler } = recordingScheduler()
    scheduler.setPaused(true)
    const a = request('get', 'case-1', 'routine')
    const b = request('get', 'case-1', 'completion-in-focus')
    void request('get', 'case-2', 'completion')
    expect(scheduler.queued('get')).toBe(2)
    scheduler.setPaused(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(await a).toBe(await b)
    expect(sent.map((s) => s.key)).toEqual(['case-1', 'case-2'])
  })

  it('moves a waiting request forward when it becomes urgent', async () => {
    const { sent, request, scheduler } = recordingScheduler()
    scheduler.setPaused(true)
    void request('get', 'routine', 'routine')
    void request('get', 'other', 'in-focus')
    scheduler.raisePriority('get', 'routine', 'completion')
    scheduler.setPaused(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => s.key)).toEqual(['routine', 'other'])
  })

  it('sends nothing while paused (offline or asleep)', async () => {
    const { sent, request, scheduler } = recordingScheduler()
    scheduler.setPaused(true)
    void request('list', 'page-0')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(sent).toHaveLength(0)
    scheduler.setPaused(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1)
  })

  it('starts from the previous session’s usage after a restart', async () => {
    const { sent, request } = recordingScheduler({ list: Array.from({ length: 10 }, () => -30_000) })
    void request('list', 'page-0')
    await vi.advanceTimersByTimeAsync(29_999)
    expect(sent).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(1)
  })

  it('sends a granted catch-up burst of a paced kind back to back, then paces again', async () => {
    const scheduler = createRequestScheduler({
      windows: { ...windows, list: { count: 27, windowMs: 60_000, minSpacingMs: 2_223 } },
      clock: systemClock,
    })
    const sent: number[] = []
    const page = (offset: number) =>
      scheduler.enqueue('list', { key: `list:${offset}`, priority: 'routine', run: async () => void sent.push(Date.now()) })
    await page(0)
    scheduler.allowBurst('list', 3)
    for (const offset of [100, 200, 300, 400]) void page(offset)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([0, 0, 0, 0])
    await vi.advanceTimersByTimeAsync(2_223)
    expect(sent).toEqual([0, 0, 0, 0, 2_223])
  })
})
