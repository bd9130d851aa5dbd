import { isFileSettled, needsAttention } from './case-rules'
import type { CaseView, FileView, RiskLevel } from './case-view'

/**
 * What an analyst asks of the list: which cases need me now. Every case is in exactly one group, in this
 * order of urgency (the list's default order and its filter chips).
 */
export const triageGroups = ['review', 'analysing', 'waiting', 'unreachable', 'done'] as const
export type TriageGroup = (typeof triageGroups)[number]

export type TriageInput = Pick<CaseView, 'state' | 'risk' | 'hasFileList'> & {
  files: readonly Pick<FileView, 'label' | 'status' | 'risk'>[]
}

const groupNames: Record<TriageGroup, string> = {
  review: 'Needs review',
  analysing: 'Analysing',
  waiting: 'Waiting for upload',
  unreachable: 'Unreachable',
  done: 'Done',
}

export function triageGroupName(group: TriageGroup): string {
  return groupNames[group]
}

// Medium means "needs extra verification or manual review" and High "clear signs of tampering" (docs/veridox-api.md §4.5).
const reviewRisks: ReadonlySet<RiskLevel> = new Set(['high', 'medium'])

export interface CaseOutcome {
  /** A result the analyst must look at: high or medium risk, a file that could not be analysed, or a risk not known. */
  needsReview: boolean
  failedFiles: string[]
  risk: RiskLevel | null
}

/** The outcome of a case whose files have all settled. A failed file is never a clean pass. */
export function caseOutcome(view: TriageInput): CaseOutcome {
  const failedFiles = view.files.filter((file) => file.status === 'failed').map((file) => file.label)
  const isRiskKnown = view.risk !== null || view.files.every((file) => file.status === 'failed')
  const needsReview = failedFiles.length > 0 || !isRiskKnown || reviewRisks.has(view.risk!)
  return { needsReview, failedFiles, risk: view.risk }
}

/** Every file of the known list has its result, whether or not Veridox has confirmed the case yet. */
export function hasAllFilesSettled(view: TriageInput): boolean {
  return view.hasFileList && view.files.length > 0 && view.files.every((file) => isFileSettled(file.status))
}

/** No file of the known list has started: Veridox is waiting for the uploads. */
export function isWaitingForUpload(view: TriageInput): boolean {
  return view.state !== 'completed' && view.hasFileList && view.files.every((file) => file.status === 'waiting')
}

export function triageGroup(view: TriageInput): TriageGroup {
  if (needsAttention(view.state)) return 'unreachable'
  if (view.state === 'completed' || hasAllFilesSettled(view)) return caseOutcome(view).needsReview ? 'review' : 'done'
  return isWaitingForUpload(view) ? 'waiting' : 'analysing'
}

export function countTriageGroups(views: Iterable<TriageInput>): Record<TriageGroup, number> {
  const counts = Object.fromEntries(triageGroups.map((group) => [group, 0])) as Record<TriageGroup, number>
  for (const view of views) counts[triageGroup(view)] += 1
  return counts
}
