/**
 * etcd's data as the simulator keeps it: the live keyspace is the API store; snapshot files and
 * restored data directories carry a serialised copy of it, so a restore really brings back the
 * objects of the moment the snapshot was taken.
 */
import type { Obj, Store } from '../api/store.ts';
import { fnv32a } from '../controllers/context.ts';
import type { Host, World } from '../types.ts';

/** First line of a snapshot file (the rest is base64 of the keyspace as JSON). */
const MAGIC = '# etcd v3 snapshot (kubesim): bbolt pages as base64 JSON';

/** What etcdutl reports about a snapshot. */
export interface SnapshotInfo {
  hash: string;
  revision: number;
  totalKeys: number;
  totalSize: number;
  payload: string;
}

interface EtcdState {
  /** The host directory the running etcd uses (hostPath of etcd-data). */
  liveDir: string;
  /** Keyspaces of data directories etcd used before and left (switching back finds them again). */
  parked: Map<string, string>;
}

const states = new WeakMap<World, EtcdState>();

function state(world: World): EtcdState {
  let s = states.get(world);
  if (!s) states.set(world, (s = { liveDir: '/var/lib/etcd', parked: new Map() }));
  return s;
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(b64: string): string | undefined {
  try {
    const bin = atob(b64.trim());
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The content of a snapshot file holding the store's keyspace now. */
export function snapshotFile(store: Store): string {
  return `${MAGIC}\n${toBase64(store.serialize())}\n`;
}

/** Reads a snapshot file's content; undefined when it is not a snapshot (etcdutl: invalid database). */
export function readSnapshot(content: string | undefined): SnapshotInfo | undefined {
  if (!content || !content.startsWith(MAGIC + '\n')) return undefined;
  const payload = fromBase64(content.slice(MAGIC.length + 1));
  if (payload === undefined) return undefined;
  try {
    const parsed = JSON.parse(payload) as { rv: number; objects: Obj[] };
    return {
      hash: fnv32a(payload).toString(16).padStart(8, '0'),
      revision: parsed.rv,
      totalKeys: parsed.objects.length,
      totalSize: content.length,
      payload,
    };
  } catch {
    return undefined;
  }
}

/** The host directory the running etcd keeps its data in. */
export function liveDataDir(world: World): string {
  return state(world).liveDir;
}

/** Whether `dir` holds etcd data (the live one, one used before, or a restored snapshot). */
export function isDataDir(world: World, host: Host, dir: string): boolean {
  const s = state(world);
  return dir === s.liveDir || s.parked.has(dir) || readSnapshot(host.fs.readFile(`${dir}/member/snap/db`)) !== undefined;
}

/**
 * etcd starts on another data directory: the current keyspace is parked under the old one and
 * the store takes the new one's (a restored snapshot, a directory used before, or a new empty
 * member, where only what the API server and kubelets recreate at once comes back).
 */
export function switchDataDir(world: World, host: Host, store: Store, dir: string): void {
  const s = state(world);
  if (dir === s.liveDir) return;
  s.parked.set(s.liveDir, store.serialize());
  const parked = s.parked.get(dir);
  const snap = readSnapshot(host.fs.readFile(`${dir}/member/snap/db`));
  if (parked !== undefined) {
    store.restore(parked);
    s.parked.delete(dir);
  } else if (snap) {
    store.restore(snap.payload);
  } else {
    const keep = store.all().filter((o) => o.kind === 'Node' || o.kind === 'Namespace');
    store.restore(JSON.stringify({ rv: store.revision(), objects: keep.filter((o) => o.kind === 'Node' || ['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(o.metadata.name)) }));
  }
  s.liveDir = dir;
}

/** The etcd key of an object, as kube-apiserver stores it (`/registry/pods/default/web`). */
export function etcdKey(o: Obj, plural: string): string {
  const special: Record<string, string> = { Node: 'minions', Service: 'services/specs', Endpoints: 'services/endpoints' };
  const group = special[o.kind] ?? plural;
  return o.metadata.namespace ? `/registry/${group}/${o.metadata.namespace}/${o.metadata.name}` : `/registry/${group}/${o.metadata.name}`;
}
