/** What every benchmark in the suite is: a name, and a run that returns named figures. */
export interface BenchMode {
  /** `--quick`: the same measurement, small enough to finish in seconds (npm test runs it to prove it still works). */
  quick: boolean
  /** Progress lines for the person waiting (stderr); the figures go in the returned record. */
  log: (line: string) => void
}

/** Figures by name (see targets.ts); a boolean is a yes/no check such as "every announcement carried the risk". */
export type BenchFigures = Record<string, number | boolean>

export interface BenchModule {
  /** Short name: `npm run bench -- --only <name>` runs just this one. */
  name: string
  /** One line: what it measures and how. */
  title: string
  run(mode: BenchMode): Promise<BenchFigures>
}
