/**
 * The scenarios of content/scenarios as Node, the CLI and the tests see them: all of them, from
 * the generated catalog. The browser worker does not import this (see ../browser.ts).
 */
import { SCENARIO_DOCS } from './catalog.generated.ts';
import { scenarioFromDoc, resolveScenarioWith, unknownScenario } from './resolve.ts';
import { validateScenario, type Scenario, type ScenarioDoc } from './schema.ts';

/** Names of the scenarios in content/scenarios, sorted. */
export function scenarioNames(): string[] {
  return Object.keys(SCENARIO_DOCS).sort();
}

/** Validates one catalog entry (a fresh copy: the world may change what it is given). */
export function scenarioDoc(name: string): ScenarioDoc {
  if (!Object.hasOwn(SCENARIO_DOCS, name)) throw unknownScenario(name, scenarioNames());
  return scenarioFromDoc(name, structuredClone(SCENARIO_DOCS[name]), validateScenario);
}

/** Resolves a scenario of the catalog by name, or a scenario object (which may extend one of the catalog). */
export function resolveScenario(input: string | object | undefined): Scenario {
  return resolveScenarioWith(input, scenarioDoc, validateScenario);
}
