/**
 * Where the API key lives. It flows one way: main reads it to call Veridox; the renderer can only set
 * or clear it and learn whether one is set.
 */
export interface SecretStore {
  read(): string | null
  write(apiKey: string): void
  clear(): void
  /** `os`: encrypted by the operating system's keychain. `memory`: kept only until the app quits. */
  readonly protection: 'os' | 'memory'
}

export function createMemorySecretStore(initial: string | null = null): SecretStore {
  let secret = initial
  return {
    read: () => secret,
    write(apiKey) {
      secret = apiKey
    },
    clear() {
      secret = null
    },
    protection: 'memory',
  }
}
