// Types of findings.mjs, so its TypeScript tests are checked against it.
export interface GateFinding {
  check: string
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'
  file: string | null
  line: number | null
  message: string
  sample: string | null
}

export interface GateException {
  check: string
  file: string | null
  reason: string
}

export interface GateVerdict {
  passed: boolean
  blocking: GateFinding[]
  excused: GateFinding[]
  stale: GateException[]
  unparsed: string[]
}

export interface GateScan {
  findings: GateFinding[]
  unparsed: string[]
}

export function parseExceptions(json: unknown): GateException[]
export function readSarif(json: unknown): GateScan
export function decide(scan: GateScan, exceptions: GateException[]): GateVerdict
export function report(verdict: GateVerdict, total: number): string[]
