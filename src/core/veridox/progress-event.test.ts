import { describe, expect, it } from 'vitest'
import { parseEventData, parseProgressMessage } from './progress-event'

const caseId = '019bfb3c-1257-7455-af2e-0cd3cadab5c7'
const fileId = '019e2a1b-7c3d-7f00-8a1b-2c3d4e5f6a7b'
const parse = (namedType: string | null, data: unknown, lineId: string | null = null) =>
  parseProgressMessage({ namedType, data, lineId, caseId })

describe('parseProgressMessage', () => {
  it('reads a named progress event', () => {
    expect(parse('file.analysis.progress', { id: 'e1', file_id: fileId, stage: 'ela', progress: 40 })).toEqual({
      kind: 'event',
      event: { type: 'file.analysis.progress', id: 'e1', fileId, stage: 'ela', progress: 40 },
    })
  })

  it('reads the type from the data when there is no event line (data-only framing)', () => {
    const parsed = parse('message', { type: 'case.analysis.completed', id: 'e9', case_id: caseId })
    expect(parsed).toEqual({ kind: 'event', event: { type: 'case.analysis.completed', id: 'e9' } })
  })

  it('falls back to the id line when the data carries no id', () => {
    const parsed = parse('file.analysis.completed', { file_id: fileId, outcome: 'Failed' }, 'line-id')
    expect(parsed).toEqual({
      kind: 'event',
      event: { type: 'file.analysis.completed', id: 'line-id', fileId, stage: null, outcome: 'failed' },
    })
  })

  it('keeps a failed completion’s message as its reason, and Veridox’s timestamp', () => {
    const data = { file_id: fileId, outcome: 'failed', message: 'The PDF is password-protected.', timestamp: 1_764_300_000_000 }
    expect(parse('file.analysis.completed', data, 'e5')).toEqual({
      kind: 'event',
      event: {
        type: 'file.analysis.completed',
        id: 'e5',
        fileId,
        stage: null,
        outcome: 'failed',
        timestamp: 1_764_300_000_000,
        reason: 'The PDF is password-protected.',
      },
    })
    const succeeded = parse('file.analysis.completed', { ...data, outcome: 'success' })
    expect(succeeded.kind === 'event' && succeeded.event.type === 'file.analysis.completed' && succeeded.event.reason).toBeUndefined()
  })

  it('drops a timestamp that is not a number rather than the event', () => {
    const parsed = parse('file.analysis.progress', { file_id: fileId, progress: 5, timestamp: 'yesterday' })
    expect(parsed).toEqual({ kind: 'event', event: { type: 'file.analysis.progress', id: null, fileId, stage: null, progress: 5 } })
  })

  it('clamps progress into 0–100', () => {
    const parsed = parse('file.analysis.progress', { file_id: fileId, progress: 140 })
    expect(parsed.kind === 'event' && parsed.event.type === 'file.analysis.progress' && parsed.event.progress).toBe(100)
  })

  it('recognises heartbeats and stream_closed', () => {
    expect(parse('heartbeat', {})).toEqual({ kind: 'heartbeat' })
    expect(parse('stream_closed', { message: 'done' })).toEqual({ kind: 'stream_closed', message: 'done' })
  })

  it('reports unknown types without failing', () => {
    expect(parse('case.archived', { id: 'x' })).toEqual({ kind: 'unknown', type: 'case.archived' })
  })

  it.each([
    ['no type at all', null, { id: 'x' }],
    ['a progress event without a file', 'file.analysis.progress', { progress: 3 }],
    ['a progress event without progress', 'file.analysis.progress', { file_id: fileId }],
    ['a completion without an outcome', 'file.analysis.completed', { file_id: fileId }],
    ['a progress value that is not a number', 'file.analysis.progress', { file_id: fileId, progress: 'half' }],
    ['an event for another case', 'case.analysis.completed', { case_id: '019bfb3c-1257-7455-af2e-000000000000' }],
    ['an event line that contradicts the data', 'heartbeat', { type: 'case.analysis.completed' }],
    ['data that is not an object', 'heartbeat', 42],
  ])('calls %s malformed', (_name, namedType, data) => {
    expect(parse(namedType, data).kind).toBe('malformed')
  })

  it.each([
    ['a file id that is a number', { file_id: 42, progress: 1 }, 'unexpected fields: file_id'],
    ['an empty file id', { file_id: '', progress: 1 }, 'unexpected fields: file_id'],
    ['a file id past its cap', { file_id: 'f'.repeat(201), progress: 1 }, 'unexpected fields: file_id'],
    ['progress as text', { file_id: fileId, progress: '50' }, 'unexpected fields: progress'],
    ['a null type', { type: null, file_id: fileId, progress: 1 }, 'unexpected fields: type'],
    ['an id that is a number', { id: 5, file_id: fileId, progress: 1 }, 'unexpected fields: id'],
    ['a stage that is a number', { file_id: fileId, stage: 7, progress: 1 }, 'unexpected fields: stage'],
    ['a case id that is an object', { case_id: {}, file_id: fileId, progress: 1 }, 'unexpected fields: case_id'],
    ['an outcome that is a number', { file_id: fileId, outcome: 1, progress: 1 }, 'unexpected fields: outcome'],
    ['a message that is a list', { file_id: fileId, message: [], progress: 1 }, 'unexpected fields: message'],
    ['data that is a list', [fileId], 'unexpected fields: '],
    ['data that is text', 'progress', 'unexpected fields: '],
  ])('refuses %s as malformed, naming the field', (_what, data, reason) => {
    expect(parse('file.analysis.progress', data)).toEqual({ kind: 'malformed', reason })
  })

  it('ignores fields it does not know, keeps nulls as absent, and caps a long stage', () => {
    const data = { file_id: fileId, stage: 's'.repeat(500), progress: 5, case_id: null, outcome: null, message: null, extra: { deep: [1] } }
    expect(parse('file.analysis.progress', data)).toEqual({
      kind: 'event',
      event: { type: 'file.analysis.progress', id: null, fileId, stage: 's'.repeat(200), progress: 5 },
    })
  })
})

describe('parseEventData', () => {
  it('parses JSON and treats empty data as an empty object', () => {
    expect(parseEventData('{"a":1}')).toEqual({ ok: true, data: { a: 1 } })
    expect(parseEventData('')).toEqual({ ok: true, data: {} })
  })

  it('rejects text that is not JSON', () => {
    expect(parseEventData('<html>')).toEqual({ ok: false })
  })
})
