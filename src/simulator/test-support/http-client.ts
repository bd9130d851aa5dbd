import { request } from 'node:http'

export interface HttpResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: unknown
}

/** A plain node:http call, so tests see exactly what went over the wire. */
export function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.key !== null) headers['x-api-key'] = options.key ?? 'vdx_simulator'
  const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  if (payload !== undefined) headers['content-type'] ??= 'application/json'
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown = undefined
        try {
          json = text === '' ? undefined : JSON.parse(text)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(payload)
  })
}

export const get = (baseUrl: string, path: string, key?: string | null) => call(baseUrl, 'GET', path, { key })
