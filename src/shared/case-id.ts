// Veridox case, file and request IDs are UUIDv7 (docs/veridox-api.md §1.5).
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const UUID_V7_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi
const ANY_UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

export function isCaseId(value: string): boolean {
  return UUID_V7.test(value)
}

export function normalizeCaseId(value: string): string {
  return value.trim().toLowerCase()
}

export type CaseIdInputResult = { ok: true; caseIds: string[] } | { ok: false; reason: string }

/**
 * Accepts what an analyst pastes: one ID, several separated by spaces, commas or new lines,
 * or dashboard links that contain IDs.
 */
export function parseCaseIdInput(raw: string): CaseIdInputResult {
  const text = raw.trim()
  if (text === '') return { ok: false, reason: 'Enter a case ID.' }
  const found = [...new Set((text.match(UUID_V7_ANYWHERE) ?? []).map(normalizeCaseId))]
  if (found.length > 0) return { ok: true, caseIds: found }
  if (ANY_UUID_ANYWHERE.test(text)) {
    return {
      ok: false,
      reason: 'That is a UUID, but not a Veridox case ID: case IDs are version 7 UUIDs (the third group starts with 7).',
    }
  }
  return {
    ok: false,
    reason: 'That is not a case ID. A case ID looks like 019bfb3c-1257-7455-af2e-0cd3cadab5c7.',
  }
}
