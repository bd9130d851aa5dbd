import type { Clock } from '../runtime/clock'
import type { VeridoxClient } from '../veridox/veridox-client'
import { VeridoxError } from '../veridox/veridox-error'

const documentSets = [
  ['passport.pdf', 'payslip_march.png', 'bank_statement.pdf'],
  ['driving_licence.jpg', 'utility_bill.pdf'],
  ['invoice_4471.pdf', 'delivery_note.tiff', 'receipt_photo.jpg', 'contract_signed.pdf'],
  ['insurance_claim_form.pdf', 'repair_estimate.pdf', 'damage_photo_1.jpg'],
]

/** Creates a case through the same public API a Veridox integration uses: create, then upload each file. */
export async function startDemoCase(client: VeridoxClient, clock: Clock): Promise<string> {
  const files = documentSets[Math.floor(clock.random() * documentSets.length)]!
  for (let attempt = 0; ; attempt++) {
    const label = `Demo claim ${new Date(clock.now()).toISOString().slice(11, 19)}${attempt > 0 ? `-${attempt}` : ''}`
    try {
      const created = await client.createCase({ label, fileLabels: files })
      await Promise.all(created.files.map((file) => client.uploadFile(file.sas_url, `demo document ${file.label ?? ''}`)))
      return created.case_id.toLowerCase()
    } catch (error) {
      // Labels are unique per user (409 Conflict); two demo cases in the same second get a suffix.
      if (!(error instanceof VeridoxError && error.status === 409) || attempt >= 5) throw error
    }
  }
}
