import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appLogFileLimits, openRotatingLogFile } from './rotating-log-file'

const tempLogPath = (): string => join(mkdtempSync(join(tmpdir(), 'case-monitor-log-')), 'case-monitor.log')
const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0)

describe('rotating log file', () => {
  it('never exceeds its cap while 20 MB is written, and keeps only two older files, each within the cap', () => {
    const path = tempLogPath()
    const file = openRotatingLogFile({ path, ...appLogFileLimits })
    const line = 'x'.repeat(999)
    let largest = 0
    for (let i = 0; i < 20_000; i += 1) {
      file.writeLine(line)
      largest = Math.max(largest, sizeOf(path))
    }
    file.close()
    expect(largest).toBeLessThanOrEqual(appLogFileLimits.maxBytes)
    expect(readdirSync(join(path, '..')).sort()).toEqual(['case-monitor.log', 'case-monitor.log.1', 'case-monitor.log.2'])
    for (const kept of [`${path}.1`, `${path}.2`]) expect(sizeOf(kept)).toBeLessThanOrEqual(appLogFileLimits.maxBytes)
  })

  it('rotates whole lines, oldest in the highest number, with nothing lost from the kept files', () => {
    const path = tempLogPath()
    const file = openRotatingLogFile({ path, maxBytes: 100, keptFiles: 2 })
    for (let i = 0; i < 12; i += 1) file.writeLine(`line ${String(i).padStart(2, '0')} ${'.'.repeat(20)}`)
    file.close()
    const linesIn = (name: string) =>
      readFileSync(name, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((text) => text.slice(0, 7))
    expect([linesIn(`${path}.2`), linesIn(`${path}.1`), linesIn(path)]).toEqual([
      ['line 03', 'line 04', 'line 05'],
      ['line 06', 'line 07', 'line 08'],
      ['line 09', 'line 10', 'line 11'],
    ])
  })

  it('a file already over the cap from an earlier run is rotated before the first new line', () => {
    const path = tempLogPath()
    writeFileSync(path, 'o'.repeat(150) + '\n')
    const file = openRotatingLogFile({ path, maxBytes: 100, keptFiles: 2 })
    file.writeLine('fresh')
    file.close()
    expect(readFileSync(path, 'utf8')).toBe('fresh\n')
    expect(sizeOf(`${path}.1`)).toBe(151)
  })

  it('appends to a file within the cap instead of starting over', () => {
    const path = tempLogPath()
    writeFileSync(path, 'earlier\n')
    const file = openRotatingLogFile({ path, maxBytes: 100, keptFiles: 2 })
    file.writeLine('later')
    file.close()
    expect(readFileSync(path, 'utf8')).toBe('earlier\nlater\n')
  })

  it('a single line longer than the cap is replaced by a note of its size', () => {
    const path = tempLogPath()
    const file = openRotatingLogFile({ path, maxBytes: 100, keptFiles: 2 })
    file.writeLine('y'.repeat(500))
    file.close()
    expect(readFileSync(path, 'utf8')).toBe('[a log line of 501 bytes was too long to keep]\n')
  })

  it('creates the log folder when it does not exist yet', () => {
    const path = join(tempLogPath(), '..', 'logs', 'app.log')
    const file = openRotatingLogFile({ path, ...appLogFileLimits })
    file.writeLine('first')
    file.close()
    expect(readFileSync(path, 'utf8')).toBe('first\n')
  })

  it('a write that fails (the path is a folder) is dropped without throwing', () => {
    const path = tempLogPath()
    const file = openRotatingLogFile({ path: join(path, '..'), ...appLogFileLimits })
    expect(() => file.writeLine('lost')).not.toThrow()
  })
})
