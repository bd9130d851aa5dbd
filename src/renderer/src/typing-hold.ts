/**
 * Holds work while the analyst types, so each keystroke's frame has the main thread to itself, and runs it in order
 * once typing pauses for `pauseMs`, or after `longestHoldMs` however long the typing goes on.
 */
export function createTypingHold(options: { pauseMs: number; longestHoldMs: number }) {
  const held: (() => void)[] = []
  let typingUntil = 0
  let heldSince = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const releaseAt = (): number => Math.min(typingUntil, heldSince + options.longestHoldMs)

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => (Date.now() >= releaseAt() ? flush() : schedule()), Math.max(0, releaseAt() - Date.now()))
  }

  function flush(): void {
    clearTimeout(timer)
    timer = undefined
    for (const task of held.splice(0)) task()
  }

  return {
    noteTyping(): void {
      typingUntil = Date.now() + options.pauseMs
    },
    /** Now, unless typing is going on or something is already held (order is kept). */
    run(task: () => void): void {
      if (held.length === 0 && Date.now() >= typingUntil) return task()
      if (held.length === 0) heldSince = Date.now()
      held.push(task)
      if (timer === undefined) schedule()
    },
    flush,
  }
}
