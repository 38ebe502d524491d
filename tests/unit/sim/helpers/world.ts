/** A minimal World for kubectl/cluster tests, independent of the shell's createSimulator. */
import { createCluster, type Cluster, type ClusterOptions } from '../../../../src/sim/cluster.ts';
// Every kubectl verb and printer, as in Node's entry (the browser loads them on demand).
import '../../../../src/sim/commands/all.ts';
import { kubectl } from '../../../../src/sim/commands/kubectl/index.ts';
import type { Host, RunResult, Vfs, World } from '../../../../src/sim/types.ts';
import { KUBERNETES_VERSION } from '../../../../src/sim/versions.ts';

/** An in-memory file system: a map of paths, directories implied by a set. */
export function memVfs(files: Record<string, string> = {}): Vfs {
  const data = new Map(Object.entries(files));
  const dirs = new Set<string>(['/']);
  const parentsOf = (p: string) => {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) dirs.add('/' + parts.slice(0, i).join('/'));
  };
  for (const p of data.keys()) parentsOf(p);
  return {
    readFile: (p) => data.get(p),
    writeFile: (p, d) => {
      parentsOf(p);
      data.set(p, d);
      return true;
    },
    exists: (p) => data.has(p) || dirs.has(p),
    isDir: (p) => dirs.has(p),
    list: (p) => {
      if (!dirs.has(p)) return undefined;
      const prefix = p === '/' ? '/' : p + '/';
      const names = new Set<string>();
      for (const k of [...data.keys(), ...dirs]) if (k.startsWith(prefix) && k !== p) names.add(k.slice(prefix.length).split('/')[0]);
      return [...names].sort();
    },
    mkdir: (p) => {
      parentsOf(p + '/x');
      return true;
    },
    remove: (p) => data.delete(p) || dirs.delete(p),
  };
}

/** mulberry32: small seeded PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scenario clock start used by the tests: 2026-03-01T09:00:00Z. */
export const START = Date.UTC(2026, 2, 1, 9, 0, 0);

export interface TestWorld {
  world: World;
  cluster: Cluster;
  /** Runs `kubectl …` (argv split on spaces unless an array is given) on the control plane. */
  k(args: string | string[], stdin?: string): RunResult;
  host: Host;
}

/** A world with controlplane + node01 (+ node02) and a fresh cluster. */
export function makeWorld(opts: Partial<ClusterOptions> & { files?: Record<string, string>; seed?: number } = {}): TestWorld {
  let now = START;
  const rand = mulberry32(opts.seed ?? 42);
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const nodes = opts.nodes ?? [
    { name: 'controlplane', ip: '192.168.121.10', role: 'control-plane' as const },
    { name: 'node01', ip: '192.168.121.11', role: 'worker' as const },
  ];
  const hosts = new Map<string, Host>();
  for (const n of nodes)
    hosts.set(n.name, { name: n.name, ip: n.ip, fs: memVfs(n.role === 'control-plane' ? opts.files ?? {} : {}), services: new Map(), hasDocker: false });
  const world: World = {
    hosts,
    clock: { now: () => now, advance: (ms) => void (now += ms) },
    rng: { next: rand, suffix: (n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('') },
    cluster: undefined,
    tick: () => (world.cluster as Cluster).reconcile(),
  };
  const cluster = createCluster(world, { version: opts.version ?? KUBERNETES_VERSION, nodes, manifests: opts.manifests, badImages: opts.badImages });
  world.cluster = cluster;
  const host = hosts.get(nodes[0].name)!;
  const k = (args: string | string[], stdin = '') => {
    const argv = ['kubectl', ...(Array.isArray(args) ? args : args.split(' ').filter(Boolean))];
    const r = kubectl({ argv, stdin, env: { HOME: '/root' }, cwd: '/root', host, world });
    world.tick();
    return r;
  };
  return { world, cluster, k, host };
}
