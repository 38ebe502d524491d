/**
 * The simulator's public API for Node: the kubesim CLI, the tests and the benchmarks. Every
 * scenario and every command is here at once, so `createSimulator` is synchronous. The browser
 * worker uses browser.ts instead, which loads its scenario and most commands on demand.
 */
import './commands/all.ts';
import { resolveScenario, scenarioNames } from './scenario/loader.ts';
import { complete } from './shell/complete.ts';
import { needsMoreInput, splitCommands } from './shell/parser.ts';
import { buildSimulator, useCompleter, type Simulator, type SimulatorOptions } from './simulator.ts';

useCompleter(complete);

export { jsonpath } from './printers/jsonpath.ts';
export { ScenarioError } from './scenario/schema.ts';
export type { RunResult } from './types.ts';
export type { CheckResult, Simulator, SimulatorOptions, Snapshot } from './simulator.ts';
export { scenarioNames };

/** Splits a script into the complete commands a terminal would run one by one (for echoing them). */
export const splitScript = splitCommands;

/** Whether an interactive terminal should prompt `> ` for more before running the input. */
export const isIncomplete = needsMoreInput;

/** Creates an independent simulator; throws ScenarioError when the scenario is invalid. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  return buildSimulator(options, resolveScenario);
}
