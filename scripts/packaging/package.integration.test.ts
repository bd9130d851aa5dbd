import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `npm run dist -- --prebuilt --linux dir` for real, on the built out/, with electron-builder's `electronDist`
// pointed at a stand-in for the Electron runtime (which cannot be downloaded here): an executable holding the
// fuse wire as Electron ships it (sentinel, wire version 1, 8 fuses). So this proves what the packaged app
// holds (app.asar, the update feed) and that electron-builder really flips the fuses the config names.

const root = resolve(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'case-monitor-package-'))
const appDir = join(work, 'dist/linux-unpacked')
const asar = join(appDir, 'resources/app.asar')
let run: { status: number | null; stderr: string }
// A fuse's byte in the wire: ASCII '0' off, '1' on (@electron/fuses' FuseState, which its index does not export).
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) }

function writeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  // RunAsNode, NodeOptions, NodeCliInspect and GrantFileProtocolExtraPrivileges on; the rest off (Electron's defaults).
  const wire = Buffer.from('10110001')
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\n'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, wire.length]),
    wire,
  ])
  writeFileSync(join(dir, 'electron'), binary)
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
}

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Run `npm run build` first: this packages the built out/.')
  writeStandInElectron(join(work, 'electron'))
  const config = join(work, 'electron-builder.json')
  writeFileSync(
    config,
    JSON.stringify({
      extends: 'electron-builder.config.ts',
      electronDist: join(work, 'electron'),
      directories: { output: join(work, 'dist') },
    }),
  )
  run = spawnSync(process.execPath, ['scripts/dist.mjs', '--prebuilt', '--linux', 'dir', '--config', config], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_BUILDER_CACHE: join(work, 'builder-cache'), FORCE_COLOR: '0' },
    timeout: 120_000,
  })
}, 130_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the packaged app (Linux, unpacked, on a stand-in Electron binary)', () => {
  it('is built under its executable name', () => {
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(existsSync(join(appDir, 'case-monitor'))).toBe(true)
  })

  it('has RunAsNode, NODE_OPTIONS and --inspect off, cookie encryption, ASAR integrity and only-load-from-ASAR on', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'case-monitor'))
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      cliInspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      cookieEncryption: FuseState.ENABLE,
      nodeOptions: FuseState.DISABLE,
      cliInspect: FuseState.DISABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyLoadAppFromAsar: FuseState.ENABLE,
    })
  })

  it('holds the built main, preload, renderer, resources and production dependencies in app.asar, and nothing else of ours', () => {
    const files = listPackage(asar, { isPack: false }).map((path) => path.replaceAll('\\', '/'))
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.js',
        '/out/renderer/index.html',
        '/resources/icon.png',
        '/node_modules/zod/package.json',
      ]),
    )
    expect(files.some((path) => /^\/out\/renderer\/assets\/index-[^/]+\.js$/.test(path))).toBe(true)
    const ours = files.filter((path) => path !== '/node_modules' && !path.startsWith('/node_modules/'))
    expect(ours.filter((path) => !/^\/(package\.json|out\/(main|preload|renderer)(\/.*)?|out|resources(\/.*)?)$/.test(path))).toEqual([])
    expect(ours.filter((path) => path.endsWith('.map'))).toEqual([])
    expect(files.filter((path) => /^\/node_modules\/(electron|electron-builder|vitest|@electron\/[^/]+)(\/|$)/.test(path))).toEqual([])
  })

  it('reads its update feed from the generic provider', () => {
    const feed = readFileSync(join(appDir, 'resources/app-update.yml'), 'utf8')
    expect(feed).toMatch(/^provider: generic$/m)
    expect(feed).toMatch(/^url: https:\/\/updates\.veridox\.ai\/case-monitor$/m)
  })
})
