import type { RegionId } from './backend'

export const maxBaseUrlLength = 2048

/** Every way an address can be unfit to receive the key; each front end words them for its own reader. */
export type BaseUrlFault =
  'too_long' | 'not_an_address' | 'surrounding_spaces' | 'not_http' | 'plain_http_off_machine' | 'credentials' | 'query_or_fragment'

// WHATWG URL parsing has already put IPv4 hosts in dotted-decimal form (127.1 and 0x7f.0.0.1 become
// 127.0.0.1) and IPv6 hosts in bracketed short form, so plain string checks are enough here.
const ipv4Loopback = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || ipv4Loopback.test(hostname)
}

/** The one rule for where Case Monitor may send the key, for the app, its IPC boundary and the CLI alike. */
export function baseUrlFault(value: string): BaseUrlFault | null {
  if (value.length > maxBaseUrlLength) return 'too_long'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'not_an_address'
  }
  if (value !== value.trim()) return 'surrounding_spaces'
  // URL parsing silently drops tabs and line breaks inside an address; one that holds them was not typed as meant.
  if ([...value].some((char) => char < ' ' || char === '\x7f')) return 'not_an_address'
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not_http'
  // The API key travels in a header, so it may cross the network only encrypted; plain http is for a simulator on this computer.
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) return 'plain_http_off_machine'
  if (url.username !== '' || url.password !== '') return 'credentials'
  // Request paths are appended to the address, so even an empty `?` or `#` would swallow them.
  if (/[?#]/.test(value)) return 'query_or_fragment'
  return null
}

const analystWords: Record<BaseUrlFault, string> = {
  too_long: 'That address is too long.',
  not_an_address: 'Enter the full address of your Veridox host, such as https://veridox.example.com.',
  surrounding_spaces: 'The address may not start or end with spaces.',
  not_http: 'The address must start with https://.',
  plain_http_off_machine: 'Use an https:// address. Plain http:// is allowed only for this computer (localhost).',
  credentials: 'The address may not hold a user name or password; add the API key separately.',
  query_or_fragment: 'The address may not hold a query (?) or a fragment (#).',
}

/** Why a custom Veridox address cannot be used, in words the analyst can act on; null when it can. */
export function customBaseUrlProblem(value: string): string | null {
  const fault = baseUrlFault(value)
  return fault === null ? null : analystWords[fault]
}

/** Checked before any region or address is saved. */
export function endpointProblem(endpoint: { region: RegionId; customBaseUrl: string | null }): string | null {
  if (endpoint.customBaseUrl !== null) {
    const problem = customBaseUrlProblem(endpoint.customBaseUrl)
    if (problem) return problem
  }
  if (endpoint.region === 'custom' && !endpoint.customBaseUrl) return 'Enter the address of your Veridox host to use a custom region.'
  return null
}
