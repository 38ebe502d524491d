/**
 * The simulator's entry for the browser worker. Unlike index.ts it holds no scenario catalog,
 * no command and no YAML parser: the worker imports its scenario's module (already parsed, see
 * scripts/build-scenarios.mjs) and shows the first prompt with this much; before each line it
 * loads the chunks that line may need (commands/line-scan.ts, commands/lazy.ts), since run()
 * itself stays synchronous.
 */
import { CHUNK_NAMES, loadChunks } from './commands/lazy.ts';
import { chunksForLine } from './commands/line-scan.ts';
import { SCENARIO_LOADERS } from './scenario/loaders.generated.ts';
import { ScenarioError } from './scenario/error.ts';
import { resolveScenarioWith, type ScenarioValidator } from './scenario/resolve.ts';
import type { OnDemandScenarios } from './scenario/on-demand.ts';
import { needsMoreInput } from './shell/parser.ts';
import { buildSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';

export { OnDemandScenarios } from './scenario/on-demand.ts';
export type { Simulator, SimulatorOptions } from './simulator.ts';

/**
 * The worker runs scenarios by name, from generated modules the build validated; a scenario
 * object would need schema.ts's validator, which stays out of the worker (index.ts has it).
 */
const byNameOnly: ScenarioValidator = () => {
  throw new ScenarioError('the browser entry runs scenarios by name only');
};

/** Each scenario's loader by name: a dynamic import of its generated module (a chunk of its own). */
export const scenarioLoaders = SCENARIO_LOADERS;

/** Whether an interactive terminal should prompt `> ` for more before running the input. */
export const isIncomplete = needsMoreInput;

/** Loads every command family, kubectl part and js-yaml (replays, tests). */
export function loadCommandFamilies(): Promise<void> {
  return loadChunks(CHUNK_NAMES);
}

/** Loads what the command lines `lines` may need before they run. */
export function loadCommandsFor(lines: readonly string[]): Promise<void> {
  return Promise.all(lines.map((line) => loadChunks(chunksForLine(line)))).then(() => undefined);
}

/**
 * The command lines a scenario runs by itself: its checks (after every command), `sed` when a
 * fault edits a file while the world is built, and `kubectl create` for the objects it declares. None if the scenario does not resolve.
 */
export function initLines(scenario: string, scenarios: OnDemandScenarios): string[] {
  try {
    const resolved = resolveScenarioWith(scenario, scenarios.lookup, byNameOnly);
    return [
      ...resolved.checks.map((c) => c.run),
      ...(resolved.faults.some((f) => f.type === 'edit-file') ? ['sed'] : []),
      // Its objects are created as kubectl create would: validated, with the controllers of every kind.
      ...(resolved.objects.length > 0 ? ['kubectl create'] : []),
    ];
  } catch {
    return [];
  }
}

/**
 * Creates a simulator of a scenario of `scenarios` (prepared beforehand: `await scenarios.prepare(name)`);
 * throws ScenarioError as index.ts's createSimulator does. Commands run only once loaded.
 */
export function createSimulator(options: SimulatorOptions, scenarios: OnDemandScenarios): Simulator {
  return buildSimulator(options, (source) => resolveScenarioWith(source, scenarios.lookup, byNameOnly));
}
