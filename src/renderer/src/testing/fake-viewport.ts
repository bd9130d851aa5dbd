import { vi } from 'vitest'

/** happy-dom does no layout: a 600 px viewport and 50 px rows give the virtualiser something to window. */
export function fakeViewport(): void {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50)
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000)
}
