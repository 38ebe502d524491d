/**
 * How the terminal worker's bundle is split beyond its dynamic imports, and what it leaves out.
 * Rolldown gives each module that the worker core and a lazy chunk both import a chunk of its own:
 * a few hundred bytes each, each one more request with its own gzip overhead, and the 80 KB demo
 * budget counts them all.
 */
import { fileURLToPath } from 'node:url';

/** A code-splitting group of rolldown's `output.codeSplitting.groups`. */
interface ChunkGroup {
  name: string;
  test: RegExp;
}

/**
 * One chunk beside the worker core for the small modules it shares with the lazy chunks. They are
 * leaves: a group also takes its modules' imports, so a module that imports the core (kubectl's
 * flags, say) would pull core modules out of the worker's entry into the group.
 */
export const workerChunkGroups: ChunkGroup[] = [
  { name: 'sim-shared', test: /src[\\/]sim[\\/](limits|versions|api[\\/]kinds|controllers[\\/]manifest-yaml)\.ts$/ },
];

/**
 * A Vite plugin for the worker bundle only: `js-yaml` resolves to its reader alone
 * (src/sim/api/js-yaml-reader.mjs), 4 KB gzip lighter than the package's bundle, which carries the
 * dumper the simulator never calls. Only the worker: the site's build runs the simulator in Node,
 * where the package itself is imported.
 */
export function jsYamlReaderOnly(): { name: string; enforce: 'pre'; resolveId(id: string): string | undefined } {
  const reader = fileURLToPath(new URL('../sim/api/js-yaml-reader.mjs', import.meta.url));
  return { name: 'kube-notes:js-yaml-reader', enforce: 'pre', resolveId: (id) => (id === 'js-yaml' ? reader : undefined) };
}
