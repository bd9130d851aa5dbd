import { net, powerMonitor } from 'electron'

const onlineCheckMs = 5_000

/**
 * Tells the core when Veridox cannot be reachable: the machine is going to sleep, or the network is
 * gone. Electron has no "online" event in the main process, so net.isOnline() is sampled.
 */
export function watchReachability(onChange: (isReachable: boolean) => void): () => void {
  let isAsleep = false
  let wasReachable = true
  const report = (): void => {
    const isReachable = !isAsleep && net.isOnline()
    if (isReachable !== wasReachable) onChange(isReachable)
    wasReachable = isReachable
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
