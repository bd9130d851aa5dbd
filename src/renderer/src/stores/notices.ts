import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  text: string
  tone: 'info' | 'error'
  /** One button offered with the message, such as Undo; the notice closes when it is pressed. */
  action?: NoticeAction
}

export interface NoticeAction {
  label: string
  run: () => unknown
}

const NOTICE_MS = 6_000
const MAX_SHOWN = 3

/** A notice's countdown: running since `startedAt`, or held (hover, focus) with `remainingMs` left. */
interface Countdown {
  remainingMs: number
  startedAt: number | null
  timer?: ReturnType<typeof setTimeout>
}

/**
 * Short messages about what just happened (a removed case, a failed action), announced politely. What went well
 * clears itself; an error stays until dismissed. A notice under the pointer or holding focus waits (WCAG 2.2.1).
 */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  const countdowns = new Map<number, Countdown>()
  let nextId = 1

  function dismiss(id: number): void {
    clearTimeout(countdowns.get(id)?.timer)
    countdowns.delete(id)
    notices.value = notices.value.filter((notice) => notice.id !== id)
  }

  function run(id: number, countdown: Countdown): void {
    countdown.startedAt = Date.now()
    countdown.timer = setTimeout(() => dismiss(id), countdown.remainingMs)
  }

  /** Returns the notice's id, for dismissing it early. */
  function show(text: string, tone: Notice['tone'] = 'info', action?: NoticeAction, durationMs = NOTICE_MS): number {
    const notice: Notice = { id: nextId++, text, tone, ...(action ? { action } : {}) }
    for (const old of notices.value.slice(0, -(MAX_SHOWN - 1))) dismiss(old.id)
    notices.value = [...notices.value, notice]
    if (tone === 'info') {
      const countdown: Countdown = { remainingMs: durationMs, startedAt: null }
      countdowns.set(notice.id, countdown)
      run(notice.id, countdown)
    }
    return notice.id
  }

  function hold(id: number): void {
    const countdown = countdowns.get(id)
    if (!countdown || countdown.startedAt === null) return
    clearTimeout(countdown.timer)
    countdown.remainingMs = Math.max(0, countdown.remainingMs - (Date.now() - countdown.startedAt))
    countdown.startedAt = null
  }

  function release(id: number): void {
    const countdown = countdowns.get(id)
    if (countdown && countdown.startedAt === null) run(id, countdown)
  }

  return { notices, show, dismiss, hold, release }
})
