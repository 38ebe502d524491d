import { createCluster } from './cluster.ts';
import type { Cluster } from './cluster.ts';
import { faultSed } from './fault-sed.ts';
import { hostFiles } from './scenario/files.ts';
import type { Fault, HostDecl, Scenario } from './scenario/schema.ts';
import { MemoryVfs } from './shell/vfs.ts';
import type { Clock, Host, Rng, Service, World } from './types.ts';

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** How long before the scenario's clock a faulty world is built, so controllers have seen the fault. */
const FAULT_LEAD_MS = 5 * 60_000;

/** mulberry32: a small seeded PRNG, enough for names and uids (not for secrets). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    suffix: (n) => Array.from({ length: n }, () => NAME_ALPHABET[Math.floor(next() * NAME_ALPHABET.length)]).join(''),
  };
}

/** A clock that only moves when told to. */
export function virtualClock(start: number): Clock {
  let now = start;
  return { now: () => now, advance: (ms) => { now += Math.max(0, ms); } };
}

function service(name: string, at: number, description: string): Service {
  return { name, active: true, enabled: true, since: at, journal: [`Started ${name}.service - ${description}.`] };
}

function seedFiles(fs: MemoryVfs, h: HostDecl, index: number, s: Scenario): void {
  for (const { path, content, mode } of hostFiles(s, h, index)) {
    if (content !== null) fs.seed(path, content, mode);
    else if (path.endsWith('/')) fs.mkdir(path, true);
    else fs.remove(path, true);
  }
}

function makeHost(h: HostDecl, index: number, s: Scenario, clock: Clock): Host {
  const fs = new MemoryVfs(() => clock.now());
  for (const d of ['/root', '/tmp', '/home', '/etc', '/var/log', '/usr/bin', '/usr/local/bin', '/opt', '/dev', '/proc', '/run', '/mnt']) fs.mkdir(d, true);
  seedFiles(fs, h, index, s);
  const at = clock.now();
  const services = new Map<string, Service>([
    ['containerd', service('containerd', at, 'containerd container runtime')],
    ['kubelet', service('kubelet', at, 'kubelet: The Kubernetes Node Agent')],
  ]);
  if (h.docker) services.set('docker', service('docker', at, 'Docker Application Container Engine'));
  return { name: h.name, ip: h.ip, fs, services, hasDocker: h.docker === true };
}

/** Applies one fault; unknown types are left for the tools that will understand them. */
function applyFault(world: World, f: Fault): void {
  const host = world.hosts.get(String(f.host));
  if (!host) return;
  const fs = host.fs;
  const path = String(f.path ?? '');
  switch (f.type) {
    case 'stop-service': {
      const svc = host.services.get(String(f.service));
      if (svc) {
        svc.active = false;
        // The stop's journal lines are filled in when the journal is first read (units.ts unitJournal).
        svc.since = world.clock.now();
      }
      break;
    }
    case 'edit-file': {
      const text = fs.readFile(path);
      if (text !== undefined) fs.writeFile(path, faultSed(String(f.sed), text));
      break;
    }
    case 'write-file':
      if (fs instanceof MemoryVfs) fs.seed(path, String(f.content));
      break;
    case 'delete-file':
      fs.remove(path, true);
      break;
  }
}

/** Builds the hosts, clock, rng and cluster a scenario describes, with its faults applied. */
export function buildWorld(s: Scenario): World {
  const start = Date.parse(s.clock);
  const lead = s.faults.length > 0 ? FAULT_LEAD_MS : 0;
  const clock = virtualClock(start - lead);
  const world: World = {
    hosts: new Map(),
    clock,
    rng: seededRng(s.seed),
    cluster: undefined,
    tick: () => (world.cluster as Cluster | undefined)?.reconcile(),
  };
  s.hosts.forEach((h, i) => world.hosts.set(h.name, makeHost(h, i, s, clock)));
  world.cluster = createCluster(world, {
    version: s.cluster.version,
    nodes: s.hosts.map((h) => ({ name: h.name, ip: h.ip, role: h.role, kubeletVersion: h.kubeletVersion })),
    manifests: s.objects,
    badImages: s.cluster.badImages,
  });
  for (const f of s.faults) applyFault(world, f);
  // Let the controllers notice the faults over the lead time, in steps, as they would have.
  for (let t = 0; t < lead; t += 30_000) {
    clock.advance(30_000);
    world.tick();
  }
  return world;
}
