import { createApp } from 'vue'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { clientKey } from '../client'
import { createClient, type CaseMonitorClient } from '../ipc-client'
import { createFakeBridge, type FakeBridge, type FakeHandlers } from './fake-bridge'

export interface TestContext {
  fake: FakeBridge
  client: CaseMonitorClient
  pinia: Pinia
  /** For @vue/test-utils `mount(…, { global })`. */
  global: { plugins: [Pinia]; provide: Record<symbol, unknown> }
}

/** A Pinia attached to an app that provides a client over a fake Bridge, as main.ts does over the real one. */
export function createTestContext(handlers: FakeHandlers = {}): TestContext {
  const fake = createFakeBridge(handlers)
  const client = createClient(fake.bridge)
  const pinia = createPinia()
  createApp({}).provide(clientKey, client).use(pinia)
  setActivePinia(pinia)
  return { fake, client, pinia, global: { plugins: [pinia], provide: { [clientKey as symbol]: client } } }
}
