import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SessionBus {
  /** As DBUS_SESSION_BUS_ADDRESS carries it. */
  address: string
  close(): Promise<void>
}

/**
 * A private D-Bus session bus, as a desktop session has one: the app asks it whether a
 * StatusNotifierWatcher (a tray host) is running. On this bus nothing owns that name, as on stock GNOME.
 */
export async function startSessionBus(): Promise<SessionBus> {
  const folder = mkdtempSync(join(tmpdir(), 'case-monitor-bus-'))
  const address = `unix:path=${join(folder, 'bus')}`
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', `--address=${address}`, '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let errors = ''
    daemon.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')))
    daemon.stdout.once('data', () => resolve())
    daemon.once('error', (error) =>
      reject(new Error(`dbus-daemon could not start (Debian: apt-get install dbus-daemon): ${error.message}`)),
    )
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}: ${errors.slice(0, 300)}`)))
  })
  return {
    address,
    close: () =>
      new Promise((resolve) => {
        daemon.once('exit', () => {
          rmSync(folder, { recursive: true, force: true })
          resolve()
        })
        daemon.kill()
      }),
  }
}
