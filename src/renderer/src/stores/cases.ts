import { defineStore } from 'pinia'
import { ref, shallowReactive, toRaw } from 'vue'
import type { CaseView } from '@shared/case-view'
import { useClient } from '../client'
import { changesLayout } from '../case-order'
import { createTypingHold } from '../typing-hold'

/** Main's changes wait while the analyst types in search until a pause this long (a quick typist: 120 ms a key)… */
export const typingPauseMs = 250
/** …but never longer than this: progress does not freeze during a long query. */
export const longestHoldMs = 1_000

/** The watched cases, kept as idempotent upserts by caseId; the newer `updatedAt` always wins. */
export const useCasesStore = defineStore('cases', () => {
  const client = useClient()
  // Shallow: a CaseView is replaced whole, never mutated, so deep proxies would only cost time.
  const byId = shallowReactive(new Map<string, CaseView>())
  /** Bumped only when a case is added, removed or changes how it sorts or filters. */
  const layoutVersion = ref(0)
  const hasSnapshot = ref(false)
  // A removal that overtakes the snapshot must not be undone by the snapshot's older copy.
  const removedBeforeSnapshot = new Set<string>()
  const typingHold = createTypingHold({ pauseMs: typingPauseMs, longestHoldMs })

  /** Main's pushed changes, held while the analyst types in search (see typing-hold.ts). */
  function receiveChanged(views: readonly CaseView[]): void {
    typingHold.run(() => applyUpsert(views))
  }

  function receiveRemoved(caseIds: readonly string[]): void {
    typingHold.run(() => applyRemove(caseIds))
  }

  /** The analyst's own changes apply at once, after anything held: a held update cannot undo them. */
  function upsert(views: readonly CaseView[]): void {
    typingHold.flush()
    applyUpsert(views)
  }

  function remove(caseIds: readonly string[]): void {
    typingHold.flush()
    applyRemove(caseIds)
  }

  function applyUpsert(views: readonly CaseView[]): void {
    let layoutChanged = false
    for (const view of views) {
      const current = toRaw(byId).get(view.caseId)
      if (current && current.updatedAt > view.updatedAt) continue
      removedBeforeSnapshot.delete(view.caseId)
      if (!current || changesLayout(current, view)) layoutChanged = true
      byId.set(view.caseId, view)
    }
    if (layoutChanged) layoutVersion.value += 1
  }

  function applyRemove(caseIds: readonly string[]): void {
    let removed = false
    for (const caseId of caseIds) {
      if (!hasSnapshot.value) removedBeforeSnapshot.add(caseId)
      removed = byId.delete(caseId) || removed
    }
    if (removed) layoutVersion.value += 1
  }

  function applySnapshot(views: readonly CaseView[]): void {
    upsert(views.filter((view) => !removedBeforeSnapshot.has(view.caseId)))
    removedBeforeSnapshot.clear()
    hasSnapshot.value = true
  }

  /** Tracked per case: a row re-renders only when its own case changes. */
  function get(caseId: string): CaseView | undefined {
    return byId.get(caseId)
  }

  /** Untracked: callers depend on `layoutVersion` instead of on every progress tick. */
  function untrackedAll(): IterableIterator<CaseView> {
    return toRaw(byId).values()
  }

  async function watch(caseIds: string[]): Promise<CaseView[]> {
    const views = await client.watchCases({ caseIds })
    upsert(views)
    return views
  }

  async function unwatch(caseId: string): Promise<void> {
    await client.unwatchCase({ caseId })
    remove([caseId])
  }

  async function setPinned(caseId: string, isPinned: boolean): Promise<void> {
    upsert([await client.setCasePinned({ caseId, isPinned })])
  }

  async function setMuted(caseId: string, isMuted: boolean): Promise<void> {
    upsert([await client.setCaseMuted({ caseId, isMuted })])
  }

  /** The views come back through `casesChanged`, like every change main makes. */
  async function markSeen(caseIds: string[]): Promise<void> {
    if (caseIds.length > 0) await client.markCasesSeen({ caseIds })
  }

  async function setLocalLabel(caseId: string, label: string): Promise<void> {
    upsert([await client.setCaseLocalLabel({ caseId, label })])
  }

  async function unwatchMany(caseIds: string[]): Promise<void> {
    await client.unwatchCases({ caseIds })
    remove(caseIds)
  }

  /** Brings removed cases back as they were: pinned, muted and named as before. */
  async function rewatch(views: readonly CaseView[]): Promise<CaseView[]> {
    const cases = views.map(({ caseId, isPinned, isMuted, localLabel }) => ({ caseId, isPinned, isMuted, localLabel }))
    const restored = await client.rewatchCases({ cases })
    upsert(restored)
    return restored
  }

  async function retry(caseId: string): Promise<void> {
    upsert([await client.retryCase({ caseId })])
  }

  async function startDemo(): Promise<CaseView> {
    const view = await client.startDemoCase()
    upsert([view])
    return view
  }

  return {
    layoutVersion,
    hasSnapshot,
    upsert,
    receiveChanged,
    receiveRemoved,
    holdForTyping: typingHold.noteTyping,
    remove,
    applySnapshot,
    get,
    untrackedAll,
    watch,
    unwatch,
    setPinned,
    setMuted,
    markSeen,
    retry,
    startDemo,
    setLocalLabel,
    unwatchMany,
    rewatch,
  }
})
