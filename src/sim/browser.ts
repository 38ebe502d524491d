/**
 * The simulator's entry for the browser worker. Unlike index.ts it holds no scenario catalog,
 * no command and no YAML parser: the worker imports its scenario's module (already parsed, see
 * scripts/build-scenarios.mjs) and shows the first prompt with this much, then
 * `loadCommandFamilies()` brings the commands and js-yaml in as separate chunks; a command line
 * must wait for them (run() itself stays synchronous).
 */
import { loadCommandFamilies as loadFamilies } from './commands/lazy.ts';
import { useFullYaml } from './controllers/manifest-yaml.ts';
import { SCENARIO_LOADERS } from './scenario/loaders.generated.ts';
import { resolveScenarioWith } from './scenario/resolve.ts';
import type { OnDemandScenarios } from './scenario/on-demand.ts';
import { needsMoreInput } from './shell/parser.ts';
import { buildSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';

export { OnDemandScenarios } from './scenario/on-demand.ts';
export type { Simulator, SimulatorOptions } from './simulator.ts';

/** Each scenario's loader by name: a dynamic import of its generated module (a chunk of its own). */
export const scenarioLoaders = SCENARIO_LOADERS;

/** Whether an interactive terminal should prompt `> ` for more before running the input. */
export const isIncomplete = needsMoreInput;

let yamlLoading: Promise<void> | undefined;

/**
 * Loads and registers every command family and the full YAML parser, which the kubelet needs
 * for manifests outside what it reads alone (once; later calls share the first one's promise).
 */
export function loadCommandFamilies(): Promise<void> {
  yamlLoading ??= import('js-yaml').then(
    (m) => useFullYaml((text) => m.default.load(text)),
    (error: unknown) => {
      yamlLoading = undefined;
      throw error;
    },
  );
  return Promise.all([loadFamilies(), yamlLoading]).then(() => undefined);
}

/**
 * Creates a simulator of a scenario of `scenarios` (prepared beforehand: `await scenarios.prepare(name)`);
 * throws ScenarioError as index.ts's createSimulator does. Commands run only once loaded.
 */
export function createSimulator(options: SimulatorOptions, scenarios: OnDemandScenarios): Simulator {
  return buildSimulator(options, (source) => resolveScenarioWith(source, scenarios.lookup));
}
