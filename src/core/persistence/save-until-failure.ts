import type { JsonDocument } from './json-document'
import { StateFileError } from './state-file-error'

/**
 * Writes until the first failure, which is reported once; from then on the caller's state lives in
 * memory for the rest of the run. Trying again on every change would repeat the report and, for a
 * permission error, block for a second each time (the atomic writer retries those).
 */
export function saveUntilFirstFailure(document: JsonDocument, report: (where: string) => void): (value: Record<string, unknown>) => void {
  let hasFailed = false
  return (value) => {
    if (hasFailed) return
    try {
      document.write(value)
    } catch (error) {
      hasFailed = true
      report(error instanceof StateFileError ? ` in ${error.folder} (${error.problem})` : '')
    }
  }
}
