/**
 * Claim binding as both the PV controller (pvbinder.ts) and the scheduler's VolumeBinding use it,
 * apart from those controllers so that the scheduler, always in the browser worker's core, does
 * not bring them: pvbinder.ts and provisioner.ts load with controllers/workloads.ts.
 */
import { parseQuantity } from '../api/quantity.ts';
import type { Obj, Store } from '../api/store.ts';

/** Annotations the scheduler and the PV controller put on a claim (pv_controller.go). */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The provisioner the PV controller hands a claim to (pv_controller.go). */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
/** The beta spelling of ANN_STORAGE_PROVISIONER, which the PV controller still sets. */
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';

/** Whether a volume can satisfy a claim (class, name, modes, selector, size). */
export function fits(pv: Obj, pvc: Obj): boolean {
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

/** Whether a volume's claimRef names this claim (pre-bound by an admin or a provisioner). */
function preBoundTo(pv: Obj, pvc: Obj): boolean {
  const ref = pv.spec.claimRef;
  return !!ref && ref.name === pvc.metadata.name && (ref.namespace ?? 'default') === pvc.metadata.namespace && (!ref.uid || ref.uid === pvc.metadata.uid);
}

/** Binds a claim to a volume pre-bound to it, else to the smallest fitting Available volume; false when none fits. */
export function bindClaim(store: Store, pvc: Obj): boolean {
  const available = store.list('PersistentVolume').filter((v) => v.status?.phase === 'Available');
  const pv =
    available.find((v) => preBoundTo(v, pvc) && fits(v, pvc)) ??
    available
      .filter((v) => !v.spec.claimRef && fits(v, pvc))
      .sort((a, b) => parseQuantity(a.spec.capacity?.storage) - parseQuantity(b.spec.capacity?.storage))[0];
  if (!pv) return false;
  pv.spec.claimRef = claimRefOf(pvc);
  pv.status = { ...pv.status, phase: 'Bound' };
  store.touch(pv);
  pvc.spec.volumeName = pv.metadata.name;
  pvc.metadata.annotations = { ...(pvc.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
  pvc.status = { accessModes: [...(pv.spec.accessModes ?? [])], capacity: { ...(pv.spec.capacity ?? {}) }, phase: 'Bound' };
  store.touch(pvc);
  return true;
}

/** Whether the claim's StorageClass delays binding until a pod uses it. */
export function waitsForConsumer(store: Store, pvc: Obj): boolean {
  const cls = pvc.spec?.storageClassName;
  return !!cls && store.get('StorageClass', undefined, cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** The claimRef a volume bound to `pvc` carries (the PV binder's and the provisioner's). */
export function claimRefOf(pvc: Obj): Obj {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: pvc.metadata.name,
    namespace: pvc.metadata.namespace,
    resourceVersion: pvc.metadata.resourceVersion,
    uid: pvc.metadata.uid,
  };
}
