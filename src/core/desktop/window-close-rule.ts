import type { JsonDocument } from '../persistence/json-document'
import { hiddenLaunchFlag } from './autostart-entry'

export interface CloseOutcome {
  /** `hide`: into the tray. `minimize`: no tray to come back from, so the window stays in the taskbar or dock. */
  action: 'hide' | 'minimize'
  /** True the first time ever the window is minimised for want of a tray: the analyst is told why, once. */
  shouldExplain: boolean
}

const explainedNote = 'hasExplainedNoTray'

/** What closing the window does; the "said once" note lives in a small file so it holds across restarts. */
export function createWindowCloseRule(options: { hasTray: boolean; notes: JsonDocument }): { close(): CloseOutcome } {
  const read = (): Record<string, unknown> => {
    const value = options.notes.read()
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  }
  let hasExplained = read()[explainedNote] === true
  return {
    close() {
      if (options.hasTray) return { action: 'hide', shouldExplain: false }
      if (hasExplained) return { action: 'minimize', shouldExplain: false }
      hasExplained = true
      try {
        options.notes.write({ ...read(), [explainedNote]: true })
      } catch {
        // Not being able to save the note only means the explanation may come once more after a restart.
      }
      return { action: 'minimize', shouldExplain: true }
    },
  }
}

/** Started by the login session: XDG autostart and Windows pass the flag; macOS says so through wasOpenedAtLogin. */
export function isHiddenLaunch(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(hiddenLaunchFlag)
}
