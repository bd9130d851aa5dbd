import type { PasteScan } from '@shared/case-id-paste'

/** Lines under the watch box: enough to act on, never a wall (a pasted spreadsheet column sums up). */
const maxLines = 5

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

export function watchedSummary(newCount: number, alreadyCount: number): string {
  if (newCount > 0) return `Watching ${plural(newCount, 'case')}.`
  return alreadyCount === 1 ? 'Already watching that case.' : `Already watching all ${alreadyCount}.`
}

/** One line per case already on the list and per ignored token, the rest summed up in a last line. */
export function pasteReportLines(scan: PasteScan, alreadyWatchedNames: readonly string[]): string[] {
  const lines = [
    ...alreadyWatchedNames.map((name) => `${name} is already watched.`),
    ...scan.ignored.map(({ token, reason }) =>
      reason === 'not_version_7' ? `${token} is a UUID but not a case ID (not version 7).` : `${token} is not a case ID.`,
    ),
  ]
  if (lines.length <= maxLines) return lines
  const shownAlready = Math.min(alreadyWatchedNames.length, maxLines - 1)
  const shownIgnored = maxLines - 1 - shownAlready
  const restAlready = alreadyWatchedNames.length - shownAlready
  const restIgnored = scan.ignoredCount - shownIgnored
  const rest = [
    restAlready > 0 ? `${restAlready} more already watched` : null,
    restIgnored > 0 ? `${restIgnored} more that ${restIgnored === 1 ? 'is' : 'are'} not case IDs` : null,
  ].filter((part) => part !== null)
  return [
    ...lines.slice(0, shownAlready),
    ...lines.slice(alreadyWatchedNames.length, alreadyWatchedNames.length + shownIgnored),
    `…and ${rest.join(' and ')}.`,
  ]
}
