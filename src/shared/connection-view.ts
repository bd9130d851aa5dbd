/**
 * How the app reaches Veridox for the whole account, told once in the header rather than on every row.
 * `streams_blocked`: a proxy blocks live streams, so the cases that would stream are polled instead.
 */
export const connectionStates = ['live', 'connecting', 'offline', 'rate_limited', 'streams_blocked', 'key_rejected', 'paused'] as const
export type ConnectionState = (typeof connectionStates)[number]

export interface ConnectionCounts {
  /** Cases still followed (not completed, failed or unreachable). */
  followed: number
  /** Followed by a live stream. */
  streaming: number
  /** Followed by the poll endpoint (streams blocked, or this case's stream kept failing). */
  polled: number
  /** Checked through the paged case listings (more cases than stream slots). */
  listed: number
}

export interface ConnectionView {
  state: ConnectionState
  /** While offline: since when (epoch ms). */
  since: number | null
  /** While rate-limited: when requests may go again (epoch ms). */
  until: number | null
  counts: ConnectionCounts
}

/** Before any backend runs: nothing is followed yet. */
export const notConnectedYet: ConnectionView = {
  state: 'connecting',
  since: null,
  until: null,
  counts: { followed: 0, streaming: 0, polled: 0, listed: 0 },
}
