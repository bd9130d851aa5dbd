export interface StreamSession {
  readonly key: string
  readonly caseId: string
  heartbeat(): void
  /** Ends the response without stream_closed: the case is not finished, the stream is just over. */
  endQuietly(): void
}

export type StreamRegistry = ReturnType<typeof createStreamRegistry>

/** Open streams, with one shared heartbeat timer for all of them. */
export function createStreamRegistry(heartbeatMs: number) {
  const sessions = new Set<StreamSession>()
  let timer: NodeJS.Timeout | null = null

  const beat = () => {
    for (const session of sessions) session.heartbeat()
  }

  return {
    add(session: StreamSession): void {
      sessions.add(session)
      if (!timer) timer = setInterval(beat, heartbeatMs).unref()
    },
    remove(session: StreamSession): void {
      sessions.delete(session)
      if (sessions.size === 0 && timer) {
        clearInterval(timer)
        timer = null
      }
    },
    endForKey(key: string): void {
      for (const session of [...sessions]) if (session.key === key) session.endQuietly()
    },
    endAll(): void {
      for (const session of [...sessions]) session.endQuietly()
    },
    size: (): number => sessions.size,
  }
}
