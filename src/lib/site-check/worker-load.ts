/**
 * What the terminal's worker downloads by the end of a first command, from the built chunks: the
 * worker entry and its static imports (the simulator core), the default scenario's chunk, and the
 * chunks the worker's loader fetches for that command (src/sim/commands/line-scan.ts names them;
 * each with its static imports not already in the core).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The module (file name without .ts) behind each lazily loaded chunk: Rollup names the chunk after it. */
function moduleOf(chunk: ChunkName): string {
  return chunk === 'yaml' ? 'js-yaml' : chunk;
}

/** The chunks the worker holds after `line` ran in the default scenario. */
export function workerLoad(dist: string, line: string): WorkerLoad {
  const astro = join(dist, '_astro');
  const files = readdirSync(astro);
  const file = (name: string) => readFileSync(join(astro, name));
  // Rollup names a chunk after its module and adds an 8-character hash.
  const chunkOf = (module: string) => {
    const found = files.filter((f) => new RegExp(`^${module}-[\\w-]{8}\\.js$`).test(f));
    if (found.length !== 1) throw new Error(`expected one ${module}-*.js in dist/_astro, found ${found.length}`);
    return found[0];
  };
  const closure = (entry: string, skip: Set<string>) => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || skip.has(name)) return;
      seen.add(name);
      for (const spec of staticImports(file(name).toString())) visit(spec.replace(/^\.\//, '').replace(/^\/_astro\//, ''));
    };
    visit(entry);
    return seen;
  };
  const core = closure(chunkOf('worker'), new Set());
  const scenario = closure(chunkOf('default'), core);
  const needs = chunksForLine(line);
  if (needs === 'all') throw new Error(`"${line}" would load every chunk`);
  const command = new Set<string>();
  for (const chunk of needs) for (const name of closure(chunkOf(moduleOf(chunk)), new Set([...core, ...scenario]))) command.add(name);
  const sizes = (names: Set<string>) => [...names].map((name) => ({ name, gzip: gzipBytes(file(name)) }));
  return { core: sizes(core), scenario: sizes(scenario), command: sizes(command) };
}
