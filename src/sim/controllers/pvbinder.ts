/** PersistentVolume binder: Pending claims bind to the smallest Available volume that fits. */
import { parseQuantity } from '../api/quantity.ts';
import type { Obj } from '../api/store.ts';
import type { Controller } from './context.ts';

function fits(pv: Obj, pvc: Obj): boolean {
  const cls = pvc.spec.storageClassName ?? '';
  if ((pv.spec.storageClassName ?? '') !== cls) return false;
  if (pvc.spec.volumeName && pvc.spec.volumeName !== pv.metadata.name) return false;
  const modes: string[] = pv.spec.accessModes ?? [];
  if (!(pvc.spec.accessModes ?? []).every((m: string) => modes.includes(m))) return false;
  if ((pv.spec.volumeMode ?? 'Filesystem') !== (pvc.spec.volumeMode ?? 'Filesystem')) return false;
  const sel = pvc.spec.selector?.matchLabels;
  if (sel && Object.entries(sel).some(([k, v]) => pv.metadata.labels?.[k] !== v)) return false;
  return parseQuantity(pv.spec.capacity?.storage) >= parseQuantity(pvc.spec.resources?.requests?.storage);
}

export const pvBinder: Controller = ({ store }) => {
  let changed = false;
  for (const pv of store.list('PersistentVolume')) {
    if (!pv.status?.phase || pv.status.phase === 'Pending') {
      pv.status = { lastPhaseTransitionTime: pv.metadata.creationTimestamp, phase: 'Available' };
      store.touch(pv);
      changed = true;
    }
    if (pv.status.phase === 'Bound' && pv.spec.claimRef && !store.get('PersistentVolumeClaim', pv.spec.claimRef.namespace, pv.spec.claimRef.name)) {
      pv.status = { ...pv.status, phase: 'Released' };
      store.touch(pv);
      changed = true;
    }
  }
  for (const pvc of store.list('PersistentVolumeClaim')) {
    if (pvc.status?.phase !== 'Pending') continue;
    const candidates = store
      .list('PersistentVolume')
      .filter((pv) => pv.status?.phase === 'Available' && !pv.spec.claimRef && fits(pv, pvc))
      .sort((a, b) => parseQuantity(a.spec.capacity?.storage) - parseQuantity(b.spec.capacity?.storage));
    const pv = candidates[0];
    if (!pv) continue;
    pv.spec.claimRef = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: pvc.metadata.name,
      namespace: pvc.metadata.namespace,
      resourceVersion: pvc.metadata.resourceVersion,
      uid: pvc.metadata.uid,
    };
    pv.status = { ...pv.status, phase: 'Bound' };
    store.touch(pv);
    pvc.spec.volumeName = pv.metadata.name;
    pvc.metadata.annotations = { ...(pvc.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    pvc.status = { accessModes: [...(pv.spec.accessModes ?? [])], capacity: { ...(pv.spec.capacity ?? {}) }, phase: 'Bound' };
    store.touch(pvc);
    changed = true;
  }
  return changed;
};
