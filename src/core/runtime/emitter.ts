export interface Emitter<T> {
  emit(value: T): void
  /** Returns the function that unsubscribes. */
  on(listener: (value: T) => void): () => void
}

export function createEmitter<T>(onListenerError?: (error: unknown) => void): Emitter<T> {
  const listeners = new Set<(value: T) => void>()
  return {
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value)
        } catch (error) {
          onListenerError?.(error)
        }
      }
    },
    on(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
