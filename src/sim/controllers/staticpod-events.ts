/**
 * The kubelet's events about its static pods: each run's pull, create and start, or the repeats of
 * its failure, with the counts and times client-go's event correlator gives them. They are written
 * when kubectl is about to read events (get events, describe), from what the node agents keep of
 * each run, so the worker core carries none of it. They name the static pod, whose UID is the
 * config hash; kubectl describe finds them through the mirror pod's config.mirror annotation
 * (kubernetes/kubernetes#74156).
 */
import { rfc3339, type Obj, type Store } from '../api/store.ts';
import type { World } from '../types.ts';
import { endedRuns, runsOf } from './nodeagent.ts';
import { restartsAfter, type StaticRun } from './staticpods.ts';

/** type, reason, message, first seen, last seen, count. */
type Seen = ['Normal' | 'Warning', string, string, number, number, number];

/** The pod worker resyncs a pod in back-off about every ten seconds, and says so each time. */
const RESYNC_MS = 10_000;
/** kube-apiserver --event-ttl. */
const EVENT_TTL_MS = 3_600_000;

/** What the kubelet recorded about a run until `until` (now, or when its file changed). */
function recorded(run: StaticRun, until: number): Seen[] {
  const c = run.manifest.spec.containers[0];
  const image = String(c.image);
  const t0 = run.startedAt;
  const f = run.failure;
  const present = `Container image "${image}" already present on machine`;
  if (!f) return [['Normal', 'Pulled', present, t0, t0, 1], ['Normal', 'Created', `Created container: ${c.name}`, t0, t0, 1], ['Normal', 'Started', `Started container ${c.name}`, t0, t0, 1]];
  const { count, last } = restartsAfter(until - t0);
  const tries = (type: Seen[0], reason: string, message: string): Seen => [type, reason, message, t0, t0 + last, count];
  // After the first failure, every resync in back-off says so again.
  const waited = until - t0 - ((until - t0) % RESYNC_MS);
  const waits = (type: Seen[0], reason: string, message: string): Seen[] => (waited > 0 ? [[type, reason, message, t0 + RESYNC_MS, t0 + waited, waited / RESYNC_MS]] : []);
  if (f.kind === 'image')
    return [
      tries('Normal', 'Pulling', `Pulling image "${image}"`),
      tries('Warning', 'Failed', `Failed to pull image "${image}": ${f.message}`),
      tries('Warning', 'Failed', 'Error: ErrImagePull'),
      ...waits('Normal', 'BackOff', `Back-off pulling image "${image}"`),
      ...waits('Warning', 'Failed', 'Error: ImagePullBackOff'),
    ];
  return [
    tries('Normal', 'Pulled', present),
    tries('Normal', 'Created', `Created container: ${c.name}`),
    f.kind === 'start' ? tries('Warning', 'Failed', `Error: ${f.message}`) : tries('Normal', 'Started', `Started container ${c.name}`),
    ...waits('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${run.podName}_${run.namespace}(${run.hash})`),
  ];
}

/** Writes (or counts up) the events of one run; `mine` are those already written about its pod (by UID). */
function write(store: Store, node: string, run: StaticRun, until: number, now: number, mine: Obj[]): void {
  const involved: Obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: run.podName, namespace: run.namespace, uid: run.hash } };
  for (const [type, reason, message, first, last, count] of recorded(run, until)) {
    if (last < now - EVENT_TTL_MS) continue;
    let e = mine.find((x) => x.reason === reason && x.message === message);
    if (e && e.count === count) continue;
    e ??= store.event(involved, type, reason, message, 'kubelet', node, first);
    e.count = count;
    e.lastTimestamp = rfc3339(last);
    store.touch(e);
  }
}

/**
 * Brings the kubelets' static pod events up to date: runs started after the cluster came up (the
 * bootstrap's are older than the events the API server keeps), failing runs, and runs that ended.
 */
export function writeStaticPodEvents(world: World, store: Store): void {
  const now = world.clock.now();
  // One pass over the events, not one per run: a static pod's UID is its config hash.
  const byUid = new Map<string, Obj[]>();
  for (const e of store.list('Event')) {
    const uid = e.involvedObject?.uid;
    if (!uid) continue;
    const list = byUid.get(uid);
    if (list) list.push(e);
    else byUid.set(uid, [e]);
  }
  const writeRun = (host: string, run: StaticRun, until: number) => {
    if (run.failure || run.startPass >= 0) write(store, host, run, until, now, (byUid.get(run.hash) ?? []).filter((e) => e.metadata.namespace === run.namespace));
  };
  for (const host of world.hosts.keys()) for (const run of runsOf(world, host)) writeRun(host, run, now);
  for (const [host, run, ended] of endedRuns(world)) writeRun(host, run, ended);
}
