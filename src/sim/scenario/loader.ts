/**
 * The scenarios of content/scenarios as Node, the CLI and the tests see them: all of them, from
 * the generated catalog. The browser worker does not import this (see ../browser.ts).
 */
import { SCENARIO_SOURCES } from './catalog.generated.ts';
import { parseScenarioSource, resolveScenarioWith, unknownScenario } from './resolve.ts';
import type { Scenario, ScenarioDoc } from './schema.ts';

/** Names of the scenarios in content/scenarios, sorted. */
export function scenarioNames(): string[] {
  return Object.keys(SCENARIO_SOURCES).sort();
}

/** Parses and validates one catalog entry. */
export function scenarioDoc(name: string): ScenarioDoc {
  const src = Object.hasOwn(SCENARIO_SOURCES, name) ? SCENARIO_SOURCES[name] : undefined;
  if (src === undefined) throw unknownScenario(name, scenarioNames());
  return parseScenarioSource(name, src);
}

/** Resolves a scenario of the catalog by name, or a scenario object (which may extend one of the catalog). */
export function resolveScenario(input: string | object | undefined): Scenario {
  return resolveScenarioWith(input, scenarioDoc);
}
