import { expect, test } from '../harness/desktop-fixture'

test('with no key the window opens on the simulator with demo cases', async ({ desktop }) => {
  const app = await desktop.launch()
  const window = await app.mainWindow()
  const page = await window.loadedPage()
  await expect(page.getByText(/simulator/i).first()).toBeVisible()
  await expect(page.locator('[data-case-id]').first()).toBeVisible()
  expect(window.isVisible).toBe(true)
})
