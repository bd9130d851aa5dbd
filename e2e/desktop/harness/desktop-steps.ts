import { expect, type Page } from '@playwright/test'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator'

export const simulatorKey = 'vdx_desktop_e2e_key_7781'

/** A Veridox-compatible host on loopback for the app to follow with a real key (fast analyses). */
export function startHost(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ apiKeys: [simulatorKey], analysisMs: 3_000, heartbeatMs: 500, retryMs: 200, demoCases: 0, seed: 5, ...options })
}

/** As an analyst does it: Settings → custom address → key → Save. */
export async function connectThroughSettings(page: Page, baseUrl: string, apiKey = simulatorKey): Promise<void> {
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Where your Veridox account lives').selectOption('custom')
  await page.getByLabel('Custom address').fill(baseUrl)
  await page.getByLabel('Custom address').press('Enter')
  await page.getByLabel('Veridox API key').fill(apiKey)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByText('A key is saved')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByText('You are looking at demo data.')).toHaveCount(0)
}

export async function watchCase(page: Page, caseId: string): Promise<void> {
  await page.getByLabel('Case IDs or dashboard links to watch').fill(caseId)
  await page.keyboard.press('Enter')
  await expect(page.locator(`[data-case-id="${caseId}"]`)).toBeVisible()
}
