import type { RegionId } from '../../shared/backend'

export const maxBaseUrlLength = 2048

// WHATWG URL parsing has already put IPv4 hosts in dotted-decimal form (127.1 and 0x7f.0.0.1 become
// 127.0.0.1) and IPv6 hosts in bracketed short form, so plain string checks are enough here.
const ipv4Loopback = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/

function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || ipv4Loopback.test(hostname)
}

/** Why a custom Veridox address cannot be used, in words the analyst can act on; null when it can. */
export function customBaseUrlProblem(value: string): string | null {
  if (value.length > maxBaseUrlLength) return 'That address is too long.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter the full address of your Veridox host, such as https://veridox.example.com.'
  }
  if (value !== value.trim()) return 'The address may not start or end with spaces.'
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address must start with https://.'
  // The API key travels in a header, so it may cross the network only encrypted; plain http is for a simulator on this computer.
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return 'Use an https:// address. Plain http:// is allowed only for this computer (localhost).'
  }
  if (url.username !== '' || url.password !== '') return 'The address may not hold a user name or password; add the API key separately.'
  // Request paths are appended to the address, so even an empty `?` or `#` would swallow them.
  if (/[?#]/.test(value)) return 'The address may not hold a query (?) or a fragment (#).'
  return null
}

/** The one rule for where Case Monitor may send the key: checked before any region or address is saved. */
export function endpointProblem(endpoint: { region: RegionId; customBaseUrl: string | null }): string | null {
  if (endpoint.customBaseUrl !== null) {
    const problem = customBaseUrlProblem(endpoint.customBaseUrl)
    if (problem) return problem
  }
  if (endpoint.region === 'custom' && !endpoint.customBaseUrl) return 'Enter the address of your Veridox host to use a custom region.'
  return null
}
