import Conf from 'conf'
import { join } from 'node:path'
import type { Log } from '../runtime/log'
import { openJsonDocument, type JsonDocument } from './json-document'

/** A JSON document in a folder of the caller's choosing, for the CLI and tests (the app uses electron-store). */
export function openConfDocument(options: { directory: string; name: string; log: Log; now: () => number }): JsonDocument {
  return openJsonDocument({
    filePath: join(options.directory, `${options.name}.json`),
    create: () => new Conf<Record<string, unknown>>({ cwd: options.directory, configName: options.name, projectName: 'case-monitor' }),
    log: options.log,
    now: options.now,
  })
}
