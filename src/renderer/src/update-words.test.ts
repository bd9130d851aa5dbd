import { describe, expect, it } from 'vitest'
import { updateFailures, type UpdateStatus } from '@shared/updates'
import { describeUpdate } from './update-words'

describe('update status words', () => {
  it.each<[UpdateStatus, string]>([
    [{ state: 'off' }, 'Automatic update checks are off.'],
    [{ state: 'waiting' }, 'Case Monitor looks for updates in the background.'],
    [{ state: 'checking' }, 'Checking for updates…'],
    [{ state: 'up_to_date', version: '0.1.0' }, 'Case Monitor 0.1.0 is up to date.'],
    [{ state: 'downloading', version: '0.2.0' }, 'Downloading Case Monitor 0.2.0…'],
    [{ state: 'ready', version: '0.2.0' }, 'Case Monitor 0.2.0 is ready — it installs when you quit.'],
    [
      { state: 'available', version: '0.2.0', installsHere: false },
      'Case Monitor 0.2.0 is available. This copy is not an installed one, so it cannot update itself.',
    ],
  ])('%j reads %j', (status, words) => {
    expect(describeUpdate(status)).toBe(words)
  })

  it('gives every failure its own reason and says it tries again', () => {
    const sentences = updateFailures.map((failure) => describeUpdate({ state: 'failed', failure }))
    expect(new Set(sentences).size).toBe(updateFailures.length)
    for (const sentence of sentences) expect(sentence).toMatch(/tries again later\.$/)
    expect(describeUpdate({ state: 'failed', failure: 'not_a_feed' })).toBe(
      'Could not check for updates: the update address answered with something other than a release (a sign-in page or a proxy may be in the way). Case Monitor tries again later.',
    )
  })
})
