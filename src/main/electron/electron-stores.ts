import { app } from 'electron'
import Store from 'electron-store'
import { join } from 'node:path'
import type { ProfileDocuments } from '../../core/app/backend-session'
import { openJsonDocument, type JsonDocument } from '../../core/persistence/json-document'
import type { Log } from '../../core/runtime/log'

/** electron-store files under the app's userData folder, set aside and rebuilt if corrupted. */
export function openElectronDocument(name: string, log: Log): JsonDocument {
  const directory = app.getPath('userData')
  return openJsonDocument({
    filePath: join(directory, `${name}.json`),
    create: () => new Store<Record<string, unknown>>({ name, cwd: directory, clearInvalidConfig: false }),
    log,
    now: Date.now,
  })
}

export function openElectronProfileDocuments(profileId: string, log: Log): ProfileDocuments {
  return {
    watchList: openElectronDocument(`profiles/${profileId}/watch-list`, log),
    ledger: openElectronDocument(`profiles/${profileId}/completion-ledger`, log),
  }
}
