import { startSimulator } from '../../simulator'
import type { EmbeddedSimulator } from '../../core/app/case-monitor-app'

/** The built-in Veridox simulator the app follows until a key is set: a handful of claims in flight. */
export async function startEmbeddedSimulator(): Promise<EmbeddedSimulator> {
  const apiKey = 'vdx_simulator'
  const simulator = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    apiKeys: [apiKey],
    seed: Math.floor(Math.random() * 2 ** 31),
    analysisMs: 40_000,
    demoCases: 8,
  })
  return { baseUrl: simulator.baseUrl, apiKey, close: () => simulator.close() }
}
