/**
 * Scenarios imported one by one, for the browser worker: it loads the module of the scenario it
 * runs and of the scenarios that one extends, never the whole catalog. Each module holds the
 * scenario already parsed (scripts/build-scenarios.mjs), and comes as a chunk through the module
 * loader, so neither a YAML parser nor fetch() is needed.
 */
import { ScenarioError } from './error.ts';
import { parentOf, scenarioFromDoc, trustScenario, unknownScenario, type ScenarioLookup, type ScenarioValidator } from './resolve.ts';
import type { ScenarioDoc } from './schema.ts';

/** Loads one scenario's parsed document (see loaders.generated.ts). */
export type DocLoader = () => Promise<unknown>;

/** A scenario catalog whose entries are loaded on demand (`prepare`) and then read synchronously (`lookup`). */
export class OnDemandScenarios {
  readonly #loaders: Record<string, DocLoader>;
  readonly #validate: ScenarioValidator;
  readonly #docs = new Map<string, ScenarioDoc>();
  readonly #raw = new Map<string, unknown>();
  /** Loads in flight, so that two `prepare` calls import a module once. */
  readonly #loading = new Map<string, Promise<unknown>>();

  /**
   * `loaders` maps each scenario name (file name without `.yaml`) to its loader; `validate` checks
   * a loaded document (by default trusted: the build validated each generated module).
   */
  constructor(loaders: Record<string, DocLoader>, validate: ScenarioValidator = trustScenario) {
    this.#loaders = loaders;
    this.#validate = validate;
  }

  /** Names of the known scenarios, sorted. */
  names(): string[] {
    return Object.keys(this.#loaders).sort();
  }

  /**
   * Loads `name` and its `extends` chain. Never rejects for a bad scenario: `lookup` reports
   * that (unknown name, invalid document, a module that would not load) with the catalog's messages.
   */
  async prepare(name: string): Promise<void> {
    const seen = new Set<string>();
    for (let cur: string | null = name; cur !== null && !seen.has(cur); ) {
      seen.add(cur);
      if (!Object.hasOwn(this.#loaders, cur)) return;
      if (!this.#raw.has(cur)) {
        const name = cur;
        let loading = this.#loading.get(name);
        if (!loading) {
          loading = this.#loaders[name]();
          this.#loading.set(name, loading);
        }
        try {
          this.#raw.set(name, await loading);
        } catch {
          return;
        } finally {
          this.#loading.delete(name);
        }
      }
      try {
        cur = parentOf(this.lookup(cur));
      } catch {
        return;
      }
    }
  }

  /** The document of a prepared scenario (a fresh copy: the world may change what it is given). */
  readonly lookup: ScenarioLookup = (name) => {
    if (!Object.hasOwn(this.#loaders, name)) throw unknownScenario(name, this.names());
    let doc = this.#docs.get(name);
    if (!doc) {
      if (!this.#raw.has(name)) throw new ScenarioError(`scenario "${name}": could not be loaded`);
      doc = scenarioFromDoc(name, structuredClone(this.#raw.get(name)), this.#validate);
      this.#docs.set(name, doc);
    }
    return structuredClone(doc);
  };
}
