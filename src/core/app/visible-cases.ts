import type { CaseMonitor } from '../monitor/case-monitor'

export interface VisibleCases {
  /** The cases the renderer says are on screen. */
  report(caseIds: readonly string[]): void
  setWindowShown(isShown: boolean): void
  /** A newly opened session's monitor starts from what the window shows now. */
  applyTo(monitor: CaseMonitor): void
}

/**
 * Owns which cases are on screen. The renderer's last report counts only while the window is shown:
 * a window closed to the tray or minimised shows nothing, so its cases lose the stream priority the
 * planner gives what the analyst is looking at (stream-slots.ts). The monitor knows nothing of windows.
 */
export function createVisibleCases(currentMonitor: () => CaseMonitor | null): VisibleCases {
  let reported: readonly string[] = []
  let isWindowShown = true

  const onScreen = (): readonly string[] => (isWindowShown ? reported : [])
  const apply = (): void => currentMonitor()?.setVisible(onScreen())

  return {
    report(caseIds) {
      reported = [...caseIds]
      if (isWindowShown) apply()
    },
    setWindowShown(isShown) {
      if (isShown === isWindowShown) return
      isWindowShown = isShown
      apply()
    },
    applyTo: (monitor) => monitor.setVisible(onScreen()),
  }
}
