import { net, powerMonitor } from 'electron'
import type { SystemState } from '../../shared/reachability'

const onlineCheckMs = 5_000

/**
 * Tells the core when the machine sleeps and whether it has a network; the core decides what that
 * means for each backend. Electron has no "online" event in the main process, so net.isOnline() is sampled.
 */
export function watchSystemState(onChange: (state: SystemState) => void): () => void {
  let isAsleep = false
  let last: SystemState | null = null
  const report = (): void => {
    const state = { isAsleep, isNetworkOnline: net.isOnline() }
    if (last && last.isAsleep === state.isAsleep && last.isNetworkOnline === state.isNetworkOnline) return
    last = state
    onChange(state)
  }
  const onSuspend = (): void => {
    isAsleep = true
    report()
  }
  const onResume = (): void => {
    isAsleep = false
    report()
  }
  powerMonitor.on('suspend', onSuspend)
  powerMonitor.on('resume', onResume)
  const timer = setInterval(report, onlineCheckMs)
  report()
  return () => {
    clearInterval(timer)
    powerMonitor.off('suspend', onSuspend)
    powerMonitor.off('resume', onResume)
  }
}
