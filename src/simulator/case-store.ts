import { planFile, type AnalysisProfile, type FilePlanOverrides } from './analysis-plan'
import type { SimCase, SimFile } from './case-model'
import { createPrng } from './prng'
import { createIdGenerator, type IdGenerator } from './uuid-v7'

const SAS_LIFETIME_MS = 3600_000 // SAS URLs expire after 1 hour (docs/veridox-api.md §2.6)

const mimeTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
}

export function mimeTypeFor(label: string): string {
  const extension = label.split('.').pop()?.toLowerCase() ?? ''
  return mimeTypes[extension] ?? 'application/octet-stream'
}

export interface NewCase {
  ownerKey: string
  label: string
  referenceLabel?: string | null
  fileLabels: string[]
  overrides?: FilePlanOverrides[]
  /** Load cases use their own profile; everything else the simulator's. */
  profile?: AnalysisProfile
}

export type CaseStore = ReturnType<typeof createCaseStore>

export function createCaseStore(deps: { seed: number; profile: AnalysisProfile; nextId: IdGenerator; now: () => number }) {
  const cases = new Map<string, SimCase>()
  const filesById = new Map<string, SimFile>()
  const casesByOwner = new Map<string, SimCase[]>()
  const labelsByOwner = new Map<string, Map<string, string>>()
  let serial = 0

  const labelsOf = (key: string) => labelsByOwner.get(key) ?? labelsByOwner.set(key, new Map()).get(key)!

  function addFiles(c: SimCase, labels: string[], overrides: FilePlanOverrides[] = [], profile = deps.profile): SimFile[] {
    const now = deps.now()
    const added = labels.map((label, i): SimFile => {
      const file: SimFile = {
        id: c.nextId(),
        caseId: c.id,
        label,
        mimeType: mimeTypeFor(label),
        signature: Buffer.from(c.prng.bytes(12)).toString('hex'),
        createdAt: now,
        expiresAt: now + SAS_LIFETIME_MS,
        uploadedAt: null,
        status: 'waiting_for_upload',
        outcome: null,
        phase: null,
        progress: 0,
        risk: null,
        plan: planFile(c.prng, profile, overrides[i]),
      }
      filesById.set(file.id, file)
      return file
    })
    c.files.push(...added)
    c.updatedAt = now
    return added
  }

  return {
    create(input: NewCase): SimCase {
      const now = deps.now()
      const caseSerial = serial++
      // Each case draws from its own generator, so its plan does not depend on how requests interleave.
      const prng = createPrng(deps.seed, 'case', caseSerial)
      const c: SimCase = {
        id: deps.nextId(),
        ownerKey: input.ownerKey,
        label: input.label,
        referenceLabel: input.referenceLabel ?? null,
        createdAt: now,
        updatedAt: now,
        lockedAt: null,
        completedAt: null,
        analysisStartedAt: null,
        files: [],
        events: [],
        eventIndexById: new Map(),
        timeline: [],
        timelineCursor: 0,
        prng,
        nextId: createIdGenerator(createPrng(deps.seed, 'case-ids', caseSerial), deps.now),
        listeners: new Set(),
        isDeleted: false,
      }
      cases.set(c.id, c)
      const owned = casesByOwner.get(c.ownerKey) ?? casesByOwner.set(c.ownerKey, []).get(c.ownerKey)!
      owned.push(c)
      labelsOf(c.ownerKey).set(c.label.toLowerCase(), c.id)
      addFiles(c, input.fileLabels, input.overrides, input.profile)
      return c
    },
    addFiles: (c: SimCase, labels: string[]): SimFile[] => addFiles(c, labels),
    get: (caseId: string): SimCase | undefined => cases.get(caseId.toLowerCase()),
    /** Another key's case is as invisible as a missing one (docs/veridox-api.md §2.3: another organisation's case is a 404). */
    getOwned(caseId: string, key: string): SimCase | undefined {
      const c = cases.get(caseId.toLowerCase())
      return c && c.ownerKey === key ? c : undefined
    },
    getFile: (fileId: string): SimFile | undefined => filesById.get(fileId.toLowerCase()),
    /** Newest first. */
    listOwned: (key: string): SimCase[] => [...(casesByOwner.get(key) ?? [])].reverse(),
    /** Labels are unique per key, compared case-insensitively (docs/veridox-api.md §2.1). */
    isLabelTaken(key: string, label: string, exceptCaseId?: string): boolean {
      const holder = labelsOf(key).get(label.toLowerCase())
      return holder !== undefined && holder !== exceptCaseId
    },
    relabel(c: SimCase, label: string): void {
      const labels = labelsOf(c.ownerKey)
      labels.delete(c.label.toLowerCase())
      labels.set(label.toLowerCase(), c.id)
      c.label = label
      c.updatedAt = deps.now()
    },
    delete(caseId: string): SimCase | undefined {
      const c = cases.get(caseId.toLowerCase())
      if (!c) return undefined
      cases.delete(c.id)
      for (const file of c.files) filesById.delete(file.id)
      labelsOf(c.ownerKey).delete(c.label.toLowerCase())
      const owned = casesByOwner.get(c.ownerKey) ?? []
      owned.splice(owned.indexOf(c), 1)
      c.isDeleted = true
      for (const listener of [...c.listeners]) listener.onGone()
      c.listeners.clear()
      return c
    },
    all: (): IterableIterator<SimCase> => cases.values(),
    size: (): number => cases.size,
  }
}
