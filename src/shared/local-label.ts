/** The analyst's own name for a case: short enough to read in a row, a tray menu and a notification title. */
export const maxLocalLabelLength = 80

/** Trimmed, runs of spaces and control characters made one space; null when nothing is left (the label is cleared). */
export function normalizeLocalLabel(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()
  return text === '' ? null : text
}
