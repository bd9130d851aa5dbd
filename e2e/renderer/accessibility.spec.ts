import { expect, test } from '../fixtures/app-harness'
import { expectNoSeriousViolations, iconContrast } from '../fixtures/axe'
import { watchTriageCases } from '../fixtures/triage-cases'

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('the list, an open case, a not-found case, a bad ID and settings have no serious axe violations', async ({ harness }) => {
      const { page } = harness
      await harness.open()
      const rows = page.locator('[data-case-id]')
      await expect(rows).toHaveCount(4)
      await expect(rows.filter({ hasText: /\d+%/ }).first()).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: cases analysing`)
      await expect(rows.filter({ hasText: /(Done|Needs review) ·/ }).first()).toBeVisible({ timeout: 20_000 })
      await expectNoSeriousViolations(page, `${colorScheme}: list with demo cases`)
      const resting = rows.nth(1)
      for (const name of [/^Pin /, /^Mute notifications/]) {
        const button = resting.getByRole('button', { name, pressed: false })
        expect(await iconContrast(button), `${colorScheme}: resting ${name} icon`).toBeGreaterThanOrEqual(3)
      }

      await rows
        .first()
        .getByRole('button', { name: /^Show files of/ })
        .click()
      await expect(rows.first().getByRole('list', { name: /^Files of/ })).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: case open`)
      await page.screenshot({ path: test.info().outputPath(`list-${colorScheme}.png`) })

      const input = page.getByLabel('Case IDs or dashboard links to watch')
      await input.fill('019bfb3c-1257-7455-af2e-0cd3cadab5c7')
      await input.press('Enter')
      await expect(page.locator('[data-case-id="019bfb3c-1257-7455-af2e-0cd3cadab5c7"]')).toContainText('Not found')
      await input.fill('claim 42 please')
      await input.press('Enter')
      await expect(input).toHaveAttribute('aria-invalid', 'true')
      await expectNoSeriousViolations(page, `${colorScheme}: not found and bad ID`)

      await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: settings open`)
    })

    test('the detail of a completed case with a failed file has no serious axe violations', async ({ harness }) => {
      const { page, simulator } = harness
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await harness.open()
      const { caseId } = simulator.control.createCase({
        label: 'Detail with a failure',
        fileLabels: ['passport.jpg', 'scan.pdf'],
        outcomes: ['success', 'failed'],
        fileDurationsMs: [1_000, 1_500],
      })
      await page.getByLabel('Case IDs or dashboard links to watch').fill(caseId)
      await page.keyboard.press('Enter')
      const row = page.locator(`[data-case-id="${caseId}"]`)
      await expect(row).toContainText('Needs review', { timeout: 20_000 })
      await row.getByRole('button', { name: 'Show files of Detail with a failure' }).click()
      await expect(row.getByRole('group', { name: 'Timeline of scan.pdf' })).toContainText('Failed')
      await row.getByRole('button', { name: 'Copy summary' }).click()
      await expect(row.getByRole('status')).toHaveText('Summary copied')
      await expectNoSeriousViolations(page, `${colorScheme}: case detail with a failed file`)
    })

    test('triage groups, a failed file, waiting for upload, a deleted case and new completions have no serious axe violations', async ({
      harness,
    }) => {
      const { page } = harness
      await watchTriageCases(harness)
      await expect(page.locator('.new-mark').first()).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: triage`)
      await page.getByLabel('Filter by risk').selectOption('high')
      await expectNoSeriousViolations(page, `${colorScheme}: risk filter`)
    })

    test('a refused key in settings and a token revoked mid-session have no serious axe violations', async ({ harness }) => {
      const { page, simulator } = harness
      await harness.open()
      await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
      await page.getByLabel('Where your Veridox account lives').selectOption('custom')
      await page.getByLabel('Custom address').fill(simulator.baseUrl)
      await page.getByLabel('Custom address').press('Enter')
      await page.getByLabel('Veridox API key').fill('vdx_definitely_wrong_key')
      await page.getByRole('button', { name: 'Save key' }).click()
      await expect(page.getByText(/Veridox rejected that key/)).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: key refused in settings`)

      const token = simulator.control.issueAccessToken()
      await page.getByRole('radio', { name: 'Access token' }).check()
      await page.getByLabel('Veridox access token').fill(token)
      await page.getByRole('button', { name: 'Save token' }).click()
      await expect(page.getByText('An access token is saved')).toBeVisible()
      await page.keyboard.press('Escape')
      const { caseId } = simulator.control.createCase({ label: 'Token claim', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
      await page.getByLabel('Case IDs or dashboard links to watch').fill(caseId)
      await page.keyboard.press('Enter')
      await expect(page.locator(`[data-case-id="${caseId}"]`).getByText('Live', { exact: true })).toBeVisible()

      simulator.control.revokeAccessToken(token)
      simulator.control.dropAllStreams()
      await expect(page.getByText(/no longer accepts the saved access token/)).toBeVisible({ timeout: 20_000 })
      await expectNoSeriousViolations(page, `${colorScheme}: token revoked`)
      await page.screenshot({ path: test.info().outputPath(`token-revoked-${colorScheme}.png`) })
    })

    test('a stream blocked by a proxy and a dropped connection have no serious axe violations', async ({ harness }) => {
      const { page, simulator } = harness
      await harness.open()
      const blocked = simulator.control.createCase({ label: 'Behind a proxy', fileLabels: ['a.pdf'], fileDurationsMs: [60_000] })
      const dropped = simulator.control.createCase({ label: 'Server trouble', fileLabels: ['b.pdf'], fileDurationsMs: [60_000] })
      simulator.control.setFaults({
        faults: [
          { kind: 'html-page', routes: ['stream'], caseIds: [blocked.caseId] },
          { kind: 'server-error', status: 503, caseIds: [dropped.caseId] },
        ],
      })
      await page.getByLabel('Case IDs or dashboard links to watch').fill(`${blocked.caseId} ${dropped.caseId}`)
      await page.keyboard.press('Enter')
      await expect(page.locator(`[data-case-id="${blocked.caseId}"]`)).toContainText('Polling (stream blocked)', { timeout: 20_000 })
      await expect(page.locator(`[data-case-id="${dropped.caseId}"]`)).toContainText(/Reconnecting/, {
        timeout: 20_000,
      })
      await expectNoSeriousViolations(page, `${colorScheme}: stream blocked and server trouble`)
      await page.screenshot({ path: test.info().outputPath(`trouble-${colorScheme}.png`) })
    })

    test('the header saying streams are blocked by a proxy, then offline, rows deferring to it, and diagnostics have no serious axe violations', async ({
      harness,
    }) => {
      const { page, simulator } = harness
      await harness.open()
      const created = ['Proxy A', 'Proxy B'].map(
        (label) => simulator.control.createCase({ label, fileLabels: ['a.pdf'], fileDurationsMs: [60_000] }).caseId,
      )
      simulator.control.setFaults({ faults: [{ kind: 'html-page', routes: ['stream'] }] })
      await page.getByLabel('Case IDs or dashboard links to watch').fill(created.join(' '))
      await page.keyboard.press('Enter')
      const header = page.getByRole('banner').first()
      await expect(header.getByText('Live updates blocked by a proxy')).toBeVisible({ timeout: 20_000 })
      await expectNoSeriousViolations(page, `${colorScheme}: streams blocked by a proxy`)

      harness.app.setSystemState({ isAsleep: true, isNetworkOnline: true })
      await expect(header.getByText(/^Offline since/)).toBeVisible()
      await expect(
        page
          .locator('[data-case-id]')
          .getByText(/^Updated /)
          .first(),
      ).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: offline`)
      await page.screenshot({ path: test.info().outputPath(`offline-${colorScheme}.png`) })

      await header.getByRole('button', { name: 'Diagnostics' }).click()
      await expect(page.getByRole('dialog', { name: 'Diagnostics' }).getByRole('row', { name: /Proxy A/ })).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: diagnostics`)
      await page.screenshot({ path: test.info().outputPath(`diagnostics-${colorScheme}.png`) })
    })

    test('the paste report and a selection with its bulk bar have no serious axe violations', async ({ harness }) => {
      const { page } = harness
      await harness.open()
      const rows = page.locator('[data-case-id]')
      await expect(rows).toHaveCount(4)
      const watched = await rows.first().getAttribute('data-case-id')
      const input = page.getByLabel('Case IDs or dashboard links to watch')
      await input.fill(`${watched}\nCLM-2026-00991\nhttps://uk.veridox.ai/cases/not-an-id`)
      await input.press('Enter')
      await expect(page.locator('#watch-message')).toContainText('CLM-2026-00991 is not a case ID.')
      await expectNoSeriousViolations(page, `${colorScheme}: paste report`)
      await page.locator('.watch-form').screenshot({ path: test.info().outputPath(`paste-report-${colorScheme}.png`) })

      await rows
        .nth(0)
        .getByRole('checkbox', { name: /^Select / })
        .click()
      await rows
        .nth(2)
        .getByRole('checkbox', { name: /^Select / })
        .click({ modifiers: ['Shift'] })
      await expect(page.getByRole('group', { name: 'Selected cases' })).toContainText('3 selected')
      await expectNoSeriousViolations(page, `${colorScheme}: bulk bar`)
      await page.screenshot({ path: test.info().outputPath(`bulk-bar-${colorScheme}.png`) })
    })

    test('a removed-row placeholder and renaming a case have no serious axe violations', async ({ harness }) => {
      const { page } = harness
      await harness.open()
      const rows = page.locator('[data-case-id]')
      await expect(rows).toHaveCount(4)
      // Demo cases complete during the test: an order that does not move with outcomes keeps the rows in place.
      await page.getByLabel('Sort').selectOption('recent')
      const byId = async (index: number) => page.locator(`[data-case-id="${await rows.nth(index).getAttribute('data-case-id')}"]`)
      const second = await byId(1)
      const name = (await second.getAttribute('aria-label'))!
      await second.hover()
      await second.getByRole('button', { name: `Stop watching ${name}` }).click()
      await expect(page.locator('.removed-row')).toBeVisible()
      // The placeholder holds for a few seconds only: picture and check it at once.
      await page.screenshot({ path: test.info().outputPath(`placeholder-${colorScheme}.png`) })
      await expectNoSeriousViolations(page, `${colorScheme}: removed-row placeholder`)
      await page.mouse.move(5, 5)

      const first = await byId(0)
      await first.getByRole('button', { name: /^Rename / }).click()
      await first.getByRole('textbox', { name: /^Your name for/ }).fill('Hart, second look')
      await expectNoSeriousViolations(page, `${colorScheme}: renaming a case`)
      await first.getByRole('textbox', { name: /^Your name for/ }).press('Enter')
      await expect(first.locator('.veridox-label')).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: a case with its own name`)
      await page.screenshot({ path: test.info().outputPath(`local-label-${colorScheme}.png`) })
    })

    test('the recent-cases picker has no serious axe violations', async ({ harness }) => {
      const { page, simulator } = harness
      await harness.open()
      await expect(page.locator('[data-case-id]')).toHaveCount(4)
      simulator.control.createCase({ label: 'Claim 2026-00991 — P. Ansah' })
      simulator.control.createCase({ label: 'Payslip check — R. Liu' })
      await page.getByRole('button', { name: 'My recent cases' }).click()
      const picker = page.getByRole('dialog', { name: 'Watch my recent cases' })
      await expect(picker.locator('.recent-case')).toHaveCount(6)
      await picker.locator('.recent-case').nth(0).getByRole('checkbox').check()
      await expectNoSeriousViolations(page, `${colorScheme}: recent-cases picker`)
      await page.screenshot({ path: test.info().outputPath(`recent-picker-${colorScheme}.png`) })
    })
  })
}

test.describe('empty list', () => {
  test.use({ simulatorOptions: { analysisMs: 3_000, heartbeatMs: 500, retryMs: 200, demoCases: 0, seed: 11 } })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: no cases watched has no serious axe violations`, async ({ harness }) => {
      const { page } = harness
      await page.emulateMedia({ colorScheme })
      await harness.open()
      await expect(page.getByText('You are looking at demo data.')).toBeVisible()
      await expect(page.locator('[data-case-id]')).toHaveCount(0)
      await expectNoSeriousViolations(page, `${colorScheme}: empty list`)
    })
  }
})

test.describe('compact rows and an 800×600 window', () => {
  test.use({ viewport: { width: 800, height: 600 } })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: the narrow layout, then compact rows, have no serious axe violations`, async ({ harness }) => {
      const { page } = harness
      await page.emulateMedia({ colorScheme })
      await harness.open()
      const rows = page.locator('[data-case-id]')
      await expect(rows).toHaveCount(4)
      await expect(rows.filter({ hasText: /\d+%/ }).first()).toBeVisible()
      await expectNoSeriousViolations(page, `${colorScheme}: 800×600`)

      await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
      await page.getByLabel('Row density').selectOption('compact')
      await page.keyboard.press('Escape')
      await expect(page.locator('html[data-density="compact"]')).toHaveCount(1)
      await expectNoSeriousViolations(page, `${colorScheme}: compact at 800×600`)
      await page.setViewportSize({ width: 1280, height: 800 })
      await expectNoSeriousViolations(page, `${colorScheme}: compact at 1280×800`)
      await page.screenshot({ path: test.info().outputPath(`compact-${colorScheme}.png`) })
    })
  }
})
