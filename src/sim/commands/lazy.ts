/**
 * The command families, kubectl's parts and js-yaml as separate chunks, for the browser worker:
 * it shows its first prompt with none of them and loads, before each line, what that line may
 * need (line-scan.ts). Keep FAMILIES in step with all.ts (a test compares them).
 */
import type { CommandFn } from '../types.ts';
import { useFullYaml } from '../controllers/manifest-yaml.ts';
import type { FamilyName } from './command-map.ts';
import type { KubectlPart } from './kubectl/verbs.ts';
import type { ChunkName, LineNeeds } from './line-scan.ts';
import { useUnavailableTools } from '../shell/interpreter.ts';
import { registerCommands } from './registry.ts';

type Family = () => Promise<{ COMMANDS: Record<string, CommandFn> }>;

/** Each family's loader by name; each import becomes a chunk of its own in the browser build. */
export const FAMILIES: Record<FamilyName, Family> = {
  coreutils: () => import('./families/coreutils.ts'),
  awk: () => import('./families/awk.ts'),
  sed: () => import('./families/sed.ts'),
  kubectl: () => import('./families/kubectl.ts'),
  systemd: () => import('./families/systemd.ts'),
  etcd: () => import('./families/etcd.ts'),
  dnsutils: () => import('./families/dnsutils.ts'),
  http: () => import('./families/http.ts'),
  net: () => import('./families/net.ts'),
  docker: () => import('./families/docker.ts'),
  apt: () => import('./families/apt.ts'),
  kubeadm: () => import('./families/kubeadm.ts'),
  crictl: () => import('./families/crictl.ts'),
  node: () => import('./families/node.ts'),
  procps: () => import('./families/procps.ts'),
  diffutils: () => import('./families/diffutils.ts'),
};

// Loaded through kubectl's family module: see families/kubectl.ts.
const part = (name: KubectlPart) => async () => (await (await import('./families/kubectl.ts')).PARTS[name]()).install();

/** The other chunks: what each one registers once loaded, and the chunks it needs first. */
const EXTRAS: Record<Exclude<ChunkName, FamilyName>, { load: () => Promise<void>; after: ChunkName[] }> = {
  'kubectl-describe': { load: part('kubectl-describe'), after: ['kubectl'] },
  'kubectl-events': { load: part('kubectl-events'), after: ['kubectl'] },
  'kubectl-ops': { load: part('kubectl-ops'), after: ['kubectl'] },
  'kubectl-verbs': { load: part('kubectl-verbs'), after: ['kubectl', 'yaml'] },
  'kubectl-help': { load: part('kubectl-help'), after: ['kubectl'] },
  'kubectl-help-texts': { load: part('kubectl-help-texts'), after: ['kubectl'] },
  'kubectl-jsonpath': { load: part('kubectl-jsonpath'), after: ['kubectl'] },
  'kubectl-gotemplate': { load: part('kubectl-gotemplate'), after: ['kubectl'] },
  'kubectl-yaml': { load: part('kubectl-yaml'), after: ['kubectl'] },
  'kubectl-explain': { load: part('kubectl-explain'), after: ['kubectl'] },
  'kubectl-selectors': { load: part('kubectl-selectors'), after: ['kubectl'] },
  // The kubelet's manifest reader and kubectl's kubeconfig and -f readers use it (manifest-yaml.ts).
  // A manifest edited on disk becomes a static pod the API server must validate, as in Node.
  yaml: {
    load: async () => {
      const [m, v] = await Promise.all([import('../api/yaml-reader.ts'), import('../api/install-validation.ts')]);
      useFullYaml(m.YAML_READER);
      v.installValidation();
    },
    after: [],
  },
  // The names of tools the sandbox lacks, for a command word it has no command for.
  unavailable: {
    load: async () => {
      const m = await import('../shell/unavailable.ts');
      useUnavailableTools(m.UNAVAILABLE_TOOLS, m.unservedResourceLine);
    },
    after: [],
  },
  // ssh to another node: its option parsing and usage text are not needed before a line names it.
  ssh: { load: async () => (await import('../shell/ssh.ts')).installSsh(), after: [] },
  // if, for, while, case, functions, test and read: most lines are simple commands.
  compound: { load: async () => (await import('../shell/compound.ts')).installCompound(), after: [] },
  // A scenario's objects need their kinds' controllers, not the verbs that let users write them.
  workloads: { load: async () => (await import('../controllers/workloads.ts')).installWorkloadControllers(), after: [] },
};

/** The chunks a chunk needs loaded first (its `after`; none for a family). */
export function chunksBefore(name: ChunkName): ChunkName[] {
  return isFamily(name) ? [] : EXTRAS[name].after;
}

/** Every chunk name. */
export const CHUNK_NAMES = [...Object.keys(FAMILIES), ...Object.keys(EXTRAS)] as ChunkName[];

const loading = new Map<ChunkName, Promise<void>>();

function isFamily(name: ChunkName): name is FamilyName {
  return Object.hasOwn(FAMILIES, name);
}

function loadChunk(name: ChunkName): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    const extra = isFamily(name) ? undefined : EXTRAS[name];
    const run = isFamily(name)
      ? async () => registerCommands((await FAMILIES[name]()).COMMANDS)
      : async () => {
          await Promise.all(extra!.after.map(loadChunk));
          await extra!.load();
        };
    promise = run().catch((error: unknown) => {
      // A chunk that failed to download may come on a later try.
      loading.delete(name);
      throw error;
    });
    loading.set(name, promise);
  }
  return promise;
}

/** Loads and registers the chunks a line needs (each once; later calls share the first one's promise). */
export function loadChunks(needs: LineNeeds | Iterable<ChunkName>): Promise<void> {
  const names = needs === 'all' ? CHUNK_NAMES : [...needs];
  return Promise.all(names.map(loadChunk)).then(() => undefined);
}

/** The chunks loaded so far (tests, benchmarks). */
export function loadedChunks(): ChunkName[] {
  return CHUNK_NAMES.filter((name) => loading.has(name));
}
