/**
 * The simulator's entry for the browser worker. Unlike index.ts it holds no scenario catalog
 * and no command: the worker fetches the YAML of its scenario (OnDemandScenarios) and shows the
 * first prompt with this much, then `loadCommandFamilies()` brings the commands in as separate
 * chunks; a command line must wait for them (run() itself stays synchronous).
 */
import { resolveScenarioWith } from './scenario/resolve.ts';
import type { OnDemandScenarios } from './scenario/on-demand.ts';
import { needsMoreInput } from './shell/parser.ts';
import { buildSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';

export { loadCommandFamilies } from './commands/lazy.ts';
export { OnDemandScenarios } from './scenario/on-demand.ts';
export type { Simulator, SimulatorOptions } from './simulator.ts';

/** Whether an interactive terminal should prompt `> ` for more before running the input. */
export const isIncomplete = needsMoreInput;

/**
 * Creates a simulator of a scenario of `scenarios` (prepared beforehand: `await scenarios.prepare(name)`);
 * throws ScenarioError as index.ts's createSimulator does. Commands run only once loaded.
 */
export function createSimulator(options: SimulatorOptions, scenarios: OnDemandScenarios): Simulator {
  return buildSimulator(options, (source) => resolveScenarioWith(source, scenarios.lookup));
}
