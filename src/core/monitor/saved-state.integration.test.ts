import { describe, expect, it } from 'vitest'
import { maxFilesPerCase, maxLabelLength } from '../veridox/field-limits'
import { sleep, tempStateDir, useMonitorRig, waitFor } from './monitor-test-kit'

const rig = useMonitorRig()

describe('a watched case saved from what Veridox said', () => {
  it('is there again after a restart when its label is longer than the app keeps', async () => {
    const simulator = await rig.startSimulator()
    const label = 'L'.repeat(maxLabelLength + 500)
    const { caseId } = simulator.control.createCase({ label, fileLabels: ['a.pdf'], upload: false })
    const stateDir = tempStateDir()
    const first = rig.openMonitor({ stateDir })
    first.monitor.watch([caseId])
    await waitFor(() => first.monitor.view(caseId)?.label != null, 5_000, 'the first snapshot')
    first.monitor.dispose()

    const second = rig.openMonitor({ stateDir })

    expect(second.monitor.view(caseId)?.label).toBe(label.slice(0, maxLabelLength))
  })

  it('never holds more files than the app keeps, and is there again after a restart', async () => {
    const simulator = await rig.startSimulator()
    const fileLabels = Array.from({ length: maxFilesPerCase + 1 }, (_, i) => `file-${i}.pdf`)
    const { caseId } = simulator.control.createCase({ label: 'Many files', fileLabels, upload: false })
    const stateDir = tempStateDir()
    const first = rig.openMonitor({ stateDir })
    first.monitor.watch([caseId])
    await waitFor(() => (simulator.control.stats().requestsByRoute.get ?? 0) > 0, 5_000, 'the first snapshot')
    await sleep(300)
    expect(first.monitor.view(caseId)!.files.length).toBeLessThanOrEqual(maxFilesPerCase)
    first.monitor.dispose()

    const second = rig.openMonitor({ stateDir })

    expect(second.monitor.has(caseId)).toBe(true)
  })
})
