import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Credential } from '../../shared/credential-rules'
import type { Simulator } from '../../simulator'
import { startTestSimulator } from '../monitor/monitor-test-kit'
import { systemClock } from '../runtime/clock'
import { silentLog } from '../runtime/log'
import { createKeyVerifier } from './key-verification'

let simulator: Simulator
beforeEach(async () => {
  simulator = await startTestSimulator({ apiKeys: ['vdx_simulator', 'vdx_revoked_key'] })
})
afterEach(() => simulator.close())

const verify = createKeyVerifier({ fetch, clock: systemClock, log: silentLog })
const token = (secret: string): Credential => ({ kind: 'access_token', secret })
const key = (secret: string): Credential => ({ kind: 'api_key', secret })
const rejection = (credential: Credential) =>
  verify(credential, simulator.baseUrl).then(
    () => null,
    (error: unknown) => error,
  )

describe('a new credential is checked against /authentication/status', () => {
  it('accepts an active API key and a live session token', async () => {
    await expect(verify(key('vdx_simulator'), simulator.baseUrl)).resolves.toBeUndefined()
    await expect(verify(token(simulator.control.issueAccessToken()), simulator.baseUrl)).resolves.toBeUndefined()
  })

  it('explains an expired or revoked access token in words', async () => {
    const expired = simulator.control.issueAccessToken()
    simulator.control.revokeAccessToken(expired)
    const host = new URL(simulator.baseUrl).host
    expect(await rejection(token(expired))).toMatchObject({
      code: 'key_rejected',
      message: `Veridox at ${host} did not accept this access token (expired or revoked?). Copy a new one from the Veridox dashboard, or use an API key.`,
    })
  })

  it('explains an unknown API key, and a revoked one, in words of their own', async () => {
    const host = new URL(simulator.baseUrl).host
    expect(await rejection(key('vdx_nobody_knows'))).toMatchObject({
      code: 'key_rejected',
      message: `Veridox at ${host} did not accept this API key. Check that it was copied in full and try again.`,
    })
    simulator.control.revokeKey('vdx_revoked_key')
    expect(await rejection(key('vdx_revoked_key'))).toMatchObject({
      code: 'key_rejected',
      message: `Veridox at ${host} says this API key has been revoked. Ask your organisation administrator for a new one.`,
    })
  })

  it('an API key entered as an access token is still checked as the header it travels in (Bearer)', async () => {
    await expect(verify(token('vdx_simulator'), simulator.baseUrl)).resolves.toBeUndefined()
    expect(await rejection(token('vdx_nobody_knows'))).toMatchObject({ code: 'key_rejected', message: /access token/ })
  })
})
