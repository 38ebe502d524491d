/**
 * How the terminal worker's bundle is split beyond its dynamic imports, and what it leaves out.
 * Rolldown gives each module that the worker core and a lazy chunk both import a chunk of its own:
 * a few hundred bytes each, each one more request with its own gzip overhead, and the 80 KB demo
 * budget counts them all.
 */

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
  { name: 'sim-shared', test: /src[\\/]sim[\\/](limits|versions|api[\\/]kinds|controllers[\\/]manifest-yaml|shell[\\/]paths|printers[\\/](age|json))\.ts$/ },
];

/** What the plugin below cuts out of js-yaml's ESM bundle: the call that builds the dumper, and its export. */
const DUMPER_LINES = ['const dumper2 = requireDumper();', 'jsYaml.dump = dumper2.dump;'];

/**
 * A Vite plugin for the worker bundle: js-yaml without its dumper (3 KB gzip), which the simulator
 * never calls (it writes YAML with printers/yaml.ts). The package's ESM bundle builds every part
 * when it is imported, so no bundler can leave the dumper out; without the two lines that call it,
 * the dumper is dead code. A js-yaml whose bundle no longer has those lines fails the build here
 * rather than shipping the dumper unnoticed. Node (the CLI, the tests) imports the package whole.
 */
export function jsYamlWithoutDumper(): { name: string; transform(code: string, id: string): string | undefined } {
  return {
    name: 'kube-notes:js-yaml-without-dumper',
    transform(code, id) {
      if (!/[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/.test(id)) return undefined;
      for (const line of DUMPER_LINES) if (!code.includes(line)) throw new Error(`js-yaml-without-dumper: "${line}" is not in ${id}; update DUMPER_LINES for this js-yaml`);
      return DUMPER_LINES.reduce((out, line) => out.replace(line, ''), code);
    },
  };
}
