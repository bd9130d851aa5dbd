import type { CaseView } from './case-view'

/** Which cases "Remove completed" takes: one place, so the triage groups can be redefined without touching the UI. */
export function isRemovedAsCompleted(view: Pick<CaseView, 'state'>): boolean {
  return view.state === 'completed'
}
