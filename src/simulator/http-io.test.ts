import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './index'
import { call } from './test-support/http-client'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator({ control: true })
})
afterEach(() => sim.close())

const oneMegabyte = 1024 * 1024
const labelOfSize = (bytes: number) => JSON.stringify({ label: 'x'.repeat(bytes - '{"label":""}'.length) })
const tooLarge = { error_code: 'request.payload-too-large', error_message: 'The request body is too large.' }

describe('request bodies over 1 MB', () => {
  it('are answered 413 in the Veridox envelope on an API route, over node:http', async () => {
    const res = await call(sim.baseUrl, 'POST', '/cases', { body: labelOfSize(oneMegabyte + 1) })
    expect(res.status).toBe(413)
    expect(res.json).toEqual(tooLarge)
  })

  it('are answered 413 in the envelope to fetch, which the app uses, and the connection serves the next request', async () => {
    const res = await fetch(`${sim.baseUrl}/cases`, {
      method: 'POST',
      headers: { 'x-api-key': 'vdx_simulator', 'content-type': 'application/json' },
      body: labelOfSize(3 * oneMegabyte),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual(tooLarge)
    expect((await fetch(`${sim.baseUrl}/cases`, { headers: { 'x-api-key': 'vdx_simulator' } })).status).toBe(200)
  })

  it('are answered 413 in the envelope on a control route', async () => {
    const res = await call(sim.baseUrl, 'POST', '/__simulator/cases', { key: null, body: labelOfSize(2 * oneMegabyte) })
    expect(res.status).toBe(413)
    expect(res.json).toEqual(tooLarge)
  })

  it('are read in full up to 1 MB: a body of exactly 1 MB reaches validation', async () => {
    const res = await call(sim.baseUrl, 'POST', '/cases', { body: labelOfSize(oneMegabyte) })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ error_code: 'request.validation.invalid', error_details: { field: 'label' } })
  })
})
