import type { DOMWrapper } from '@vue/test-utils'

interface HasButtons {
  findAll(selector: 'button'): DOMWrapper<HTMLButtonElement>[]
}

// What a person or a screen reader knows a button by: its aria-label, else its text.
const accessibleName = (button: DOMWrapper<HTMLButtonElement>): string => button.attributes('aria-label') ?? button.text().trim()
const isNamed = (button: DOMWrapper<HTMLButtonElement>, name: string | RegExp): boolean =>
  typeof name === 'string' ? accessibleName(button) === name : name.test(accessibleName(button))

/**
 * The one button with that accessible name. Throws, listing the buttons there are, when there is none or
 * more than one, so a test that clicks a missing button fails instead of passing silently.
 */
export function getButton(root: HasButtons, name: string | RegExp): DOMWrapper<HTMLButtonElement> {
  const buttons = root.findAll('button')
  const matches = buttons.filter((button) => isNamed(button, name))
  if (matches.length !== 1) {
    const present = buttons.map((button) => JSON.stringify(accessibleName(button))).join(', ') || 'none'
    throw new Error(`Expected one button named ${String(name)}, found ${matches.length}. Buttons: ${present}.`)
  }
  return matches[0]!
}

/** For asserting that a button is not offered; pair it with a getButton of the same name where it is. */
export function hasButton(root: HasButtons, name: string | RegExp): boolean {
  return root.findAll('button').some((button) => isNamed(button, name))
}
