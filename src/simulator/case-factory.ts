import type { AnalysisProfile, FileOutcome, FilePlanOverrides, RiskLevel } from './analysis-plan'
import { uploadAll } from './case-lifecycle'
import type { SimCase } from './case-model'
import type { SimulatorContext } from './context'
import type { Prng } from './prng'

export interface CreateCaseInput {
  label?: string
  fileLabels?: string[]
  /** Default true: every file uploaded at once, so analysis starts now. */
  upload?: boolean
  apiKey?: string
  fileDurationsMs?: number[]
  outcomes?: FileOutcome[]
  risks?: RiskLevel[]
}

function overridesFor(input: CreateCaseInput, count: number): FilePlanOverrides[] {
  return Array.from({ length: count }, (_, i) => ({
    durationMs: input.fileDurationsMs?.[i],
    outcome: input.outcomes?.[i],
    risk: input.risks?.[i],
  }))
}

const documentNames = [
  'passport.pdf',
  'bank-statement.pdf',
  'payslip.png',
  'utility-bill.jpg',
  'driving-licence.jpg',
  'invoice.pdf',
  'tax-return.pdf',
  'id-card.tiff',
]

/** File labels for cases nobody named: realistic document names, starting at a seeded point. */
function sampleFileLabels(prng: Prng, count: number): string[] {
  const start = prng.int(0, documentNames.length - 1)
  return Array.from({ length: count }, (_, i) => {
    const name = documentNames[(start + i) % documentNames.length]
    return i < documentNames.length ? name : `${Math.floor(i / documentNames.length) + 1}-${name}`
  })
}

export interface CaseFactoryExtras {
  /** 0–1: how far through its analysis the case already is (demo and staggered cases). */
  startedFraction?: number
  profile?: AnalysisProfile
  labelPrefix?: string
}

/** Creates cases on the simulator's own behalf (control, demo, scenario, load), bypassing HTTP and limits. */
export function createCaseFactory(ctx: SimulatorContext, prng: Prng) {
  let serial = 0
  function freeLabel(ownerKey: string, prefix: string): string {
    let label: string
    do label = `${prefix} ${String(++serial).padStart(3, '0')}`
    while (ctx.store.isLabelTaken(ownerKey, label))
    return label
  }

  return (input: CreateCaseInput = {}, extras: CaseFactoryExtras = {}): SimCase => {
    const ownerKey = input.apiKey ?? ctx.keys.defaultKey()
    if (!ctx.keys.lookup(ownerKey)) throw new Error('createCase: unknown API key (add it first)')
    if (input.label !== undefined && ctx.store.isLabelTaken(ownerKey, input.label)) {
      throw new Error(`createCase: the label "${input.label}" is already used by that key`)
    }
    const profile = extras.profile ?? ctx.options.profile
    const fileLabels = input.fileLabels ?? sampleFileLabels(prng, prng.int(profile.filesPerCase.min, profile.filesPerCase.max))
    const c = ctx.store.create({
      ownerKey,
      label: input.label ?? freeLabel(ownerKey, extras.labelPrefix ?? 'Simulated case'),
      fileLabels,
      overrides: overridesFor(input, fileLabels.length),
      profile,
    })
    if (input.upload !== false) {
      const duration = Math.max(0, ...c.files.map((f) => f.plan.durationMs))
      uploadAll(ctx, c, ctx.now() - Math.round((extras.startedFraction ?? 0) * duration))
    }
    return c
  }
}

export type CaseFactory = ReturnType<typeof createCaseFactory>
