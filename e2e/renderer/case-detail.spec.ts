import { expect, test } from '../fixtures/app-harness'

// One demo case beside ours, so the list is not empty around it; analysis slow enough that it stays put.
test.use({ simulatorOptions: { analysisMs: 600_000, heartbeatMs: 500, retryMs: 200, demoCases: 1, seed: 11 } })

interface SimulatorFile {
  label: string
  failure_reason: string | null
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: a completed case with a failed file shows why, when each stage ran, and copies a summary`, async ({ harness }) => {
    const { page, simulator } = harness
    await page.setViewportSize({ width: 800, height: 600 })
    await page.emulateMedia({ colorScheme })
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await harness.open()
    const { caseId } = simulator.control.createCase({
      label: 'Claim with a broken scan',
      fileLabels: ['passport.jpg', 'scan.pdf', 'payslip.png'],
      outcomes: ['success', 'failed', 'success'],
      risks: ['high', 'low', 'low'],
      fileDurationsMs: [1_500, 2_000, 2_500],
    })
    const reason = (simulator.control.caseDetails(caseId) as { files: SimulatorFile[] }).files.find((f) => f.label === 'scan.pdf')!
    await page.getByLabel('Case IDs or dashboard links to watch').fill(caseId)
    await page.keyboard.press('Enter')
    const row = page.locator(`[data-case-id="${caseId}"]`)
    await expect(row).toContainText('Needs review', { timeout: 30_000 })

    await row.getByRole('button', { name: 'Claim with a broken scan', exact: true }).click()
    const files = row.getByRole('list', { name: 'Files of Claim with a broken scan' })
    await expect(files.getByRole('listitem')).toHaveCount(3)
    const scan = files.getByRole('listitem').filter({ hasText: 'scan.pdf' })
    const failureReason = (simulator.control.caseDetails(caseId) as { files: SimulatorFile[] }).files[1]!.failure_reason!
    expect(reason.label).toBe('scan.pdf')
    await expect(scan).toContainText(failureReason)
    const scanTimeline = scan.getByRole('group', { name: 'Timeline of scan.pdf' }).locator('.step')
    await expect(scanTimeline.first()).toContainText('Uploaded')
    await expect(scanTimeline.last()).toHaveText(/^Failed\s*\d{1,2}:\d{2}:\d{2}/)
    const passportTimeline = files.getByRole('group', { name: 'Timeline of passport.jpg' }).locator('.step')
    const clock = /\d{1,2}:\d{2}:\d{2}/
    const since = /\+\d+ s/
    await expect(passportTimeline).toHaveText([
      new RegExp(`^Uploaded\\s*${clock.source}`),
      ...[
        'Metadata',
        'Error level analysis',
        'Noise & filters',
        'Reverse image search',
        'Content authenticity',
        'Context',
        'Full analysis',
      ].map((stage) => new RegExp(`^${stage}\\s*${since.source}$`)),
      new RegExp(`^Succeeded\\s*${clock.source}`),
    ])
    await expect(files.getByRole('listitem').filter({ hasText: 'passport.jpg' })).toContainText('High')
    await expect(row).toContainText('Demo data: there is no Veridox page for this case.')
    await expect(row.getByRole('link', { name: 'Open in Veridox' })).toHaveCount(0)

    await row.getByRole('button', { name: 'Copy summary' }).click()
    await expect(row.getByRole('status')).toHaveText('Summary copied')
    const summary = await page.evaluate(() => navigator.clipboard.readText())
    expect(summary.split('\n')).toEqual([
      'Case: Claim with a broken scan',
      `Case ID: ${caseId}`,
      'State: Needs review',
      'Overall risk: High',
      expect.stringMatching(/^Completed: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/),
      'Files (3, 1 failed):',
      '- passport.jpg: Succeeded, High risk',
      `- scan.pdf: Failed: ${failureReason}`,
      '- payslip.png: Succeeded, Low risk',
    ])

    await page.screenshot({ path: test.info().outputPath(`case-detail-${colorScheme}.png`) })
    await scan.scrollIntoViewIfNeeded()
    await row.screenshot({ path: test.info().outputPath(`case-detail-failed-file-${colorScheme}.png`) })
  })
}
