/**
 * What the terminal's worker downloads by the end of a first command, from the built chunks:
 * the worker entry and its static imports (the simulator core), then the default scenario and
 * every command family (the worker fetches them once the scenario is in). Printed, not enforced.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipBytes, staticImports } from './page-js.ts';

/** Gzip bytes of the worker core and of its lazily loaded default scenario and command families. */
export function workerLoad(dist: string, familiesDir: string): { core: number; lazy: number; families: number } {
  const astro = join(dist, '_astro');
  const chunks = readdirSync(astro);
  const entry = chunks.find((f) => /^worker-.*\.js$/.test(f));
  if (!entry) throw new Error('no worker-*.js in dist/_astro');
  const file = (name: string) => readFileSync(join(astro, name));
  const core = new Set<string>();
  const visit = (name: string) => {
    if (core.has(name)) return;
    core.add(name);
    for (const spec of staticImports(file(name).toString())) visit(spec.replace(/^\.\//, '').replace(/^\/_astro\//, ''));
  };
  visit(entry);
  const families = readdirSync(familiesDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
  // Rollup names a chunk after its module and adds an 8-character hash.
  const lazy = chunks.filter((c) => !core.has(c) && [...families, 'default'].some((f) => new RegExp(`^${f}-[\\w-]{8}\\.js$`).test(c)));
  const sum = (names: Iterable<string>) => [...names].reduce((t, n) => t + gzipBytes(file(n)), 0);
  return { core: sum(core), lazy: sum(lazy), families: families.length };
}
