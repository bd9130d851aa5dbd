import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { UpdateStatus } from '@shared/updates'

/** Where updates stand, as main last said; main alone checks, downloads and decides. */
export const useUpdatesStore = defineStore('updates', () => {
  const status = ref<UpdateStatus | null>(null)

  function apply(next: UpdateStatus): void {
    status.value = next
  }

  // As with settings: a status pushed while the snapshot was in flight is at least as new as the snapshot.
  function applySnapshot(next: UpdateStatus): void {
    if (status.value === null) status.value = next
  }

  return { status, apply, applySnapshot }
})
