import { describeTray, type TrayInputs, type TrayModel } from './tray-model'

export interface TrayFeed {
  model(): TrayModel
  onChanged(listener: () => void): () => void
  /** Something the tray reads may have moved: listeners hear of it only when the model did, so the tray is not redrawn per batch. */
  changed(): void
}

export function createTrayFeed(inputs: () => TrayInputs): TrayFeed {
  const listeners = new Set<() => void>()
  let last = ''
  return {
    model: () => describeTray(inputs()),
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    changed() {
      const now = JSON.stringify(describeTray(inputs()))
      if (now === last) return
      last = now
      listeners.forEach((listener) => listener())
    },
  }
}
