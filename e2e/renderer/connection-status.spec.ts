import { expect, test, type AppHarness } from '../fixtures/app-harness'

test.use({ simulatorOptions: { analysisMs: 60_000, heartbeatMs: 500, retryMs: 200, demoCases: 0, seed: 11 } })

async function watchNewCases(harness: AppHarness, labels: string[]): Promise<string[]> {
  const caseIds = labels.map(
    (label) => harness.simulator.control.createCase({ label, fileLabels: ['a.pdf'], fileDurationsMs: [120_000] }).caseId,
  )
  await harness.page.getByLabel('Case IDs or dashboard links to watch').fill(caseIds.join('\n'))
  await harness.page.keyboard.press('Enter')
  return caseIds
}

const header = (harness: AppHarness) => harness.page.getByRole('banner').first()
const rows = (harness: AppHarness) => harness.page.locator('[data-case-id]')

test('offline is told once in the header, with since when; rows only say when they were last updated', async ({ harness }) => {
  await harness.open()
  await watchNewCases(harness, ['Claim A', 'Claim B', 'Claim C'])
  await expect(rows(harness).getByText('Live', { exact: true })).toHaveCount(3, { timeout: 15_000 })
  await expect(header(harness).getByText('Live', { exact: true })).toBeVisible()

  harness.app.setSystemState({ isAsleep: true, isNetworkOnline: true })
  await expect(header(harness).getByText(/^Offline since \d{1,2}:\d{2}/)).toBeVisible()
  await expect(harness.page.getByText(/Offline/)).toHaveCount(1)
  await expect(rows(harness).getByText('Updated just now', { exact: true })).toHaveCount(3)
  await expect(rows(harness).locator('.problem')).toHaveCount(0)
  await harness.page.screenshot({ path: test.info().outputPath('offline.png') })

  harness.app.setSystemState({ isAsleep: false, isNetworkOnline: true })
  await expect(header(harness).getByText('Live', { exact: true })).toBeVisible({ timeout: 15_000 })
  await expect(rows(harness).getByText('Live', { exact: true })).toHaveCount(3, { timeout: 15_000 })
})

test('a rate limit is told once in the header, until when, not as a problem on the row', async ({ harness }) => {
  await harness.open()
  harness.simulator.control.setFaults({ faults: [{ kind: 'rate-limit', retryAfterSeconds: 20, count: 1, routes: ['get'] }] })
  await watchNewCases(harness, ['Limited claim'])
  await expect(header(harness).getByText(/^Rate-limited until \d{1,2}:\d{2}:\d{2}/)).toBeVisible({ timeout: 15_000 })
  await expect(rows(harness).getByText(/limiting/)).toHaveCount(0)
  await harness.page.screenshot({ path: test.info().outputPath('rate-limited.png') })
})

test('streams blocked by a proxy are told in words in the header, not "Polling (stream blocked)" on every row', async ({ harness }) => {
  await harness.open()
  harness.simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'] }] })
  await watchNewCases(harness, ['Proxy claim A', 'Proxy claim B', 'Proxy claim C'])
  await expect(header(harness).getByText('Live updates blocked by a proxy', { exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(header(harness).locator('[title*="3 cases are checked every few minutes"]')).toBeVisible({ timeout: 10_000 })
  await expect(rows(harness).getByText(/Polling|stream blocked/)).toHaveCount(0)
  await expect(rows(harness).locator('.problem')).toHaveCount(0)
  await expect(rows(harness).getByText(/^Updated /)).toHaveCount(3)
  await harness.page.screenshot({ path: test.info().outputPath('streams-blocked.png') })
})
