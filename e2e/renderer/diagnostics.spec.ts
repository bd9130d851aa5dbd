import { expect, test } from '../fixtures/app-harness'

test.use({
  simulatorOptions: {
    analysisMs: 60_000,
    heartbeatMs: 500,
    retryMs: 200,
    demoCases: 0,
    seed: 11,
    apiKeys: ['vdx_simulator', 'vdx_support_4471'],
  },
})

test('diagnostics from the header copy as text for a support call, without the saved key', async ({ harness }) => {
  const { page, simulator } = harness
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await harness.open()
  const banner = page.getByRole('banner').first()
  await banner.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Where your Veridox account lives').selectOption('custom')
  await page.getByLabel('Custom address').fill(simulator.baseUrl)
  await page.getByLabel('Custom address').press('Enter')
  await page.getByLabel('Veridox API key').fill('vdx_support_4471')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByText('A key is saved')).toBeVisible()
  await page.keyboard.press('Escape')

  const caseIds = ['Claim A', 'Claim B'].map(
    (label) =>
      simulator.control.createCase({ apiKey: 'vdx_support_4471', label, fileLabels: ['a.pdf'], fileDurationsMs: [120_000] }).caseId,
  )
  await page.getByLabel('Case IDs or dashboard links to watch').fill(caseIds.join('\n'))
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-case-id]').getByText('Live', { exact: true })).toHaveCount(2, { timeout: 15_000 })

  await banner.getByRole('button', { name: 'Diagnostics' }).click()
  const dialog = page.getByRole('dialog', { name: 'Diagnostics' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('2 of 10 in use')
  await expect(dialog.getByRole('row', { name: /Claim A/ })).toContainText('Live · stream')
  await page.screenshot({ path: test.info().outputPath('diagnostics.png') })

  await dialog.getByRole('button', { name: 'Copy as text' }).click()
  await expect(dialog.getByText('Copied', { exact: true })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain(`Veridox: ${new URL(simulator.baseUrl).host}`)
  expect(copied).toContain('Streams: 2 of 10 in use')
  for (const caseId of caseIds) expect(copied).toMatch(new RegExp(`${caseId} "Claim [AB]": live via stream; last event \\S+`))
  expect(copied).not.toContain('vdx_')

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(banner.getByRole('button', { name: 'Diagnostics' })).toBeFocused()
})
