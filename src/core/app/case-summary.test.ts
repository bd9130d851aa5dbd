import { describe, expect, it } from 'vitest'
import type { CaseView } from '../../shared/case-view'
import { createCaseSummaryFeed } from './case-summary'

type State = CaseView['state']

describe('the tray’s summary feed', () => {
  it('tells listeners only when a count moved, not on every batch', () => {
    let states: State[] = ['live', 'live']
    const feed = createCaseSummaryFeed(() => states.map((state) => ({ state }) as CaseView))
    const seen: string[] = []
    feed.onChanged(() => seen.push(JSON.stringify(feed.summary())))

    feed.changed()
    feed.changed()
    expect(seen).toEqual(['{"inProgress":2,"completed":0,"needsAttention":0}'])

    states = ['live', 'completed']
    feed.changed()
    feed.changed()
    expect(seen).toHaveLength(2)
    expect(JSON.parse(seen[1]!)).toEqual({ inProgress: 1, completed: 1, needsAttention: 0 })
  })
})
