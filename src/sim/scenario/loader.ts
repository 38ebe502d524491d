import yaml from 'js-yaml';
import { SCENARIO_SOURCES } from './catalog.generated.ts';
import type { FileDecl, Scenario, ScenarioDoc } from './schema.ts';
import { ScenarioError, validateScenario } from './schema.ts';

/** Defaults for fields the base scenario leaves out. */
const DEFAULTS: Scenario = {
  name: 'empty', clock: '2026-11-25T09:00:00Z', seed: 1, cluster: { version: 'v1.34.2' }, start: 'controlplane',
  hosts: [{ name: 'controlplane', ip: '192.168.121.10', role: 'control-plane' }], env: {}, files: {}, objects: [], faults: [], checks: [],
};

/** Names of the scenarios in content/scenarios, sorted. */
export function scenarioNames(): string[] {
  return Object.keys(SCENARIO_SOURCES).sort();
}

/** Parses and validates one catalog entry. */
export function scenarioDoc(name: string): ScenarioDoc {
  const src = SCENARIO_SOURCES[name];
  if (src === undefined) throw new ScenarioError(`unknown scenario "${name}" (known: ${scenarioNames().join(', ')})`);
  let parsed: unknown;
  try {
    parsed = yaml.load(src);
  } catch (e) {
    throw new ScenarioError(`scenario "${name}": not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const doc = validateScenario(parsed, `scenario "${name}"`);
  if (doc.name !== name) throw new ScenarioError(`scenario "${name}": name: must match the file name (got "${doc.name}")`);
  return doc;
}

/**
 * Resolves a scenario by name or as an object: validates it and merges its `extends` chain
 * (default: "default"). Hosts, clock, seed, version, start and checks of the child replace the
 * parent's; env and files merge (a null file deletes one); objects and faults add up.
 */
export function resolveScenario(input: string | object | undefined): Scenario {
  const doc = typeof input === 'string' || input === undefined ? scenarioDoc(input ?? 'default') : validateScenario(input);
  const chain: ScenarioDoc[] = [doc];
  for (let cur = doc; ;) {
    const parent = cur.extends === undefined ? (cur.name === 'default' ? null : 'default') : cur.extends;
    if (parent === null) break;
    if (chain.some((d) => d.name === parent) || chain.length > 16) throw new ScenarioError(`scenario "${doc.name}": extends: circular chain through "${parent}"`);
    cur = scenarioDoc(parent);
    chain.unshift(cur);
  }
  let s: Scenario = { ...DEFAULTS };
  for (const d of chain) s = merge(s, d);
  if (!s.hosts.some((h) => h.name === s.start)) {
    throw new ScenarioError(`scenario "${doc.name}": start: no host named "${s.start}"`);
  }
  return s;
}

function merge(base: Scenario, d: ScenarioDoc): Scenario {
  const files: Record<string, Record<string, FileDecl>> = {};
  for (const [host, fs] of [...Object.entries(base.files), ...Object.entries(d.files ?? {})]) files[host] = { ...files[host], ...fs };
  return {
    ...base,
    name: d.name,
    title: d.title ?? base.title,
    task: d.task,
    extends: d.extends,
    clock: d.clock ?? base.clock,
    seed: d.seed ?? base.seed,
    cluster: { ...base.cluster, ...d.cluster },
    start: d.start ?? (d.hosts ? (d.hosts.find((h) => h.role === 'control-plane') ?? d.hosts[0]).name : base.start),
    hosts: d.hosts ?? base.hosts,
    env: { ...base.env, ...d.env },
    files,
    objects: [...base.objects, ...(d.objects ?? [])],
    faults: [...base.faults, ...(d.faults ?? [])],
    checks: d.checks ?? [],
    solution: d.solution,
  };
}
