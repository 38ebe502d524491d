/**
 * What runs on the machines rather than in the API: each host's kubelet runs its static pods, the
 * control plane's availability follows them (no etcd or kube-apiserver: kubectl is refused; no
 * kube-scheduler: pods stay Pending; no controller-manager: nothing reconciles), etcd reads the data
 * directory its manifest names, and a restarted kubelet reports its package's version.
 */
import type { Obj } from '../api/store.ts';
import type { Cluster } from '../cluster.ts';
import { kubeletBinary } from '../commands/apt/packages.ts';
import type { Host, World } from '../types.ts';
import { isDataDir, liveDataDir, switchDataDir } from '../etcd/data.ts';
import { klog, logUnit, mainPid } from '../commands/systemd/journal.ts';
import { createMirror, failedStatus, logFailure, parseManifest, readManifests, START_MS, startRun, type StaticRun } from './staticpods.ts';

/** The control-plane components that run as static pods on a kubeadm control plane. */
export const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;

interface AgentState {
  pass: number;
  managed: boolean;
  runs: Map<string, Map<string, StaticRun>>;
  logged: Set<string>;
  up: Map<string, boolean>;
  kubelets: Map<string, string>;
  apiDownSince: number | undefined;
  /** The inputs of the last pass that started nothing: a pass on the same inputs would change nothing. */
  settled: string | undefined;
  /** The last run each manifest's change ended, by host and file: [host, run, when]. */
  ended: Map<string, [string, StaticRun, number]>;
}

const states = new WeakMap<World, AgentState>();

function state(world: World): AgentState {
  let s = states.get(world);
  if (!s) states.set(world, (s = { pass: 0, managed: false, runs: new Map(), logged: new Set(), up: new Map(), kubelets: new Map(), apiDownSince: undefined, settled: undefined, ended: new Map() }));
  return s;
}

const booted = new WeakSet<World>();

/** Services the scenario never touched have run since their node joined, not since the terminal opened. */
export function bootServices(world: World): void {
  const cluster = world.cluster as Cluster | undefined;
  if (booted.has(world) || !cluster) return;
  booted.add(world);
  for (const host of world.hosts.values()) {
    const created = Date.parse(cluster.store.get('Node', undefined, host.name)?.metadata.creationTimestamp ?? '');
    for (const svc of host.services.values()) if (svc.active && svc.journal.length === 1 && created < svc.since) svc.since = created;
  }
}

/** Static pod runs of a host (crictl lists their containers); the node agents start on first use. */
export function runsOf(world: World, host: string): StaticRun[] {
  if (state(world).pass === 0) (world.cluster as Cluster | undefined)?.reconcile();
  return [...(state(world).runs.get(host)?.values() ?? [])];
}

/** The last run each manifest's change ended, with its host and the time: its events outlive it. */
export function endedRuns(world: World): [string, StaticRun, number][] {
  return [...state(world).ended.values()];
}

/** Whether a control-plane component serves now (always true when the scenario has no manifests). */
export function componentUp(world: World, component: string): boolean {
  const s = state(world);
  return !s.managed || (s.up.get(component) ?? false);
}

/** Since when the API server has been unreachable, if it is. */
export function apiDownSince(world: World): number | undefined {
  return state(world).apiDownSince;
}

/** The kubelet was (re)started: it now runs the installed package's version. */
export function kubeletStarted(world: World, host: Host): void {
  const s = state(world);
  s.kubelets.set(host.name, kubeletBinary(world, host));
  s.settled = undefined;
}

/** The version a host's running kubelet reports. */
export function runningKubelet(world: World, host: Host): string {
  const s = state(world);
  let v = s.kubelets.get(host.name);
  if (!v) s.kubelets.set(host.name, (v = kubeletBinary(world, host)));
  return v;
}

/** The host directory a manifest's etcd keeps its data in (hostPath under --data-dir's mount). */
export function etcdHostDir(pod: Obj): string {
  const c = pod.spec?.containers?.[0] ?? {};
  const arg = [...(c.command ?? []), ...(c.args ?? [])].map(String).find((a) => a.startsWith('--data-dir='));
  const dir = arg ? arg.slice('--data-dir='.length) : '/default.etcd';
  const mounts: Obj[] = (c.volumeMounts ?? []).filter((m: Obj) => dir === m.mountPath || dir.startsWith(String(m.mountPath).replace(/\/$/, '') + '/'));
  mounts.sort((a, b) => String(b.mountPath).length - String(a.mountPath).length);
  const vol = mounts.length ? (pod.spec.volumes ?? []).find((v: Obj) => v.name === mounts[0].name) : undefined;
  if (!vol?.hostPath?.path) return `container:${dir}`;
  return String(vol.hostPath.path).replace(/\/$/, '') + dir.slice(String(mounts[0].mountPath).replace(/\/$/, '').length);
}

function syncRuns(world: World, host: Host, runs: Map<string, StaticRun>, s: AgentState, pullable: (i: string) => boolean): void {
  const now = world.clock.now();
  const files = readManifests(host);
  const seen = new Set<string>();
  for (const { file, content } of files) {
    seen.add(file);
    const cur = runs.get(file);
    if (cur && cur.content === content) continue;
    if (cur) s.ended.set(host.name + file, [host.name, cur, now]);
    const pod = parseManifest(file, content);
    if (typeof pod === 'string') {
      runs.delete(file);
      const key = `${host.name}:${file}:${content.length}:${content.slice(0, 64)}`;
      const svc = host.services.get('kubelet');
      if (svc && !s.logged.has(key)) {
        s.logged.add(key);
        const pid = mainPid(host, svc);
        logUnit(svc, now, `kubelet[${pid}]`, `${klog('E', now, pid, 'file.go:187')}"Could not process manifest file" err="${pod.replaceAll('"', '\\"')}" path="${file}"`);
      }
      continue;
    }
    const run = startRun(host, file, content, pod, now, s.pass, pullable);
    runs.set(file, run);
    if (run.failure) logFailure(host, run, now);
  }
  for (const f of [...runs.keys()]) if (!seen.has(f)) runs.delete(f);
}

/** Adopts the mirror pods the bootstrap created, so an untouched cluster does not restart. */
function adopt(world: World, cluster: Cluster, host: Host, s: AgentState, pullable: (i: string) => boolean): Map<string, StaticRun> {
  const runs = new Map<string, StaticRun>();
  for (const { file, content } of readManifests(host)) {
    const pod = parseManifest(file, content);
    if (typeof pod === 'string') continue;
    const run = startRun(host, file, content, pod, world.clock.now(), s.pass, pullable);
    const mirror = cluster.store.get('Pod', run.namespace, run.podName);
    const hash = mirror?.metadata.annotations?.['kubernetes.io/config.mirror'];
    if (mirror && hash && !run.failure) {
      run.hash = hash;
      run.startedAt = Date.parse(mirror.metadata.creationTimestamp);
      run.startPass = -1;
    } else if (run.failure) logFailure(host, run, world.clock.now());
    runs.set(file, run);
  }
  return runs;
}

function runUp(run: StaticRun | undefined, s: AgentState, now: number): boolean {
  return !!run && !run.failure && (s.pass > run.startPass || now >= run.startedAt + START_MS);
}

function syncMirrors(world: World, cluster: Cluster, host: Host, runs: Map<string, StaticRun>): void {
  const { store, api } = cluster;
  const desired = new Map<string, StaticRun>();
  for (const r of runs.values()) desired.set(`${r.namespace}/${r.podName}`, r);
  for (const pod of store.list('Pod')) {
    if (pod.spec?.nodeName !== host.name || pod.metadata.annotations?.['kubernetes.io/config.mirror'] === undefined) continue;
    const run = desired.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!run || pod.metadata.annotations['kubernetes.io/config.mirror'] !== run.hash) store.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  }
  for (const run of desired.values()) {
    const pod = store.get('Pod', run.namespace, run.podName) ?? createMirror(api, store, run, host.name);
    if (pod && run.failure) failedStatus(store, pod, run, host.ip, world.clock.now());
  }
}

/**
 * What a pass reads: each node's files and kubelet, the API objects and the time. Hosts without a
 * change counter make every key different, so their agents never skip a pass.
 */
function inputs(world: World, cluster: Cluster): string | undefined {
  let key = `${cluster.store.changes()} ${world.clock.now()} ${cluster.nodes.length}`;
  for (const n of cluster.nodes) {
    const host = world.hosts.get(n.name);
    if (!host) continue;
    const changes = host.fs.changes?.();
    if (changes === undefined) return undefined;
    const kubelet = host.services.get('kubelet');
    key += ` ${changes}:${kubelet ? `${kubelet.active}:${kubelet.since}:${kubelet.journal.length}` : '-'}`;
  }
  return key;
}

/** One pass of every host's node agent; cluster.ts calls it before the controllers (on every command). */
export function syncNodeAgents(world: World, cluster: Cluster, pullable: (i: string) => boolean): void {
  const s = state(world);
  // Most commands change none of what the agents read: skip re-reading every manifest then.
  if (s.settled !== undefined && s.settled === inputs(world, cluster)) return;
  syncPass(world, cluster, pullable, s);
  // A run started in this pass is up on the next one (runUp): only a pass that started none settles.
  let started = false;
  for (const runs of s.runs.values()) for (const r of runs.values()) if (r.startPass === s.pass) started = true;
  s.settled = started ? undefined : inputs(world, cluster);
}

function syncPass(world: World, cluster: Cluster, pullable: (i: string) => boolean, s: AgentState): void {
  bootServices(world);
  s.pass++;
  const now = world.clock.now();
  const cp = cluster.nodes.find((n) => n.role === 'control-plane') ?? cluster.nodes[0];
  for (const n of cluster.nodes) {
    const host = world.hosts.get(n.name);
    if (!host) continue;
    let runs = s.runs.get(host.name);
    if (!runs) {
      runs = adopt(world, cluster, host, s, pullable);
      s.runs.set(host.name, runs);
      if (n === cp && runs.size > 0) s.managed = true;
    }
    const kubelet = host.services.get('kubelet');
    if (!kubelet || kubelet.active) syncRuns(world, host, runs, s, pullable);
  }
  if (s.managed && cp) {
    const host = world.hosts.get(cp.name);
    const runs = [...(s.runs.get(cp.name)?.values() ?? [])];
    for (const c of COMPONENTS) s.up.set(c, runs.some((r) => r.component === c && runUp(r, s, now)));
    const etcd = runs.find((r) => r.component === 'etcd' && runUp(r, s, now));
    if (etcd && host) {
      const dir = etcdHostDir(etcd.manifest);
      if (dir !== liveDataDir(world)) {
        if (!dir.startsWith('container:') && !isDataDir(world, host, dir)) host.fs.mkdir(`${dir}/member/snap`, true);
        switchDataDir(world, host, cluster.store, dir);
      }
    }
    cluster.setComponentUp('etcd', s.up.get('etcd') ?? false);
    cluster.setComponentUp('kube-apiserver', s.up.get('kube-apiserver') ?? false);
    const apiserver = runs.find((r) => r.component === 'kube-apiserver' && runUp(r, s, now));
    const tag = /:(v\d+\.\d+\.\d+)$/.exec(String(apiserver?.manifest.spec.containers[0].image ?? ''))?.[1];
    if (tag && tag !== cluster.version) cluster.setServerVersion(tag);
  }
  if (!cluster.apiAvailable()) {
    s.apiDownSince ??= now;
    return;
  }
  s.apiDownSince = undefined;
  for (const n of cluster.nodes) {
    const host = world.hosts.get(n.name);
    const kubelet = host?.services.get('kubelet');
    if (!host || (kubelet && !kubelet.active)) continue;
    syncMirrors(world, cluster, host, s.runs.get(host.name) ?? new Map());
    const node = cluster.store.get('Node', undefined, n.name);
    const v = runningKubelet(world, host);
    if (node?.status?.nodeInfo && node.status.nodeInfo.kubeletVersion !== v) {
      node.status.nodeInfo.kubeletVersion = v;
      cluster.store.touch(node);
    }
  }
}
