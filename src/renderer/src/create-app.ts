import { createApp, type App as VueApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { clientKey } from './client'
import type { CaseMonitorClient } from './ipc-client'

export function createCaseMonitorApp(client: CaseMonitorClient): VueApp {
  const app = createApp(App)
  app.provide(clientKey, client)
  app.use(createPinia())
  return app
}
