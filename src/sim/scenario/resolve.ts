/**
 * Scenario resolution without a catalog: checking one scenario's parsed document and merging an
 * `extends` chain from whatever source of documents the caller has (the generated catalog in Node,
 * the few scenario modules the browser worker imported). The YAML was parsed at build time
 * (scripts/build-scenarios.mjs), so no YAML parser is needed here; the validator comes from the
 * caller, so that the browser worker, whose modules the build validated, does not carry it.
 */
import { ScenarioError } from './error.ts';
import type { FileDecl, Scenario, ScenarioDoc } from './schema.ts';

/** Defaults for fields the base scenario leaves out. */
const DEFAULTS: Scenario = {
  name: 'empty', clock: '2026-11-25T09:00:00Z', seed: 1, cluster: { version: 'v1.34.2' }, start: 'controlplane',
  hosts: [{ name: 'controlplane', ip: '192.168.121.10', role: 'control-plane' }], env: {}, files: {}, objects: [], faults: [], checks: [],
};

/** Finds a scenario document by name; throws ScenarioError when there is none. */
export type ScenarioLookup = (name: string) => ScenarioDoc;

/** The error for a scenario name that is not in `known`. */
export function unknownScenario(name: string, known: readonly string[]): ScenarioError {
  return new ScenarioError(`unknown scenario "${name}" (known: ${[...known].sort().join(', ')})`);
}

/** Checks a parsed document and returns it typed, or throws ScenarioError (schema.ts's validateScenario, or trust). */
export type ScenarioValidator = (doc: unknown, label?: string) => ScenarioDoc;

/** For documents validated before: the generated scenario modules (scripts/build-scenarios.mjs checks each). */
export const trustScenario: ScenarioValidator = (doc) => doc as ScenarioDoc;

/** Checks the parsed document of the scenario file `<name>.yaml` with `validate`. */
export function scenarioFromDoc(name: string, parsed: unknown, validate: ScenarioValidator): ScenarioDoc {
  const doc = validate(parsed, `scenario "${name}"`);
  if (doc.name !== name) throw new ScenarioError(`scenario "${name}": name: must match the file name (got "${doc.name}")`);
  return doc;
}

/** The scenario a document extends (`default` unless it says otherwise), or null for a root. */
export function parentOf(doc: ScenarioDoc): string | null {
  return doc.extends === undefined ? (doc.name === 'default' ? null : 'default') : doc.extends;
}

/**
 * Resolves a scenario by name (through `lookup`) or as an object (checked with `validate`) and merges its
 * `extends` chain (default: "default"). Hosts, clock, seed, version, start and checks of the
 * child replace the parent's; env and files merge (a null file deletes one); objects and faults add up.
 */
export function resolveScenarioWith(input: string | object | undefined, lookup: ScenarioLookup, validate: ScenarioValidator): Scenario {
  const doc = typeof input === 'string' || input === undefined ? lookup(input ?? 'default') : validate(input);
  const chain: ScenarioDoc[] = [doc];
  for (let cur = doc; ;) {
    const parent = parentOf(cur);
    if (parent === null) break;
    if (chain.some((d) => d.name === parent) || chain.length > 16) throw new ScenarioError(`scenario "${doc.name}": extends: circular chain through "${parent}"`);
    cur = lookup(parent);
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
