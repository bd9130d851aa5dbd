import { createApp } from 'vue'
import type { Bridge } from '@shared/ipc'
import { bridgeFromWindow, createClient } from './ipc-client'
import { createCaseMonitorApp } from './create-app'
import BridgeMissing from './components/BridgeMissing.vue'
import './styles.css'
import './density.css'

function findBridge(): Bridge | null {
  try {
    return bridgeFromWindow()
  } catch {
    return null
  }
}

const bridge = findBridge()
const app = bridge ? createCaseMonitorApp(createClient(bridge)) : createApp(BridgeMissing)
app.mount('#app')
