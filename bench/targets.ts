/** The figures bench/results.json holds, each with the target it is judged against (docs/benchmarks.md). */
export interface Target {
  figure: string
  /** `max`: the figure must be at most `value`; `min`: at least; `equals`: exactly (numbers or booleans). */
  bound: 'max' | 'min' | 'equals'
  value: number | boolean
  unit: string
  title: string
}

export const targets: readonly Target[] = [
  { figure: 'cpuPerEventRatio', bound: 'max', value: 1.5, unit: '×', title: 'CPU per event, core pipeline ÷ bare eventsource client' },
  { figure: 'throughputRatio', bound: 'min', value: 0.67, unit: '×', title: 'top events/s, core pipeline ÷ bare eventsource client' },
  { figure: 'cpuPerEventGrowth', bound: 'max', value: 1.1, unit: '×', title: 'CPU per event with 2,000 idle cases watched ÷ with none' },
  { figure: 'eventToScreenP99Ms', bound: 'max', value: 50, unit: 'ms', title: '1,000 cases, 2,000 events/s: simulator send → DOM, p99' },
  {
    figure: 'keystrokeP95Ms',
    bound: 'max',
    value: 50,
    unit: 'ms',
    title: 'keystroke → filtered list, 2,000 cases, updates streaming, p95',
  },
  { figure: 'scrollFrameP95Ms', bound: 'max', value: 33, unit: 'ms', title: 'scroll frame, 2,000 cases, p95' },
  { figure: 'rss2000MB', bound: 'max', value: 150, unit: 'MB', title: 'core following 2,000 cases: peak resident memory' },
  { figure: 'rssGrowthMBPerMin', bound: 'max', value: 0.1, unit: 'MB/min', title: 'resident memory growth in the second half' },
  { figure: 'reconnectAllBackS', bound: 'max', value: 5, unit: 's', title: '500 cases after a 60 s outage: all back' },
  { figure: 'maxConnectsPer100ms', bound: 'max', value: 10, unit: '', title: 'most connections opened in any 100 ms of that reconnect' },
  {
    figure: 'attemptsDuringOutagePerMin',
    bound: 'max',
    value: 30,
    unit: '/min',
    title: 'connection attempts per minute during the outage',
  },
  {
    figure: 'detectStreamedP95S',
    bound: 'max',
    value: 1,
    unit: 's',
    title: 'completion → announced, streamed cases (more cases than stream slots), p95',
  },
  {
    figure: 'detectBudgetedP95S',
    bound: 'max',
    value: Number.NaN,
    unit: 's',
    title: 'completion → announced, budgeted cases, p95 (target: 1.2 × detectBudgetBoundS)',
  },
  { figure: 'rateLimit429', bound: 'equals', value: 0, unit: '', title: '429 answers from Veridox during the detection run' },
  { figure: 'announcementsCarryRisk', bound: 'equals', value: true, unit: '', title: 'every completion announcement names the risk' },
  {
    figure: 'idleRequestsPerMin',
    bound: 'max',
    value: 10,
    unit: '/min',
    title: '500 idle cases, none changing: requests per minute per key (10% of the 100/min documented: 30 list, 60 get, 10 poll)',
  },
  {
    figure: 'idleBudgetSharePercent',
    bound: 'max',
    value: 10,
    unit: '%',
    title: 'the same, as the largest share of any one documented limit (list, get, poll)',
  },
  { figure: 'idleCpuPercent', bound: 'max', value: 1, unit: '% core', title: '500 watched cases, nothing happening: CPU' },
  { figure: 'startupMs', bound: 'max', value: 250, unit: 'ms', title: '`case-monitor watch` with 500 cases → its first line' },
]

/** A target whose bound is another figure of the same run (detectBudgetedP95S ≤ 1.2 × detectBudgetBoundS). */
export function boundOf(target: Target, figures: Record<string, number | boolean>): number | boolean {
  if (target.figure === 'detectBudgetedP95S') {
    const bound = figures.detectBudgetBoundS
    return typeof bound === 'number' ? Math.round(bound * 1.2 * 100) / 100 : Number.NaN
  }
  return target.value
}

export type Verdict = 'met' | 'missed' | 'not measured'

export function verdict(target: Target, figures: Record<string, number | boolean>): Verdict {
  const measured = figures[target.figure]
  const bound = boundOf(target, figures)
  if (measured === undefined || (typeof measured === 'number' && !Number.isFinite(measured))) return 'not measured'
  if (target.bound === 'equals') return measured === bound ? 'met' : 'missed'
  if (typeof measured !== 'number' || typeof bound !== 'number' || !Number.isFinite(bound)) return 'not measured'
  return (target.bound === 'max' ? measured <= bound : measured >= bound) ? 'met' : 'missed'
}
