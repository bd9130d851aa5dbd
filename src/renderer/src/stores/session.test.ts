import { describe, expect, it } from 'vitest'
import { eventNames, type AppSnapshot } from '@shared/ipc'
import { AppError } from '@shared/errors'
import { createTestContext } from '../testing/mount-app'
import { makeCase, makeConnection, makeSettings } from '../testing/fixtures'
import { useCasesStore } from './cases'
import { useCaseListStore } from './case-list'
import { useConnectionStore } from './connection'
import { useSessionStore } from './session'
import { useSettingsStore } from './settings'
import { useUpdatesStore } from './updates'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

function startWithPendingSnapshot() {
  const snapshot = deferred<AppSnapshot>()
  const context = createTestContext({ getSnapshot: () => snapshot.promise })
  const session = useSessionStore()
  const started = session.start()
  return { ...context, snapshot, session, started }
}

describe('session: snapshot, then deltas', () => {
  it('subscribes to every event before it asks for the snapshot', async () => {
    const listenersAtSnapshot: number[] = []
    const context = createTestContext({
      getSnapshot: () => {
        listenersAtSnapshot.push(eventNames.filter((name) => context.fake.listenerCount(name) > 0).length)
        return { cases: [], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }
      },
    })
    await useSessionStore().start()
    expect(listenersAtSnapshot).toEqual([eventNames.length])
    expect(useSessionStore().status).toBe('ready')
  })

  it('takes the update status from the snapshot, and a pushed one over it, even while the snapshot is in flight', async () => {
    const { fake, snapshot, started } = startWithPendingSnapshot()
    fake.emit('updateChanged', { state: 'ready', version: '0.2.0' })
    snapshot.resolve({ cases: [], settings: makeSettings(), update: { state: 'checking' }, connection: makeConnection() })
    await started
    expect(useUpdatesStore().status).toEqual({ state: 'ready', version: '0.2.0' })
    fake.emit('updateChanged', { state: 'off' })
    expect(useUpdatesStore().status).toEqual({ state: 'off' })
  })

  it('takes the account connection from the snapshot, and a pushed one over it', async () => {
    const { fake, snapshot, started } = startWithPendingSnapshot()
    fake.emit('connectionChanged', makeConnection({ state: 'offline', since: 5 }))
    snapshot.resolve({ cases: [], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() })
    await started
    expect(useConnectionStore().connection).toMatchObject({ state: 'offline', since: 5 })
    fake.emit('connectionChanged', makeConnection({ state: 'live' }))
    expect(useConnectionStore().connection?.state).toBe('live')
  })

  it('fills in the update status from the snapshot when nothing was pushed', async () => {
    const { snapshot, started } = startWithPendingSnapshot()
    snapshot.resolve({
      cases: [],
      settings: makeSettings(),
      update: { state: 'up_to_date', version: '0.1.0' },
      connection: makeConnection(),
    })
    await started
    expect(useUpdatesStore().status).toEqual({ state: 'up_to_date', version: '0.1.0' })
  })

  it('keeps a newer update that arrives before the snapshot instead of the snapshot’s older copy', async () => {
    const { fake, snapshot, started } = startWithPendingSnapshot()
    const older = makeCase({ state: 'live', progress: 20, updatedAt: 100 })
    const newer = { ...older, state: 'completed' as const, progress: 100, updatedAt: 200 }

    fake.emit('casesChanged', [newer])
    snapshot.resolve({ cases: [older], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() })
    await started

    expect(useCasesStore().get(older.caseId)).toEqual(newer)
  })

  it('takes the snapshot when it is newer than an early event', async () => {
    const { fake, snapshot, started } = startWithPendingSnapshot()
    const early = makeCase({ progress: 20, updatedAt: 100 })
    const later = { ...early, progress: 60, updatedAt: 300 }

    fake.emit('casesChanged', [early])
    snapshot.resolve({ cases: [later], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() })
    await started

    expect(useCasesStore().get(early.caseId)?.progress).toBe(60)
  })

  it('does not bring back a case removed while the snapshot was in flight', async () => {
    const { fake, snapshot, started } = startWithPendingSnapshot()
    const kept = makeCase()
    const removed = makeCase()

    fake.emit('casesRemoved', [removed.caseId])
    snapshot.resolve({ cases: [kept, removed], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() })
    await started

    const cases = useCasesStore()
    expect(cases.get(kept.caseId)).toBeDefined()
    expect(cases.get(removed.caseId)).toBeUndefined()
  })

  it('keeps settings pushed while the snapshot was in flight', async () => {
    const { fake, snapshot, started } = startWithPendingSnapshot()
    fake.emit('settingsChanged', makeSettings({ mode: 'veridox', hasApiKey: true }))
    snapshot.resolve({ cases: [], settings: makeSettings({ mode: 'simulator' }), update: { state: 'off' }, connection: makeConnection() })
    await started

    expect(useSettingsStore().settings?.mode).toBe('veridox')
  })

  it('applies deltas after the snapshot: upserts, removals, settings and focus', async () => {
    const first = makeCase()
    const context = createTestContext({
      getSnapshot: () => ({ cases: [first], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }),
    })
    await useSessionStore().start()
    const added = makeCase()

    context.fake.emit('casesChanged', [{ ...first, progress: 90, updatedAt: first.updatedAt + 1 }, added])
    context.fake.emit('casesChanged', [{ ...first, progress: 90, updatedAt: first.updatedAt + 1 }])
    context.fake.emit('casesRemoved', [added.caseId])
    context.fake.emit('settingsChanged', makeSettings({ notificationsEnabled: false }))
    context.fake.emit('caseFocused', first.caseId)

    expect(useCasesStore().get(first.caseId)?.progress).toBe(90)
    expect(useCasesStore().get(added.caseId)).toBeUndefined()
    expect(useSettingsStore().settings?.notificationsEnabled).toBe(false)
    expect(useCaseListStore().focusRequest).toEqual({ caseId: first.caseId, moveFocus: true })
    expect(useCaseListStore().expanded.has(first.caseId)).toBe(true)
    context.fake.emit('casesFocused', { label: 'Finished while you were away', caseIds: [first.caseId] })
    expect(useCaseListStore().group).toEqual({ label: 'Finished while you were away', caseIds: [first.caseId] })
  })

  it('reports a failed snapshot by its code and can try again', async () => {
    let attempts = 0
    createTestContext({
      getSnapshot: () => {
        attempts += 1
        if (attempts === 1) throw new AppError('internal', 'disk exploded at /home/analyst/secret')
        return { cases: [makeCase()], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() }
      },
    })
    const session = useSessionStore()
    await session.start()
    expect(session.status).toBe('failed')
    expect(session.failure).toBe('internal')

    await session.loadSnapshot()
    expect(session.status).toBe('ready')
  })

  it('stops listening when stopped', async () => {
    const { fake, snapshot, session, started } = startWithPendingSnapshot()
    snapshot.resolve({ cases: [], settings: makeSettings(), update: { state: 'off' }, connection: makeConnection() })
    await started
    session.stop()
    expect(fake.listenerCount('casesChanged')).toBe(0)
    expect(fake.listenerCount('caseFocused')).toBe(0)
  })
})
