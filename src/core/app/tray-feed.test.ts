import { describe, expect, it } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import { caseViewFixture } from '../../shared/testing/case-view-fixture'
import { createTrayFeed } from './tray-feed'
import type { TrayInputs } from './tray-model'

describe('the tray feed', () => {
  it('tells listeners only when something the tray shows changed, not on every batch', () => {
    let views: CaseView[] = [caseViewFixture({ caseId: 'a', progress: 11 })]
    let doNotDisturb = false
    const inputs = (): TrayInputs => ({ views, isPaused: false, doNotDisturb, isQuietHours: false })
    const feed = createTrayFeed(inputs)
    const heard: string[] = []
    feed.onChanged(() => heard.push(feed.model().state))

    feed.changed()
    feed.changed()
    expect(heard).toEqual(['analysing'])
    views = [caseViewFixture({ caseId: 'a', progress: 14, updatedAt: 5 })]
    feed.changed()
    expect(heard, 'the same 10% step and state: nothing to redraw').toHaveLength(1)
    views = [caseViewFixture({ caseId: 'a', progress: 21 })]
    feed.changed()
    expect(heard).toHaveLength(2)
    doNotDisturb = true
    feed.changed()
    expect(heard).toEqual(['analysing', 'analysing', 'dnd'])
  })
})
