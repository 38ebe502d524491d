/**
 * The object store: what kube-apiserver keeps in etcd. Assigns uid, resourceVersion,
 * creationTimestamp and generation; can be serialised and restored (etcd snapshot demos).
 */
import type { Clock, Rng } from '../types.ts';
import { MAX_OBJECTS } from '../limits.ts';

/** A Kubernetes object as stored: plain JSON data. */
export type Obj = Record<string, any>;

/** RFC 3339 with second precision and `Z`, as metav1.Time marshals. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Deep copy of JSON data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function keyOf(kind: string, ns: string | undefined, name: string): string {
  return `${kind}/${ns ?? ''}/${name}`;
}

/** The store of every API object, keyed by kind, namespace and name. */
export class Store {
  private objects = new Map<string, Obj>();
  /** The same objects by kind, and each kind's sorted list until it changes: controllers list on every sync. */
  private byKind = new Map<string, Map<string, Obj>>();
  private sorted = new Map<string, Obj[]>();
  private rv = 1000;
  /** Counts every write, a restore included (which may keep the revision): see changes(). */
  private writes = 0;
  private eventSeq = 0;
  /** Creation order by uid (service links need "created before the pod" within one second). */
  private created = new Map<string, number>();
  readonly clock: Clock;
  readonly rng: Rng;

  constructor(clock: Clock, rng: Rng) {
    this.clock = clock;
    this.rng = rng;
  }

  /** A new uid in UUID v4 format from the seeded rng. */
  uid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.rng.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** How many objects the store holds. */
  size(): number {
    return this.objects.size;
  }

  /** Whether the store is at MAX_OBJECTS: the API server refuses creates and events are dropped. */
  full(): boolean {
    return this.objects.size >= MAX_OBJECTS;
  }

  /** How many objects of a kind the store holds. */
  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  get(kind: string, ns: string | undefined, name: string): Obj | undefined {
    return this.objects.get(keyOf(kind, ns, name));
  }

  /** Objects of a kind, in one namespace or all, sorted by namespace then name (as etcd keys sort). */
  list(kind: string, ns?: string): Obj[] {
    let all = this.sorted.get(kind);
    if (!all) {
      all = [...(this.byKind.get(kind)?.values() ?? [])].sort((a, b) => {
        const an = a.metadata.namespace ?? '';
        const bn = b.metadata.namespace ?? '';
        if (an !== bn) return an < bn ? -1 : 1;
        return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
      });
      this.sorted.set(kind, all);
    }
    return ns === undefined ? [...all] : all.filter((o) => (o.metadata.namespace ?? '') === ns);
  }

  private put(key: string, obj: Obj): void {
    this.objects.set(key, obj);
    let kind = this.byKind.get(obj.kind);
    if (!kind) this.byKind.set(obj.kind, (kind = new Map()));
    kind.set(key, obj);
    this.sorted.delete(obj.kind);
  }

  /** Stores a new object; `at` backdates creationTimestamp (bootstrap objects). */
  create(obj: Obj, at?: number): Obj {
    const meta = (obj.metadata ??= {});
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.rng.suffix(5);
    meta.uid = this.uid();
    meta.resourceVersion = String(++this.rv);
    meta.creationTimestamp = rfc3339(at ?? this.clock.now());
    this.created.set(meta.uid, this.created.size + 1);
    this.writes++;
    if (obj.spec !== undefined && ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Pod', 'PodDisruptionBudget'].includes(obj.kind)) {
      if (obj.kind !== 'Pod') meta.generation = 1;
    }
    this.put(keyOf(obj.kind, meta.namespace, meta.name), obj);
    return obj;
  }

  /** Replaces an object; bumps resourceVersion, and generation when the spec changed. */
  update(obj: Obj): Obj {
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const old = this.objects.get(key);
    if (old && obj.metadata.generation !== undefined && JSON.stringify(old.spec) !== JSON.stringify(obj.spec) && old !== obj)
      obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
    obj.metadata.resourceVersion = String(++this.rv);
    this.writes++;
    this.put(key, obj);
    return obj;
  }

  /** The order in which an object was created (0 when unknown, e.g. restored from a snapshot). */
  creationOrder(uid: string): number {
    return this.created.get(uid) ?? 0;
  }

  /** Marks an in-place edit of a stored object (status writes by controllers). */
  touch(obj: Obj): void {
    obj.metadata.resourceVersion = String(++this.rv);
    this.writes++;
  }

  delete(kind: string, ns: string | undefined, name: string): Obj | undefined {
    const key = keyOf(kind, ns, name);
    const o = this.objects.get(key);
    this.objects.delete(key);
    this.byKind.get(kind)?.delete(key);
    this.sorted.delete(kind);
    if (o) ++this.rv;
    this.writes++;
    return o;
  }

  /** A number that changes with every write through the store (cluster.ts skips a reconcile when it has not). */
  changes(): number {
    return this.writes;
  }

  /** The current resourceVersion (etcd revision). */
  revision(): number {
    return this.rv;
  }

  /** Records an Event about an object, as a controller or kubelet would. */
  event(involved: Obj, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string, at?: number): Obj {
    const now = at ?? this.clock.now();
    const nanos = BigInt(Math.floor(now)) * 1000000n + BigInt(++this.eventSeq * 7919);
    const ns = involved.metadata.namespace ?? 'default';
    const ev: Obj = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${involved.metadata.name}.${nanos.toString(16)}`, namespace: ns },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        namespace: involved.metadata.namespace,
        uid: involved.metadata.uid,
      },
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    if (!ev.involvedObject.namespace) delete ev.involvedObject.namespace;
    // Events are best effort (client-go's recorder drops them when its queue is full): a full store keeps none.
    if (this.full()) return ev;
    return this.create(ev, now);
  }

  /** Every object, for snapshots. */
  all(): Obj[] {
    return [...this.objects.values()];
  }

  /** The whole store as JSON (etcdctl snapshot save). */
  serialize(): string {
    return JSON.stringify({ rv: this.rv, objects: [...this.objects.values()] });
  }

  /** Replaces the content with a snapshot (etcdctl snapshot restore). */
  restore(data: string): void {
    const parsed = JSON.parse(data) as { rv: number; objects: Obj[] };
    this.objects.clear();
    this.byKind.clear();
    this.sorted.clear();
    for (const o of parsed.objects) this.put(keyOf(o.kind, o.metadata.namespace, o.metadata.name), o);
    this.rv = Math.max(this.rv, parsed.rv);
    this.writes++;
  }
}
