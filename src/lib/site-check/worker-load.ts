/**
 * What the terminal's worker downloads, from the built chunks: the worker entry and its static
 * imports (the simulator core), a scenario's chunk, and the chunks the worker's loader fetches
 * (src/sim/commands/line-scan.ts and browser.ts initChunks name them; each counted with its
 * static imports, and each file once: the browser fetches a module once per page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunksBefore } from '../../sim/commands/lazy.ts';
import { chunksForLine, type ChunkName } from '../../sim/commands/line-scan.ts';
import { gzipBytes, staticImports } from './page-js.ts';

/** One built chunk and its gzip size. */
export interface ChunkSize {
  name: string;
  gzip: number;
}

/** The worker's chunks by role, each with its gzip size. */
export interface WorkerLoad {
  core: ChunkSize[];
  scenario: ChunkSize[];
  command: ChunkSize[];
}

/**
 * The modules the worker's loader imports for a chunk name (src/sim/commands/lazy.ts), with those
 * of the chunks it loads first: the YAML chunk is js-yaml's reader (yaml-reader.ts) with the API server's validation; every
 * other chunk is its module. Rollup names each dynamically imported chunk after its module.
 */
export function modulesOf(chunk: ChunkName): string[] {
  const own = chunk === 'yaml' ? ['yaml-reader', 'install-validation'] : [chunk];
  return [...chunksBefore(chunk).flatMap(modulesOf), ...own];
}

/** The built worker's chunks, read from dist/_astro. */
export class WorkerChunks {
  private readonly astro: string;
  private readonly files: string[];
  private readonly sizes = new Map<string, number>();
  private readonly scenarioFiles = new Map<string, string>();
  // Each file's static imports, read once: demo figures walk the same chunks for every page.
  private readonly importsOf = new Map<string, string[]>();
  /** The worker entry's closure: what the worker downloads before any message. */
  readonly core: Set<string>;

  constructor(dist: string) {
    this.astro = join(dist, '_astro');
    this.files = readdirSync(this.astro);
    const worker = this.chunkOf('worker');
    // Scenario loaders as the worker holds them: `name:async()=>(await import(`./file.js`))`.
    const code = this.read(worker);
    for (const m of code.matchAll(/["']?([\w-]+)["']?:async\(\)=>\(await import\([`'"]\.\/([\w.-]+\.js)[`'"]\)\)/g)) this.scenarioFiles.set(m[1], m[2]);
    if (!this.scenarioFiles.has('default')) throw new Error(`no scenario loaders found in ${worker}`);
    this.core = this.closure(worker, new Set());
  }

  private read(name: string): string {
    return readFileSync(join(this.astro, name), 'utf8');
  }

  /** The one chunk Rollup named after `module` (module name and an 8-character hash). */
  chunkOf(module: string): string {
    const found = this.files.filter((f) => new RegExp(`^${module}-[\\w-]{8}\\.js$`).test(f));
    if (found.length !== 1) throw new Error(`expected one ${module}-*.js in dist/_astro, found ${found.length}`);
    return found[0];
  }

  /** `entry` and its static imports, less those in `skip`. */
  closure(entry: string, skip: Set<string>): Set<string> {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || skip.has(name)) return;
      seen.add(name);
      if (!this.importsOf.has(name)) this.importsOf.set(name, staticImports(this.read(name)).map((spec) => spec.replace(/^\.\//, '').replace(/^\/_astro\//, '')));
      for (const next of this.importsOf.get(name)!) visit(next);
    };
    visit(entry);
    return seen;
  }

  /** The files of a scenario's chunk (its loader's import and that file's static imports). */
  scenario(name: string): Set<string> {
    const file = this.scenarioFiles.get(name);
    if (!file) throw new Error(`the worker has no loader for scenario "${name}"`);
    return this.closure(file, new Set());
  }

  /** The files the loader fetches for some chunk names. */
  chunks(names: Iterable<ChunkName>): Set<string> {
    const out = new Set<string>();
    for (const chunk of names) for (const module of modulesOf(chunk)) for (const f of this.closure(this.chunkOf(module), new Set())) out.add(f);
    return out;
  }

  /** Gzip sizes of files, each once, without those in `skip`. */
  sized(files: Iterable<string>, skip: Set<string> = new Set()): ChunkSize[] {
    return [...new Set(files)].filter((f) => !skip.has(f)).map((name) => {
      if (!this.sizes.has(name)) this.sizes.set(name, gzipBytes(readFileSync(join(this.astro, name))));
      return { name, gzip: this.sizes.get(name)! };
    });
  }
}

/** Sum of gzip sizes. */
export const sumGzip = (chunks: ChunkSize[]): number => chunks.reduce((t, c) => t + c.gzip, 0);

/** The chunks the worker holds after `line` ran in the default scenario. */
export function workerLoad(dist: string, line: string): WorkerLoad {
  const w = new WorkerChunks(dist);
  const scenario = w.scenario('default');
  const needs = chunksForLine(line);
  if (needs === 'all') throw new Error(`"${line}" would load every chunk`);
  return { core: w.sized(w.core), scenario: w.sized(scenario, w.core), command: w.sized(w.chunks(needs), new Set([...w.core, ...scenario])) };
}
