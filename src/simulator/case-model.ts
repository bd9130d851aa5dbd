import type { AnalysisStage, FileOutcome, FilePlan, RiskLevel } from './analysis-plan'
import type { Prng } from './prng'
import type { IdGenerator } from './uuid-v7'

export type FileAnalysisStatus = 'waiting_for_upload' | 'processing' | 'settled'

export interface SimFile {
  id: string
  caseId: string
  label: string
  mimeType: string
  signature: string
  createdAt: number
  expiresAt: number
  uploadedAt: number | null
  status: FileAnalysisStatus
  outcome: FileOutcome | null
  phase: AnalysisStage | null
  progress: number
  /** current_risk_score: null until settled, then the plan's risk or a confirmed override. */
  risk: RiskLevel | null
  plan: FilePlan
}

export type StoredEventType = 'file.analysis.progress' | 'file.analysis.completed' | 'case.analysis.completed'

export interface ProgressEventBody {
  type: StoredEventType
  id: string
  timestamp: number
  case_id: string
  file_id?: string
  stage?: AnalysisStage
  progress: number
  outcome?: FileOutcome
  /** A failed file's reason (docs/simulator.md). */
  message?: string
}

/** Serialised once when stored, so a thousand streams do not stringify it a thousand times. */
export interface StoredEvent {
  id: string
  type: StoredEventType
  body: ProgressEventBody
  json: string
}

export interface CaseListener {
  onEvent(event: StoredEvent): void
  /** The case was deleted: streams end. */
  onGone(): void
}

export type TimelineEntry =
  | { atMs: number; kind: 'progress'; file: SimFile; stage: AnalysisStage; progress: number }
  | { atMs: number; kind: 'file-completed'; file: SimFile }
  | { atMs: number; kind: 'case-completed' }

export interface SimCase {
  id: string
  ownerKey: string
  label: string
  referenceLabel: string | null
  createdAt: number
  updatedAt: number
  lockedAt: number | null
  completedAt: number | null
  analysisStartedAt: number | null
  files: SimFile[]
  events: StoredEvent[]
  eventIndexById: Map<string, number>
  timeline: TimelineEntry[]
  timelineCursor: number
  prng: Prng
  nextId: IdGenerator
  listeners: Set<CaseListener>
  isDeleted: boolean
}

export function isCaseAnalysing(c: SimCase): boolean {
  return c.analysisStartedAt !== null && c.completedAt === null
}
