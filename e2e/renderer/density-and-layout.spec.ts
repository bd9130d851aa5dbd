import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/app-harness'

test.use({ simulatorOptions: { analysisMs: 40_000, heartbeatMs: 500, retryMs: 200, demoCases: 30, seed: 7 } })

/** Rows whose whole box lies inside the list's visible area. */
async function rowsFullyInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroll = document.querySelector('.case-list .scroll')
    if (!scroll) return 0
    const header = scroll.querySelector('.columns')?.getBoundingClientRect()
    const box = scroll.getBoundingClientRect()
    const top = Math.max(box.top, header?.bottom ?? box.top)
    return [...scroll.querySelectorAll('[data-case-id]')].filter((row) => {
      const r = row.getBoundingClientRect()
      return r.top >= top - 0.5 && r.bottom <= box.bottom + 0.5
    }).length
  })
}

async function openAppearance(page: Page): Promise<void> {
  await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Row density').scrollIntoViewIfNeeded()
}

test('compact rows show at least 20 cases at 1280×800, and the choice survives a reload', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  await expect(page.locator('[data-case-id]').first()).toBeVisible()
  const comfortable = await rowsFullyInView(page)

  await openAppearance(page)
  await page.getByLabel('Row density').selectOption('compact')
  await page.keyboard.press('Escape')
  await expect.poll(() => rowsFullyInView(page)).toBeGreaterThanOrEqual(20)
  expect(await rowsFullyInView(page)).toBeGreaterThan(comfortable)
  await page.screenshot({ path: test.info().outputPath('compact-1280x800.png') })

  await page.reload()
  await expect(page.locator('[data-case-id]').first()).toBeVisible()
  await expect.poll(() => rowsFullyInView(page)).toBeGreaterThanOrEqual(20)
})

interface PartBox {
  name: string
  x: number
  right: number
  width: number
  isVisible: boolean
  isCut: boolean
}

/** The boxes of the parts of the first rows, read in one go: rows re-sort as cases finish. */
async function partBoxes(page: Page, rowCount: number): Promise<PartBox[][]> {
  return page.evaluate((count) => {
    const parts: [string, string][] = [
      ['name', '.name'],
      ['state', '.state'],
      ['progress', '.main > .progress'],
      ['files', '.files-summary'],
      ['risk', '.main > .risk > *'],
      ['actions', '.actions'],
    ]
    const rows = [...document.querySelectorAll('[data-case-id]')].slice(0, count)
    return rows.map((row) =>
      parts.map(([name, selector]) => {
        const element = row.querySelector<HTMLElement>(selector)
        const box = element?.getBoundingClientRect()
        return {
          name,
          x: box?.x ?? -1,
          right: box ? box.x + box.width : Infinity,
          width: box?.width ?? 0,
          isVisible: element !== null && element !== undefined && element.checkVisibility(),
          // Text ending in an ellipsis is cut off too: the files summary and the state's chip must fit whole.
          isCut: [element, element?.querySelector<HTMLElement>('.chip')]
            .filter((part) => part && (name === 'files' || part.classList.contains('chip')))
            .some((part) => part!.scrollWidth > part!.clientWidth + 1),
        }
      }),
    )
  }, rowCount)
}

/** Every part lies inside the window, none overlaps the next, and the files summary is not cut short. */
async function expectRowsFit(page: Page, width: number): Promise<void> {
  const rows = await partBoxes(page, 3)
  expect(rows).toHaveLength(3)
  for (const boxes of rows) {
    for (const box of boxes) {
      expect(box.isVisible, `${box.name} is visible`).toBe(true)
      expect(box.width, `${box.name} has room`).toBeGreaterThan(8)
      expect(box.x, `${box.name} starts inside the window`).toBeGreaterThanOrEqual(0)
      expect(box.right, `${box.name} ends inside the window`).toBeLessThanOrEqual(width)
      expect(box.isCut, `${box.name} is not cut off`).toBe(false)
    }
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.x, `${boxes[i]!.name} starts after ${boxes[i - 1]!.name} ends`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5)
    }
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`800×600, ${colorScheme}`, () => {
    test.use({ viewport: { width: 800, height: 600 }, colorScheme })

    test('every column that matters stays visible, nothing overflows, and the header lines up with the cells', async ({ harness }) => {
      const { page } = harness
      await harness.open()
      const rows = page.locator('[data-case-id]')
      await expect(rows.first()).toBeVisible()
      await expect(rows.filter({ hasText: /\d+%/ }).first()).toBeVisible()

      const overflow = await page.evaluate(() => {
        const scroll = document.querySelector<HTMLElement>('.case-list .scroll')!
        return {
          page: document.documentElement.scrollWidth - window.innerWidth,
          list: scroll.scrollWidth - scroll.clientWidth,
        }
      })
      expect(overflow.page, 'the page does not scroll sideways').toBeLessThanOrEqual(0)
      expect(overflow.list, 'the list does not scroll sideways').toBeLessThanOrEqual(0)

      await expectRowsFit(page, 800)

      // The toolbar wraps rather than running off the edge.
      for (const control of [
        page.getByRole('searchbox'),
        page.getByLabel('Sort'),
        page.getByLabel('Filter by risk'),
        page.getByRole('button', { name: 'Watch', exact: true }),
      ]) {
        await expect(control).toBeVisible()
        const box = (await control.boundingBox())!
        expect(box.x + box.width).toBeLessThanOrEqual(800)
      }

      // The column header lives in the list's scroller, so it can never drift from the cells.
      const list = page.locator('.case-list .scroll')
      const header = list.locator('.columns')
      await expect(header).toBeVisible()
      const misalignment = await page.evaluate(() => {
        const titles = [...document.querySelectorAll('.columns span')]
        const row = document.querySelector('[data-case-id]')!
        const cells: [string, string][] = [
          ['Status', '.state'],
          ['Progress', '.main > .progress'],
          ['Files', '.files-summary'],
          ['Risk', '.main > .risk'],
        ]
        return cells.map(([title, selector]) => {
          const header = titles.find((span) => span.textContent === title)!.getBoundingClientRect()
          return [title, Math.abs(header.x - row.querySelector(selector)!.getBoundingClientRect().x)] as const
        })
      })
      for (const [title, offset] of misalignment) expect(offset, `${title} header over its cells`).toBeLessThanOrEqual(1)
      const overflowingTitles = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.columns span')]
          .filter((span) => span.scrollWidth > span.clientWidth + 1)
          .map((span) => span.textContent),
      )
      expect(overflowingTitles.join(', '), 'column titles fit their columns').toBe('')

      await list.hover()
      await page.mouse.wheel(0, 400)
      await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeGreaterThan(0)
      const headerTop = (await header.boundingBox())!.y
      const listTop = (await list.boundingBox())!.y
      expect(Math.abs(headerTop - listTop), 'the header stays at the top of the list while it scrolls').toBeLessThanOrEqual(1)
      await page.screenshot({ path: test.info().outputPath(`800x600-${colorScheme}.png`) })

      await page.getByRole('banner').first().getByRole('button', { name: 'Settings' }).click()
      await page.getByLabel('Row density').selectOption('compact')
      await page.keyboard.press('Escape')
      await expectRowsFit(page, 800)
      await page.screenshot({ path: test.info().outputPath(`800x600-compact-${colorScheme}.png`) })
    })
  })
}

test('the demo banner can be closed for good, and the header still says it is a demo', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  const banner = page.locator('section[aria-labelledby="demo-title"]')
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Hide this message' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('banner').first()).toContainText('Built-in simulator')
  await page.reload()
  await expect(page.locator('[data-case-id]').first()).toBeVisible()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('banner').first()).toContainText('Demo')
})
