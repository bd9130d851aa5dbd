import type { SettingsView } from '@shared/backend'
import type { CaseView, FileView } from '@shared/case-view'
import type { ConnectionView } from '@shared/connection-view'
import { caseViewFixture } from '@shared/testing/case-view-fixture'
import { settingsViewFixture } from '@shared/testing/settings-view-fixture'

let counter = 0

/** A syntactically valid UUIDv7 that differs in its random tail. */
export function caseIdFor(n: number): string {
  return `019bfb3c-1257-7455-af2e-${n.toString(16).padStart(12, '0')}`
}

export function makeCase(overrides: Partial<CaseView> = {}): CaseView {
  counter += 1
  return caseViewFixture({
    caseId: caseIdFor(counter),
    label: `Case ${counter}`,
    progress: 40,
    addedAt: 1_000 + counter,
    updatedAt: 1_000 + counter,
    ...overrides,
  })
}

export function makeFile(overrides: Partial<FileView> = {}): FileView {
  counter += 1
  return {
    fileId: `file-${counter}`,
    label: `file-${counter}.pdf`,
    stage: 'ela',
    progress: 50,
    status: 'processing',
    risk: null,
    failureReason: null,
    timeline: { uploadedAt: null, stages: [], settledAt: null },
    ...overrides,
  }
}

export function makeSettings(overrides: Partial<SettingsView> = {}): SettingsView {
  return settingsViewFixture(overrides)
}

export function makeConnection(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    state: 'live',
    since: null,
    until: null,
    counts: { followed: 0, streaming: 0, polled: 0, listed: 0 },
    ...overrides,
  }
}
