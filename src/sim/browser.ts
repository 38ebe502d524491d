/**
 * The simulator's entry for the browser worker. Unlike index.ts it holds no scenario catalog,
 * no command and no YAML parser: the worker imports its scenario's module (already parsed, see
 * scripts/build-scenarios.mjs) and shows the first prompt with this much; before each line it
 * loads the chunks that line may need (commands/line-scan.ts, commands/lazy.ts), since run()
 * itself stays synchronous.
 */
import { CHUNK_NAMES, loadChunks } from './commands/lazy.ts';
import { chunksForLine, type ChunkName, type LineNeeds, type ScriptAt } from './commands/line-scan.ts';
import { SCENARIO_LOADERS } from './scenario/loaders.generated.ts';
import { WORKLOAD_KINDS } from './controllers/workload-kinds.ts';
import { ScenarioError } from './scenario/error.ts';
import { resolveScenarioWith, type ScenarioValidator } from './scenario/resolve.ts';
import type { OnDemandScenarios } from './scenario/on-demand.ts';
import { needsMoreInput } from './shell/parser.ts';
import { buildSimulator, useCompleter, type Simulator, type SimulatorOptions } from './simulator.ts';

export { loadChunks } from './commands/lazy.ts';
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

/** Loads tab completion (a chunk of its own: most sessions never press Tab). */
export async function loadCompletion(): Promise<void> {
  useCompleter((await import('./shell/complete.ts')).complete);
}

/** Loads every command family, kubectl part and js-yaml (replays, tests). */
export function loadCommandFamilies(): Promise<void> {
  return loadChunks(CHUNK_NAMES);
}

/** Loads what the command lines `lines` may need before they run (`scriptAt`: the scripts a path runs, line-scan.ts). */
export function loadCommandsFor(lines: readonly string[], scriptAt?: ScriptAt): Promise<void> {
  return Promise.all(lines.map((line) => loadChunks(chunksForLine(line, scriptAt)))).then(() => undefined);
}

/**
 * The chunks a scenario needs before its first prompt: those of its checks (run after every
 * command), those of sed when a fault edits a file while the world is built, and the workloads
 * chunk when it declares objects of the kinds whose controllers are there. Not kubectl's verbs,
 * js-yaml nor the API server's validation: its objects are valid (scenario-objects.test.ts shows
 * Node, which validates, creates every one). None if the scenario does not resolve.
 */
export function initChunks(scenario: string, scenarios: OnDemandScenarios): LineNeeds {
  try {
    const resolved = resolveScenarioWith(scenario, scenarios.lookup, byNameOnly);
    const needs = new Set<ChunkName>();
    // The sed a fault runs needs what a reader's own sed line would (its family, js-yaml for a manifest).
    const lines = [...resolved.checks.map((c) => c.run), ...resolved.faults.flatMap((f) => (f.type === 'edit-file' ? [`sed ${String(f.path)}`] : []))];
    for (const line of lines) {
      const chunks = chunksForLine(line);
      if (chunks === 'all') return 'all';
      chunks.forEach((c) => needs.add(c));
    }
    if (resolved.objects.some((o) => WORKLOAD_KINDS.has(String((o as { kind?: unknown }).kind)))) needs.add('workloads');
    return needs;
  } catch {
    return new Set();
  }
}

/**
 * Creates a simulator of a scenario of `scenarios` (prepared beforehand: `await scenarios.prepare(name)`);
 * throws ScenarioError as index.ts's createSimulator does. Commands run only once loaded.
 */
export function createSimulator(options: SimulatorOptions, scenarios: OnDemandScenarios): Simulator {
  return buildSimulator(options, (source) => resolveScenarioWith(source, scenarios.lookup, byNameOnly));
}
