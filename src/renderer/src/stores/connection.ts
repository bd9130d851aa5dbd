import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ConnectionView } from '@shared/connection-view'

/** How Veridox is reached for the whole account, as main last said: told once in the header, not on every row. */
export const useConnectionStore = defineStore('connection', () => {
  const connection = ref<ConnectionView | null>(null)

  function apply(next: ConnectionView): void {
    connection.value = next
  }

  // A connection pushed while the snapshot was in flight is at least as new as the snapshot's.
  function applySnapshot(next: ConnectionView): void {
    if (connection.value === null) connection.value = next
  }

  return { connection, apply, applySnapshot }
})
