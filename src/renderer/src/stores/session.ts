import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ErrorCode } from '@shared/errors'
import { useClient } from '../client'
import { errorCodeOf } from '../error-words'
import { useCasesStore } from './cases'
import { useCaseListStore } from './case-list'
import { useConnectionStore } from './connection'
import { useDesktopStore } from './desktop'
import { useSettingsStore } from './settings'
import { useUpdatesStore } from './updates'

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'failed'

/** Snapshot, then deltas: subscribes to every event before asking for the snapshot, so nothing falls in between. */
export const useSessionStore = defineStore('session', () => {
  const client = useClient()
  const cases = useCasesStore()
  const settings = useSettingsStore()
  const list = useCaseListStore()
  const desktop = useDesktopStore()
  const updates = useUpdatesStore()
  const connection = useConnectionStore()
  const status = ref<SessionStatus>('idle')
  const failure = ref<ErrorCode | null>(null)
  let unsubscribes: (() => void)[] = []

  async function start(): Promise<void> {
    if (unsubscribes.length > 0) return
    unsubscribes = [
      client.on('casesChanged', (views) => cases.receiveChanged(views)),
      client.on('casesRemoved', (caseIds) => cases.receiveRemoved(caseIds)),
      client.on('settingsChanged', (view) => settings.apply(view)),
      client.on('closedWithoutTray', () => desktop.explainNoTray()),
      client.on('caseFocused', (caseId) => list.openCase(caseId)),
      client.on('casesFocused', (group) => list.showGroup(group)),
      client.on('updateChanged', (status) => updates.apply(status)),
      client.on('connectionChanged', (view) => connection.apply(view)),
    ]
    await loadSnapshot()
  }

  async function loadSnapshot(): Promise<void> {
    status.value = 'loading'
    failure.value = null
    try {
      const snapshot = await client.getSnapshot()
      cases.applySnapshot(snapshot.cases)
      settings.applySnapshot(snapshot.settings)
      updates.applySnapshot(snapshot.update)
      connection.applySnapshot(snapshot.connection)
      status.value = 'ready'
    } catch (error) {
      failure.value = errorCodeOf(error)
      status.value = 'failed'
    }
  }

  function stop(): void {
    for (const unsubscribe of unsubscribes) unsubscribe()
    unsubscribes = []
  }

  return { status, failure, start, loadSnapshot, stop }
})
