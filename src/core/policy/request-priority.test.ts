import { describe, expect, it } from 'vitest'
import { pollTier, priorityTiers, reservedShare, snapshotTier, tierRank } from './request-priority'

const offScreen = { isPinned: false, isVisible: false, isStreamed: false }

describe('request priorities', () => {
  it('puts a completion the analyst follows closely above every other request', () => {
    expect(snapshotTier('finalize', { ...offScreen, isStreamed: true })).toBe('completion-in-focus')
    expect(snapshotTier('finalize', { ...offScreen, isPinned: true })).toBe('completion-in-focus')
    expect(snapshotTier('finalize', offScreen)).toBe('completion')
    expect(tierRank('completion-in-focus')).toBe(0)
  })

  it('leaves a first look at a case nobody sees to spare budget, and looks at a visible one soon', () => {
    expect(snapshotTier('added', offScreen)).toBe('background')
    expect(snapshotTier('added', { ...offScreen, isVisible: true })).toBe('in-focus')
    expect(pollTier({ ...offScreen, isPinned: true })).toBe('in-focus')
    expect(pollTier(offScreen)).toBe('routine')
  })

  it('fetches a settled file’s risk from spare budget only, even for a case on screen', () => {
    expect(snapshotTier('file-settled', { isPinned: true, isVisible: true, isStreamed: true })).toBe('background')
  })

  it('reserves more of each window the lower the tier', () => {
    const shares = priorityTiers.map((tier) => reservedShare[tier])
    expect(shares).toEqual([...shares].sort((a, b) => a - b))
    expect(shares[0]).toBe(0)
  })
})
