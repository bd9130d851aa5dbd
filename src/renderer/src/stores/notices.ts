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

/** Short messages about what just happened (a removed case, a failed action), announced politely. */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let nextId = 1

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id)
  }

  /** Returns the notice's id, for dismissing it early. */
  function show(text: string, tone: Notice['tone'] = 'info', action?: NoticeAction, durationMs = NOTICE_MS): number {
    const notice: Notice = { id: nextId++, text, tone, ...(action ? { action } : {}) }
    notices.value = [...notices.value.slice(-2), notice]
    setTimeout(() => dismiss(notice.id), durationMs)
    return notice.id
  }

  return { notices, show, dismiss }
})
