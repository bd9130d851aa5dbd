import { startCaseAnalysis } from './case-analysis'
import type { SimCase, SimFile } from './case-model'
import type { SimulatorContext } from './context'

/**
 * The case locks at its first upload ("locks automatically when files start uploading", docs/veridox-api.md §4.1);
 * analysis starts once every file is uploaded, so the batch is analysed together.
 */
export function markUploaded(ctx: SimulatorContext, c: SimCase, file: SimFile): void {
  if (file.uploadedAt !== null) return
  const now = ctx.now()
  file.uploadedAt = now
  file.status = 'processing'
  if (c.lockedAt === null) {
    c.lockedAt = now
    c.updatedAt = now
  }
  if (c.files.every((f) => f.uploadedAt !== null)) beginAnalysis(ctx, c, now)
}

/** startAt in the past makes a case that is already part-way through. */
export function beginAnalysis(ctx: SimulatorContext, c: SimCase, startAt: number): void {
  if (c.analysisStartedAt !== null || c.files.length === 0) return
  startCaseAnalysis(c, startAt)
  ctx.ticker.track(c)
}

export function uploadAll(ctx: SimulatorContext, c: SimCase, startAt = ctx.now()): void {
  const now = ctx.now()
  for (const file of c.files) {
    if (file.uploadedAt !== null) continue
    file.uploadedAt = Math.min(now, startAt)
    file.status = 'processing'
  }
  c.lockedAt ??= Math.min(now, startAt)
  beginAnalysis(ctx, c, startAt)
}
