import type { LogFields, LogLevel } from './log'

/**
 * Field values carry server text (event types, reasons, file names); a 1 MB event type once made
 * 671 MB of log in 25 s. Every value is cut to this many characters of its escaped form.
 */
export const logValueCap = 200
/** Messages are ours, but one built from outside text must not flood the log either. */
export const logMessageCap = 300

// Line breaks and controls would start a forged line or move the terminal's cursor; format characters
// (bidirectional overrides, zero-width) would make a line read differently from what it holds.
const unprintable = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u
const namedEscapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeCharacter(character: string): string {
  const named = namedEscapes[character]
  if (named) return named
  if (!unprintable.test(character)) return character
  return `\\u{${character.codePointAt(0)!.toString(16)}}`
}

/** Escapes and cuts in one pass, so a huge value costs only as much as the part that is kept. */
function escapeAndCap(text: string, cap: number): { escaped: string; isCut: boolean } {
  let escaped = ''
  let keptLength = 0
  for (const character of text) {
    const piece = escapeCharacter(character)
    if (escaped.length + piece.length > cap) break
    escaped += piece
    keptLength += character.length
  }
  return { escaped, isCut: keptLength < text.length }
}

const lengthNote = (text: string): string => `… (${text.length.toLocaleString('en')} characters)`

/** A value stays unquoted only when it cannot be mistaken for more than one `key=value` field. */
function formatValue(value: string | number | boolean | null): string {
  const text = String(value)
  const { escaped, isCut } = escapeAndCap(text, logValueCap)
  const shown = isCut ? escaped + lengthNote(text) : escaped
  return shown === '' || /[\s="\\]/u.test(shown) ? `"${shown}"` : shown
}

// Keys are ours; anything but a plain name is replaced so it cannot break the line's shape either.
const formatKey = (key: string): string => key.slice(0, 64).replace(/[^\w.-]/g, '_') || '_'

function formatMessage(message: string): string {
  const { escaped, isCut } = escapeAndCap(message, logMessageCap)
  return isCut ? escaped + lengthNote(message) : escaped
}

/** One line, always: `<ISO time> <level> <message> key=value …`, with no line break inside. */
export function formatLogLine(at: number, level: LogLevel, message: string, fields?: LogFields): string {
  const suffix = fields
    ? Object.entries(fields)
        .map(([key, value]) => ` ${formatKey(key)}=${formatValue(value)}`)
        .join('')
    : ''
  return `${new Date(at).toISOString()} ${level} ${formatMessage(message)}${suffix}`
}
