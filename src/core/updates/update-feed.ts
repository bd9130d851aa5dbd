import { load } from 'js-yaml'
import { valid } from 'semver'
import { z } from 'zod'
import type { UpdateFailure } from '../../shared/updates'

/** A `latest*.yml` is a few hundred bytes; anything this large is not one (a captive portal, a proxy's page, a wrong file). */
export const maxFeedBytes = 64 * 1024
export const feedTimeoutMs = 20_000
// Node's RequestInit type lacks `cache`; Chromium's net.fetch honours it, and a cached feed would hide a release.
const noStore = { cache: 'no-store' } as RequestInit

// electron-builder's generic provider: latest.yml (Windows), latest-mac.yml, latest-linux.yml, latest-linux-<arch>.yml.
export function feedFileName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml'
  if (platform === 'darwin') return 'latest-mac.yml'
  return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`
}

const releaseSchema = z.object({
  version: z
    .string()
    .max(64)
    .refine((value) => valid(value) !== null),
  files: z
    .array(z.object({ url: z.string().min(1).max(2048), sha512: z.string().min(1).max(200) }))
    .min(1)
    .max(50),
})

export interface FeedRelease {
  version: string
}

export class UpdateFeedError extends Error {
  constructor(readonly failure: UpdateFailure) {
    super(`update feed: ${failure}`)
    this.name = 'UpdateFeedError'
  }
}

export interface FeedRequest {
  fetch: typeof fetch
  feedUrl: string
  fileName: string
  signal: AbortSignal
  timeoutMs?: number
}

function feedFileUrl(feedUrl: string, fileName: string): string {
  // Relative to the feed as a folder, as electron-updater resolves it, whether or not the address ends in '/'.
  return new URL(fileName, feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`).href
}

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxFeedBytes) throw new UpdateFeedError('not_a_feed')
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body?.getReader()
  if (!reader) return ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks).toString('utf8')
    size += value.byteLength
    if (size > maxFeedBytes) {
      void reader.cancel().catch(() => undefined)
      throw new UpdateFeedError('not_a_feed')
    }
    chunks.push(value)
  }
}

function parseRelease(text: string): FeedRelease {
  let document: unknown
  try {
    document = load(text, { json: true })
  } catch {
    throw new UpdateFeedError('not_a_feed')
  }
  const parsed = releaseSchema.safeParse(document)
  if (!parsed.success) throw new UpdateFeedError('not_a_feed')
  return { version: parsed.data.version }
}

function failureOf(error: unknown, timeout: AbortSignal): UpdateFeedError {
  if (error instanceof UpdateFeedError) return error
  if (timeout.aborted) return new UpdateFeedError('timed_out')
  return new UpdateFeedError('unreachable')
}

/** The release a feed offers, or an `UpdateFeedError` saying in one word why there is none. */
export async function readFeedRelease(request: FeedRequest): Promise<FeedRelease> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? feedTimeoutMs)
  const signal = AbortSignal.any([request.signal, timeout])
  try {
    const response = await request.fetch(feedFileUrl(request.feedUrl, request.fileName), {
      signal,
      ...noStore,
      headers: { accept: 'application/x-yaml, text/yaml, */*' },
    })
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined)
      throw new UpdateFeedError(response.status === 404 || response.status === 410 ? 'not_found' : 'server_error')
    }
    return parseRelease(await readCapped(response))
  } catch (error) {
    if (request.signal.aborted) throw error
    throw failureOf(error, timeout)
  }
}
