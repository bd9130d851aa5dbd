import type { CaseListener, ProgressEventBody, SimCase, StoredEvent, TimelineEntry } from './case-model'

/** Lays every file's checkpoints on one sorted timeline; the case completes with its last file. */
export function startCaseAnalysis(c: SimCase, startAt: number): void {
  const entries: TimelineEntry[] = []
  let endsAt = startAt
  for (const file of c.files) {
    for (const point of file.plan.checkpoints) {
      entries.push({ atMs: startAt + point.atMs, kind: 'progress', file, stage: point.stage, progress: point.progress })
    }
    const fileEnd = startAt + file.plan.durationMs
    entries.push({ atMs: fileEnd, kind: 'file-completed', file })
    endsAt = Math.max(endsAt, fileEnd)
  }
  entries.sort((a, b) => a.atMs - b.atMs)
  entries.push({ atMs: endsAt, kind: 'case-completed' })
  c.timeline = entries
  c.timelineCursor = 0
  c.analysisStartedAt = startAt
}

export type EventRecorder = (event: StoredEvent) => void

function recordEvent(c: SimCase, body: Omit<ProgressEventBody, 'id'>, onRecorded: EventRecorder): void {
  const previous = c.events.at(-1)?.body.timestamp ?? 0
  const { type, ...fields } = body
  // Key order matters only to people reading the wire: type, id, timestamp, then the rest.
  const full: ProgressEventBody = { type, id: c.nextId(), ...fields, timestamp: Math.max(previous, body.timestamp) }
  const event: StoredEvent = { id: full.id, type: full.type, body: full, json: JSON.stringify(full) }
  c.eventIndexById.set(event.id, c.events.length)
  c.events.push(event)
  onRecorded(event)
  for (const listener of [...c.listeners]) listener.onEvent(event)
}

function applyEntry(c: SimCase, entry: TimelineEntry, timestamp: number, onRecorded: EventRecorder): void {
  const base = { timestamp, case_id: c.id }
  if (entry.kind === 'progress') {
    entry.file.phase = entry.stage
    entry.file.progress = entry.progress
    const body = { ...base, file_id: entry.file.id, stage: entry.stage, progress: entry.progress }
    recordEvent(c, { type: 'file.analysis.progress', ...body }, onRecorded)
  } else if (entry.kind === 'file-completed') {
    const file = entry.file
    Object.assign(file, { status: 'settled', outcome: file.plan.outcome, risk: file.plan.risk, phase: 'full_analysis', progress: 100 })
    const reason = file.plan.failureReason === null ? {} : { message: file.plan.failureReason }
    const body = { ...base, file_id: file.id, stage: 'full_analysis' as const, progress: 100, outcome: file.plan.outcome, ...reason }
    recordEvent(c, { type: 'file.analysis.completed', ...body }, onRecorded)
  } else {
    c.completedAt = timestamp
    c.updatedAt = timestamp
    recordEvent(c, { type: 'case.analysis.completed', ...base, progress: 100 }, onRecorded)
  }
}

/** Emits every entry due by `now`. Returns true once the case has completed. */
export function advanceCase(c: SimCase, now: number, onRecorded: EventRecorder): boolean {
  while (c.timelineCursor < c.timeline.length && c.timeline[c.timelineCursor].atMs <= now) {
    const entry = c.timeline[c.timelineCursor++]
    applyEntry(c, entry, entry.atMs, onRecorded)
  }
  return c.completedAt !== null
}

/** Fast-forward: everything still pending happens now. */
export function completeCaseNow(c: SimCase, now: number, onRecorded: EventRecorder): void {
  while (c.timelineCursor < c.timeline.length) {
    const entry = c.timeline[c.timelineCursor++]
    applyEntry(c, entry, Math.min(entry.atMs, now), onRecorded)
  }
}

export function eventsAfter(c: SimCase, lastEventId: string | null): StoredEvent[] {
  if (lastEventId === null) return c.events
  const index = c.eventIndexById.get(lastEventId)
  // An unknown ID replays from the start: the client dedupes by ID, a gap would lose events.
  return index === undefined ? c.events : c.events.slice(index + 1)
}

export function subscribe(c: SimCase, listener: CaseListener): () => void {
  c.listeners.add(listener)
  return () => c.listeners.delete(listener)
}
