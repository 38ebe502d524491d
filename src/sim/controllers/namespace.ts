/** Namespace controller: deleting a namespace removes everything in it, then the namespace. */
import { RESOURCES } from '../api/kinds.ts';
import type { Controller } from './context.ts';

export const namespaceController: Controller = ({ store }) => {
  let changed = false;
  for (const ns of store.list('Namespace')) {
    if (!ns.metadata.deletionTimestamp) continue;
    for (const r of RESOURCES) {
      if (!r.namespaced || r.group === 'events.k8s.io') continue;
      for (const o of store.list(r.kind, ns.metadata.name)) store.delete(r.kind, ns.metadata.name, o.metadata.name);
    }
    store.delete('Namespace', undefined, ns.metadata.name);
    changed = true;
  }
  return changed;
};
