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
