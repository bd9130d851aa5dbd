import Module from 'node:module'
import { resolve } from 'node:path'
import { createElectronStandIn } from './electron-stand-in'

// Runs a built main bundle as Electron would, with `electron` resolved to the stand-in.
// Usage: node --expose-gc launch.cjs out/main/index.js
const bundle = resolve(process.argv[2] ?? 'out/main/index.js')
const electronId = resolve(__dirname, '__electron-stand-in__.js')
const moduleInternals = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string
  _cache: Record<string, unknown>
}
const resolveFilename = moduleInternals._resolveFilename
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'electron' ? electronId : resolveFilename.call(this, request, ...rest)
}
const standIn = new Module(electronId)
standIn.filename = electronId
standIn.loaded = true
standIn.exports = createElectronStandIn()
moduleInternals._cache[electronId] = standIn
// Electron sets these for the main process.
Object.assign(process, { type: 'browser', resourcesPath: resolve(bundle, '../../..') })
Object.assign(process.versions, { electron: '45.5.0', chrome: '156.0.0.0' })
// A static import would be hoisted above the resolver hook; the bundle must load after it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(bundle)
