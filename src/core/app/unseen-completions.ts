/**
 * Completions the analyst has not yet seen in the window: the tray shows them as needing attention.
 * Seen once the window is focused, or that case is opened (from a notification or the tray).
 */
export function createUnseenCompletions() {
  const unseen = new Set<string>()
  let isWindowFocused = false
  return {
    noteCompleted(caseId: string): void {
      if (!isWindowFocused) unseen.add(caseId)
    },
    noteCaseOpened(caseId: string): void {
      unseen.delete(caseId)
    },
    setWindowFocused(isFocused: boolean): void {
      isWindowFocused = isFocused
      if (isFocused) unseen.clear()
    },
    ids: (): ReadonlySet<string> => unseen,
  }
}

export type UnseenCompletions = ReturnType<typeof createUnseenCompletions>
