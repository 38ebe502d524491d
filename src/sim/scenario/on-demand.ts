/**
 * Scenarios fetched one by one, for the browser worker: it loads the YAML of the scenario it
 * runs and of the scenarios that one extends, never the whole catalog.
 */
import { parentOf, parseScenarioSource, unknownScenario, type ScenarioLookup } from './resolve.ts';
import { ScenarioError, type ScenarioDoc } from './schema.ts';

/** Loads the YAML text of one scenario file. */
export type SourceLoader = () => Promise<string>;

/** A scenario catalog whose entries are loaded on demand (`prepare`) and then read synchronously (`lookup`). */
export class OnDemandScenarios {
  readonly #loaders: Record<string, SourceLoader>;
  readonly #docs = new Map<string, ScenarioDoc>();
  readonly #texts = new Map<string, string>();
  /** Loads in flight, so that two `prepare` calls fetch a file once. */
  readonly #loading = new Map<string, Promise<string>>();

  /** `loaders` maps each scenario name (file name without `.yaml`) to its loader. */
  constructor(loaders: Record<string, SourceLoader>) {
    this.#loaders = loaders;
  }

  /** Names of the known scenarios, sorted. */
  names(): string[] {
    return Object.keys(this.#loaders).sort();
  }

  /**
   * Loads `name` and its `extends` chain. Never rejects for a bad scenario: `lookup` reports
   * that (unknown name, invalid YAML, a file that would not load) with the catalog's messages.
   */
  async prepare(name: string): Promise<void> {
    const seen = new Set<string>();
    for (let cur: string | null = name; cur !== null && !seen.has(cur); ) {
      seen.add(cur);
      if (!Object.hasOwn(this.#loaders, cur)) return;
      if (!this.#texts.has(cur)) {
        const name = cur;
        let loading = this.#loading.get(name);
        if (!loading) {
          loading = this.#loaders[name]();
          this.#loading.set(name, loading);
        }
        try {
          this.#texts.set(name, await loading);
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
      const text = this.#texts.get(name);
      if (text === undefined) throw new ScenarioError(`scenario "${name}": could not be loaded`);
      doc = parseScenarioSource(name, text);
      this.#docs.set(name, doc);
    }
    return structuredClone(doc);
  };
}
