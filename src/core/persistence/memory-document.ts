import type { JsonDocument } from './json-document'

/** For state that should not outlive the process, such as the embedded simulator's demo cases. */
export function createMemoryDocument(initial: Record<string, unknown> = {}): JsonDocument {
  let value: Record<string, unknown> = structuredClone(initial)
  return {
    read: () => structuredClone(value),
    write(next) {
      value = structuredClone(next)
    },
    setAside() {
      value = {}
    },
  }
}
