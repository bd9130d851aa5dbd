import { onScopeDispose } from 'vue'
import type { CaseView } from '@shared/case-view'
import { caseName } from '@shared/case-rules'
import { describeError } from '../error-words'
import { useCaseListStore } from '../stores/case-list'
import { useCasesStore } from '../stores/cases'
import { useNoticesStore } from '../stores/notices'

export const UNDO_MS = 8_000

/**
 * Stops watching one case or many, each removal with one Undo toast that brings them all back as they were.
 * Nothing is confirmed first: the undo is the safety.
 */
export function useCaseRemoval() {
  const cases = useCasesStore()
  const list = useCaseListStore()
  const notices = useNoticesStore()

  /** The last removal, undoable with `u` while its toast shows. */
  let last: { views: readonly CaseView[]; noticeId: number; timer: ReturnType<typeof setTimeout> } | null = null
  onScopeDispose(() => clearTimeout(last?.timer))

  function describe(views: readonly CaseView[], kind: string): string {
    return views.length === 1 && views[0] ? caseName(views[0]) : `${views.length} ${kind}cases`
  }

  /** `kind` names what was removed in the toast ("completed "); returns false when main refused. */
  async function remove(views: readonly CaseView[], kind = ''): Promise<boolean> {
    const caseIds = views.map((view) => view.caseId)
    try {
      if (caseIds.length === 1 && caseIds[0]) await cases.unwatch(caseIds[0])
      else await cases.unwatchMany(caseIds)
    } catch (error) {
      notices.show(describeError(error), 'error')
      return false
    }
    clearTimeout(last?.timer)
    const noticeId = notices.show(`Stopped watching ${describe(views, kind)}.`, 'info', { label: 'Undo', run: () => undo(views) }, UNDO_MS)
    const removal = { views, noticeId, timer: setTimeout(() => last === removal && (last = null), UNDO_MS) }
    last = removal
    return true
  }

  async function undo(views: readonly CaseView[]): Promise<void> {
    if (last?.views === views) {
      clearTimeout(last.timer)
      notices.dismiss(last.noticeId)
      last = null
    }
    try {
      await cases.rewatch(views)
      if (views[0]) list.requestFocus(views[0].caseId)
      notices.show(`Watching ${describe(views, '')} again.`)
    } catch (error) {
      notices.show(describeError(error), 'error')
    }
  }

  function undoLast(): void {
    if (last) void undo(last.views)
  }

  return { remove, undo, undoLast }
}
