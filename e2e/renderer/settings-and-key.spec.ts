import { expect, test } from '../fixtures/app-harness'

test('the key goes to main and never comes back; a rejected key is refused with a reason', async ({ harness }) => {
  const { page, simulator } = harness
  await harness.open()
  await expect(page.getByText('You are looking at demo data.')).toBeVisible()

  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Where your Veridox account lives').selectOption('custom')
  await page.getByLabel('Custom address').fill(simulator.baseUrl)
  await page.getByLabel('Custom address').press('Enter')

  const keyField = page.getByLabel('Veridox API key')
  await keyField.fill('vdx_definitely_wrong_key')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByText(/Veridox rejected that key/)).toBeVisible()
  await expect(keyField).toHaveValue('')

  await keyField.fill('vdx_simulator')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByText('A key is saved')).toBeVisible()
  await expect(page.getByText('You are looking at demo data.')).toHaveCount(0)
  await expect(page.getByRole('banner').first()).toContainText(new URL(simulator.baseUrl).host)

  const html = await page.content()
  expect(html).not.toContain('vdx_simulator')
  expect(html).not.toContain('vdx_definitely_wrong_key')
  const snapshot = await page.evaluate(() => window.caseMonitor.commands.getSnapshot())
  expect(JSON.stringify(snapshot)).not.toContain('vdx_')
  expect(snapshot.ok && snapshot.value.settings.hasApiKey).toBe(true)

  await page.getByRole('button', { name: 'Remove key' }).click()
  await expect(page.getByText('You are looking at demo data.')).toBeVisible()
})

test('the bridge refuses commands that break the contract', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const results = await page.evaluate(async () => {
    // Deliberately off-contract calls, as a compromised page might make them.
    const bridge = window.caseMonitor as unknown as { commands: Record<string, (...args: unknown[]) => Promise<unknown>> }
    return Promise.all([
      bridge.commands.watchCases!({ caseIds: ['../../etc/passwd'] }),
      bridge.commands.setCredential!({ kind: 'access_token', secret: 'has spaces in it' }),
      bridge.commands.setCredential!({ kind: 'api_key', secret: 'vdx_simulator', storage: 'anywhere' }),
      bridge.commands.updateSettings!({ customBaseUrl: 'http://evil.example.com' }),
      bridge.commands.unwatchCase!({ caseId: '019bfb3c-1257-7455-af2e-0cd3cadab5c7', extra: true }),
    ])
  })
  for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  expect(JSON.stringify(results)).toMatch(/not a Veridox case ID/)
})
