import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trayCountBadges } from '../../src/core/app/tray-appearance'
import { trayStates } from '../../src/core/app/tray-model'

const resources = join(import.meta.dirname, '../../resources')
const read = (path: string): Buffer => readFileSync(join(resources, path))
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(pngSignature), 'PNG signature').toBe(true)
  expect(data.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}

/** The sizes an .ico's directory declares, each checked against the PNG it points to. */
function icoSizes(data: Buffer): number[] {
  expect([data.readUInt16LE(0), data.readUInt16LE(2)]).toEqual([0, 1])
  const sizes: number[] = []
  for (let index = 0; index < data.readUInt16LE(4); index++) {
    const entry = 6 + index * 16
    const size = data[entry] === 0 ? 256 : data[entry]!
    const [length, offset] = [data.readUInt32LE(entry + 8), data.readUInt32LE(entry + 12)]
    expect(pngSize(data.subarray(offset, offset + length))).toEqual({ width: size, height: size })
    sizes.push(size)
  }
  return sizes
}

function icnsChunks(data: Buffer): Record<string, number> {
  expect(data.toString('latin1', 0, 4)).toBe('icns')
  expect(data.readUInt32BE(4)).toBe(data.length)
  const chunks: Record<string, number> = {}
  for (let offset = 8; offset < data.length;) {
    const length = data.readUInt32BE(offset + 4)
    chunks[data.toString('latin1', offset, offset + 4)] = pngSize(data.subarray(offset + 8, offset + length)).width
    offset += length
  }
  return chunks
}

describe('the generated icons (scripts/make-icons.mjs)', () => {
  it('has the app icon at 512 px, the Linux sizes, a Windows .ico and a macOS .icns', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 512, height: 512 })
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(read(`icons/${size}x${size}.png`))).toEqual({ width: size, height: size })
    }
    expect(icoSizes(read('icon.ico'))).toEqual([16, 24, 32, 48, 64, 128, 256])
    expect(icnsChunks(read('icon.icns'))).toEqual({
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    })
  })

  it.each(trayStates)('has every tray file for the %s state', (state) => {
    expect(pngSize(read(`tray/${state}.png`))).toEqual({ width: 16, height: 16 })
    expect(pngSize(read(`tray/${state}@2x.png`))).toEqual({ width: 32, height: 32 })
    expect(pngSize(read(`tray/${state}Template.png`))).toEqual({ width: 16, height: 16 })
    expect(pngSize(read(`tray/${state}Template@2x.png`))).toEqual({ width: 32, height: 32 })
    expect(icoSizes(read(`tray/${state}.ico`))).toEqual([16, 20, 24, 32, 40, 48, 64])
  })

  it.each(trayCountBadges)('has the analysing glyph with the count %s for Linux and Windows', (badge) => {
    expect(pngSize(read(`tray/analysing-${badge}.png`))).toEqual({ width: 16, height: 16 })
    expect(pngSize(read(`tray/analysing-${badge}@2x.png`))).toEqual({ width: 32, height: 32 })
    expect(icoSizes(read(`tray/analysing-${badge}.ico`))).toEqual([16, 20, 24, 32, 40, 48, 64])
  })

  it('draws each tray state as a different shape: the template images differ in their alpha alone', () => {
    const alphaOf = (state: string) => read(`tray/${state}Template@2x.png`).toString('base64')
    expect(new Set(trayStates.map(alphaOf)).size).toBe(trayStates.length)
  })
})
