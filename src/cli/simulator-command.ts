import { parseSimulatorArgs, simulatorUsage, withSteps } from '../simulator/command-line'
import { startSimulator } from '../simulator/index'
import { loadScenarioFile, type Scenario } from '../simulator/scenario'

export interface SimulatorCommandIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  signal: AbortSignal
}

/** `case-monitor simulator …`: prints the base URL alone on stdout's first line, serves until the signal aborts. */
export async function runSimulatorCommand(argv: string[], io: SimulatorCommandIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`)
  let commandLine: ReturnType<typeof parseSimulatorArgs>
  let scenario: Scenario | undefined
  try {
    commandLine = parseSimulatorArgs(argv)
    if (commandLine.kind === 'help') {
      io.stdout.write(`${simulatorUsage}\n`)
      return 0
    }
    scenario = commandLine.scenarioPath === null ? undefined : await loadScenarioFile(commandLine.scenarioPath)
  } catch (error) {
    say(`case-monitor simulator: ${(error as Error).message}`)
    return 2
  }

  const options = { ...commandLine.options, scenario: withSteps(scenario, commandLine.steps), log: say }
  let simulator: Awaited<ReturnType<typeof startSimulator>>
  try {
    simulator = await startSimulator(options)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    say(`case-monitor simulator: cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0} (${code}).`)
    return 1
  }
  io.stdout.write(`${simulator.baseUrl}\n`)
  const keyCount = options.apiKeys?.length ?? 1
  say(
    `Veridox simulator listening on ${simulator.baseUrl} with ${keyCount === 1 && !options.apiKeys ? 'the key vdx_simulator' : `${keyCount} API keys`}${options.control ? `; control at ${simulator.baseUrl}/__simulator/` : ''}.`,
  )

  await new Promise<void>((resolve) => {
    if (io.signal.aborted) return resolve()
    io.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  await simulator.close()
  say('Veridox simulator stopped.')
  return 0
}
