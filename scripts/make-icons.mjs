// Generates every icon the app and its installers use, from the SVG sources below: `node scripts/make-icons.mjs`.
// The outputs are committed; scripts/icons/icon-files.test.ts checks them. Chromium (Debian's, or CHROMIUM_PATH)
// renders the SVGs; the .ico and .icns containers hold PNG payloads, which both formats allow.
import { Buffer } from 'node:buffer'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const resources = join(dirname(fileURLToPath(import.meta.url)), '../resources')

// The logo: an open ring (a case being followed) closed by a check (its result).
const appIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect x="16" y="16" width="480" height="480" rx="108" fill="#12796e"/>
  <path d="M 352 96 A 150 150 0 1 0 406 206" fill="none" stroke="#fff" stroke-width="54" stroke-linecap="butt"/>
  <path d="M 186 262 L 236 312 L 330 208" fill="none" stroke="#fff" stroke-width="46" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`

// Each tray state is a different SHAPE, so it reads without colour (and as a macOS template, which has none):
// idle a closed ring with a check, analysing an open ring with a dot, attention a solid disc with "!",
// degraded a ring broken into dashes, do-not-disturb a crescent.
const openRing = (ink) => `<path d="M 12.2 3.8 A 6 6 0 1 0 14 8" fill="none" stroke="${ink}" stroke-width="2.2" stroke-linecap="round"/>`
// Where there is no tray title (Linux, Windows) the count of cases in analysis replaces the dot: 1–9, then 9+.
const countBadges = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9plus']
const countGlyph = (badge) => (ink) =>
  `${openRing(ink)}<text x="8" y="${badge === '9plus' ? 10.1 : 11.1}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700"
    font-size="${badge === '9plus' ? 5.6 : 8.6}" letter-spacing="${badge === '9plus' ? -0.4 : 0}" fill="${ink}">${badge === '9plus' ? '9+' : badge}</text>`
const trayGlyphs = {
  idle: (ink) => `<circle cx="8" cy="8" r="6" fill="none" stroke="${ink}" stroke-width="2"/>
    <path d="M5.2 8.3 7.2 10.3 10.9 6.3" fill="none" stroke="${ink}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  analysing: (ink) => `${openRing(ink)}<circle cx="8" cy="8" r="2.2" fill="${ink}"/>`,
  attention: (ink) => `<mask id="bang"><rect width="16" height="16" fill="#fff"/>
      <rect x="7" y="3.6" width="2" height="5.6" rx="1" fill="#000"/><circle cx="8" cy="11.6" r="1.15" fill="#000"/></mask>
    <circle cx="8" cy="8" r="7.2" fill="${ink}" mask="url(#bang)"/>`,
  degraded: (
    ink,
  ) => `<circle cx="8" cy="8" r="6" fill="none" stroke="${ink}" stroke-width="2" stroke-dasharray="5.4 4.02" transform="rotate(-20 8 8)"/>
    <path d="M5.4 9.2 7.1 7 8.9 9 10.6 6.8" fill="none" stroke="${ink}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  dnd: (ink) => `<mask id="moon"><rect width="16" height="16" fill="#fff"/><circle cx="11.4" cy="4.8" r="5.4" fill="#000"/></mask>
    <circle cx="8" cy="8" r="6.8" fill="${ink}" mask="url(#moon)"/>`,
}

// Colours for the Linux and Windows trays; the shape carries the meaning, the colour only helps.
const trayInks = { idle: '#1f8a7a', analysing: '#2f6fdf', attention: '#d9480f', degraded: '#868e96', dnd: '#7048e8' }
const templateInk = '#000'
const traySvg = (state, ink) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${trayGlyphs[state](ink)}</svg>`

const appIconSizes = [16, 32, 48, 64, 128, 256, 512]
const appIcoSizes = [16, 24, 32, 48, 64, 128, 256]
// Windows picks a tray size from the display scale: 16 at 100 %, 20 at 125 %, 24 at 150 %, 32 at 200 %.
const trayIcoSizes = [16, 20, 24, 32, 40, 48, 64]
// ICNS chunk types with PNG payloads and their pixel sizes (the @2x types hold twice the point size).
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
]

function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach(([size, png], index) => {
    const entry = 6 + index * 16
    header[entry] = size >= 256 ? 0 : size
    header[entry + 1] = size >= 256 ? 0 : size
    header.writeUInt16LE(1, entry + 4)
    header.writeUInt16LE(32, entry + 6)
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...pngs.map(([, png]) => png)])
}

function icns(chunks) {
  const parts = chunks.map(([type, png]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
})
const page = await browser.newPage()
async function render(svg, size) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  )
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
}
function write(path, data) {
  mkdirSync(dirname(join(resources, path)), { recursive: true })
  writeFileSync(join(resources, path), data)
}

try {
  const app = {}
  for (const size of new Set([...appIconSizes, ...appIcoSizes, ...icnsTypes.map(([, px]) => px)])) app[size] = await render(appIcon, size)
  write('icon.png', app[512])
  for (const size of appIconSizes) write(`icons/${size}x${size}.png`, app[size])
  write('icon.ico', ico(appIcoSizes.map((size) => [size, app[size]])))
  write('icon.icns', icns(icnsTypes.map(([type, px]) => [type, app[px]])))

  for (const state of Object.keys(trayGlyphs)) {
    const colour = traySvg(state, trayInks[state])
    const template = traySvg(state, templateInk)
    write(`tray/${state}.png`, await render(colour, 16))
    write(`tray/${state}@2x.png`, await render(colour, 32))
    write(`tray/${state}Template.png`, await render(template, 16))
    write(`tray/${state}Template@2x.png`, await render(template, 32))
    const sizes = []
    for (const size of trayIcoSizes) sizes.push([size, await render(colour, size)])
    write(`tray/${state}.ico`, ico(sizes))
  }
  for (const badge of countBadges) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${countGlyph(badge)(trayInks.analysing)}</svg>`
    write(`tray/analysing-${badge}.png`, await render(svg, 16))
    write(`tray/analysing-${badge}@2x.png`, await render(svg, 32))
    const sizes = []
    for (const size of trayIcoSizes) sizes.push([size, await render(svg, size)])
    write(`tray/analysing-${badge}.ico`, ico(sizes))
  }
} finally {
  await browser.close()
}
