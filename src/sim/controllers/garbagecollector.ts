/** Garbage collector: objects whose controller owner is gone are deleted (background cascade). */
import type { Controller } from './context.ts';

export const garbageCollector: Controller = ({ store }) => {
  const uids = new Set(store.all().map((o) => o.metadata.uid));
  let changed = false;
  for (const o of store.all()) {
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length && refs.every((r: { uid: string }) => !uids.has(r.uid))) {
      store.delete(o.kind, o.metadata.namespace, o.metadata.name);
      changed = true;
    }
  }
  return changed;
};

/** kube-apiserver's --event-ttl (1h by default): older Events disappear from etcd. */
export const EVENT_TTL_MS = 3600_000;

/** Expires Events past their TTL, as etcd leases do for the API server. */
export const eventTTL: Controller = ({ store, now }) => {
  let changed = false;
  for (const e of store.list('Event')) {
    const last = Date.parse(e.lastTimestamp ?? e.metadata.creationTimestamp);
    if (now() - last >= EVENT_TTL_MS) {
      store.delete('Event', e.metadata.namespace, e.metadata.name);
      changed = true;
    }
  }
  return changed;
};
