import { isFileSettled } from '../../shared/case-rules'
import { mostSevereRisk, type FileStatus, type FileTimeline, type FileView, type RiskLevel } from '../../shared/case-view'
import { maxFilesPerCase } from '../veridox/field-limits'
import type { ProgressEvent } from '../veridox/progress-event'
import { isCaseCompleteStatus, type CaseDetails, type CaseFile, type CaseListItem } from '../veridox/wire-schemas'
import { emptyTimeline, plausibleTime, withSettledAt, withStageSeen } from './file-timeline'

/** What Veridox has told us about one case, whichever way it was learnt. */
export interface CaseState {
  label: string | null
  files: readonly FileView[]
  isComplete: boolean
  completedAt: number | null
  /** The files come from a REST snapshot, which lists them all; events only name the files they are about. */
  hasFileList: boolean
}

export const emptyCaseState: CaseState = { label: null, files: [], isComplete: false, completedAt: null, hasFileList: false }

const hasRoomForAFile = (files: readonly FileView[]): boolean => files.length < maxFilesPerCase

/**
 * An event about a file the case does not know, once it already holds the most files a case may have:
 * ignored, so a stream naming endless new file ids cannot grow memory and output without end.
 */
export function isBeyondFileCap(state: CaseState, event: ProgressEvent): boolean {
  if (!('fileId' in event) || hasRoomForAFile(state.files)) return false
  return indexOfFile(state.files, event.fileId) === -1
}

function indexOfFile(files: readonly FileView[], fileId: string): number {
  for (let index = 0; index < files.length; index++) if (files[index]!.fileId === fileId) return index
  return -1
}

type FileEvent = Extract<ProgressEvent, { fileId: string }>

/** Updates (or adds) the event's file; the update is a plain function of the file, the event and the time, not a closure per event. */
function upsertFile<E extends FileEvent>(
  files: readonly FileView[],
  event: E,
  now: number,
  update: (file: FileView, event: E, now: number) => FileView,
): readonly FileView[] {
  const index = indexOfFile(files, event.fileId)
  if (index === -1) {
    if (!hasRoomForAFile(files)) return files
    const fresh: FileView = {
      fileId: event.fileId,
      label: '',
      stage: null,
      progress: 0,
      status: 'waiting',
      risk: null,
      failureReason: null,
      timeline: emptyTimeline,
    }
    return [...files, update(fresh, event, now)]
  }
  const updated = update(files[index]!, event, now)
  if (updated === files[index]) return files
  const next = files.slice()
  next[index] = updated
  return next
}

/** The file itself when nothing changed, so a repeated event allocates nothing (a busy stream is mostly repeats). */
function withFileFields(file: FileView, fields: Omit<FileView, 'fileId' | 'label' | 'risk'>): FileView {
  const isSame =
    file.status === fields.status &&
    file.stage === fields.stage &&
    file.progress === fields.progress &&
    file.failureReason === fields.failureReason &&
    file.timeline === fields.timeline
  return isSame ? file : { ...file, ...fields }
}

const withFiles = (state: CaseState, files: readonly FileView[]): CaseState => (files === state.files ? state : { ...state, files })

type FileProgressed = Extract<ProgressEvent, { type: 'file.analysis.progress' }>
type FileSettled = Extract<ProgressEvent, { type: 'file.analysis.completed' }>

function progressed(file: FileView, event: FileProgressed, now: number): FileView {
  const eventAt = plausibleTime(event.timestamp, now)
  if (isFileSettled(file.status)) {
    // A replay after the file settled: only Veridox's own time says when the stage was; arrival is the replay's.
    const timeline = event.stage && eventAt !== null ? withStageSeen(file.timeline, event.stage, eventAt) : file.timeline
    return timeline === file.timeline ? file : { ...file, timeline }
  }
  return withFileFields(file, {
    status: 'processing',
    stage: event.stage ?? file.stage,
    progress: Math.max(file.progress ?? 0, event.progress),
    failureReason: file.failureReason,
    timeline: event.stage ? withStageSeen(file.timeline, event.stage, eventAt ?? now) : file.timeline,
  })
}

function settled(file: FileView, event: FileSettled, now: number): FileView {
  const settledAt = plausibleTime(event.timestamp, now) ?? (isFileSettled(file.status) ? null : now)
  return withFileFields(file, {
    status: event.outcome,
    stage: event.stage ?? file.stage,
    progress: 100,
    failureReason: event.outcome === 'failed' ? (event.reason ?? file.failureReason) : null,
    timeline: settledAt === null ? file.timeline : withSettledAt(file.timeline, settledAt),
  })
}

/** Events may arrive twice (replay after reconnect, stream and poll both): applying one again changes nothing. */
export function applyEvent(state: CaseState, event: ProgressEvent, now: number): CaseState {
  switch (event.type) {
    case 'file.analysis.progress':
      return withFiles(state, upsertFile(state.files, event, now, progressed))
    case 'file.analysis.completed':
      return withFiles(state, upsertFile(state.files, event, now, settled))
    case 'case.analysis.completed':
      return state.isComplete ? state : { ...state, isComplete: true, completedAt: state.completedAt ?? now }
  }
}

function fileStatusFrom(file: CaseFile): FileStatus {
  if (file.analysis_status === 'settled') return file.analysis_outcome === 'failed' ? 'failed' : 'success'
  if (file.analysis_status === 'processing') return 'processing'
  return 'waiting'
}

function parseTime(value: string | null): number | null {
  if (value === null) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : time
}

function snapshotTimeline(previous: FileView | undefined, file: CaseFile, status: FileStatus, now: number): FileTimeline {
  let timeline = previous?.timeline ?? emptyTimeline
  const uploadedAt = plausibleTime(parseTime(file.uploaded_at), now)
  if (uploadedAt !== null && uploadedAt !== timeline.uploadedAt) timeline = { ...timeline, uploadedAt }
  if (status === 'processing' && file.current_analysis_phase) timeline = withStageSeen(timeline, file.current_analysis_phase, now)
  // Seen unsettled before and settled now: it settled between the two looks, and this look is the nearest time known.
  if (isFileSettled(status) && previous && !isFileSettled(previous.status)) timeline = withSettledAt(timeline, now)
  return timeline
}

/** A REST snapshot is authoritative for what it carries; progress it lacks is kept from events. */
export function applySnapshot(state: CaseState, details: CaseDetails, now: number): CaseState {
  const known = new Map(state.files.map((file) => [file.fileId, file]))
  const files = details.files.map((file): FileView => {
    const previous = known.get(file.file_id)
    const status = fileStatusFrom(file)
    const progress = isFileSettled(status) ? 100 : status === 'waiting' ? 0 : (previous?.progress ?? null)
    return {
      fileId: file.file_id,
      label: file.label ?? previous?.label ?? '',
      stage: file.current_analysis_phase ?? previous?.stage ?? null,
      progress,
      status,
      risk: file.current_risk_score ?? previous?.risk ?? null,
      failureReason: status === 'failed' ? (file.failure_reason ?? previous?.failureReason ?? null) : null,
      timeline: snapshotTimeline(previous, file, status, now),
    }
  })
  const isComplete = isCaseCompleteStatus(details) || state.isComplete
  return {
    label: details.label ?? state.label,
    files: files.length > 0 ? files : state.files,
    hasFileList: files.length > 0 || state.hasFileList,
    isComplete,
    completedAt: isComplete ? (parseTime(details.file_analysis_completed_at) ?? state.completedAt ?? now) : null,
  }
}

export function applyListItem(state: CaseState, item: CaseListItem, now: number): CaseState {
  const isComplete = isCaseCompleteStatus(item) || state.isComplete
  return {
    ...state,
    label: item.label ?? state.label,
    isComplete,
    completedAt: isComplete ? (parseTime(item.file_analysis_completed_at) ?? state.completedAt ?? now) : null,
  }
}

/** Null when some file's progress is not reported (the case has no stream): a mean over guesses would mislead. */
export function overallProgress(state: CaseState): number | null {
  if (state.isComplete) return 100
  if (state.files.length === 0 || state.files.some((file) => file.progress === null)) return null
  return Math.round(state.files.reduce((sum, file) => sum + (file.progress ?? 0), 0) / state.files.length)
}

export function caseRisk(state: CaseState): RiskLevel | null {
  return mostSevereRisk(state.files.map((file) => file.risk))
}

/** True when every file of the full list has its final risk, so a completion can be announced with it. */
export function hasFinalRisks(state: CaseState): boolean {
  // Files known only from events may not be all of them; no file known is no risk known.
  return state.hasFileList && state.files.length > 0 && state.files.every((file) => file.status === 'failed' || file.risk !== null)
}

/** Every file of the full list settled with its outcome and risk: nothing more will change. */
export function isCaseSettled(state: CaseState): boolean {
  return (
    state.isComplete &&
    state.hasFileList &&
    state.files.length > 0 &&
    state.files.every((file) => file.status === 'failed' || (file.status === 'success' && file.risk !== null))
  )
}
