// Runs electronegativity through its own runner (the package's main) and writes SARIF 2.1.0 whose results
// keep each finding's severity and confidence (properties.severity, properties.confidence). The CLI's SARIF
// drops them, and its CSV, which has them, is written by two racing writes that can garble the first row.
// Usage: node scan.mjs INPUT_DIR ELECTRON_VERSION OUTPUT.sarif
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity')
const { version } = require('@doyensec/electronegativity/package.json')

// Needs GitHub on every run (a list of Electron releases) and answers nothing here: Electron is pinned by hand.
const excluded = ['AvailableSecurityFixesGlobalCheck']

async function main() {
  const [input, electronVersion, output] = process.argv.slice(2)
  if (!input || !electronVersion || !output) throw new Error('usage: node scan.mjs INPUT_DIR ELECTRON_VERSION OUTPUT.sarif')
  const { issues, errors } = await run(
    {
      input: resolve(input),
      isRelative: true,
      isVerbose: true,
      customScan: [],
      excludeFromScan: excluded,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  )
  const results = issues.map((issue) => ({
    ruleId: issue.id,
    level: issue.manualReview ? 'note' : 'warning',
    message: { text: issue.description },
    ...(issue.file && issue.file !== 'N/A'
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: issue.file.split('\\').join('/') },
                region: { startLine: Math.max(1, issue.location?.line ?? 1), startColumn: (issue.location?.column ?? 0) + 1 },
              },
            },
          ],
        }
      : {}),
    properties: { severity: issue.severity.name, confidence: issue.confidence.name, sample: issue.sample ?? null },
  }))
  const rules = [...new Set(issues.map((issue) => issue.id))].map((id) => ({
    id,
    helpUri: `https://github.com/doyensec/electronegativity/wiki/${id}`,
  }))
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', version, informationUri: 'https://github.com/doyensec/electronegativity', rules } },
        results,
        // A file it could not parse was not checked at all: `level: 'error'` (tolerable parser warnings are 'warning').
        invocations: [
          {
            executionSuccessful: errors.every((error) => error.tolerable),
            toolExecutionNotifications: errors.map((error) => ({
              level: error.tolerable ? 'warning' : 'error',
              message: { text: `${error.file}: ${error.message}` },
            })),
          },
        ],
      },
    ],
  }
  writeFileSync(output, `${JSON.stringify(sarif, null, 2)}\n`)
}

main().catch((error) => {
  process.stderr.write(`electronegativity could not scan: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(2)
})
