/** PersistentVolume binder: Pending claims bind to the smallest Available volume that fits. */
import type { Obj, Store } from '../api/store.ts';
import type { Controller } from './context.ts';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, bindClaim, fits, waitsForConsumer } from './claims.ts';

/** Records a claim event once (the controller repeats it; one is enough to explain). */
function noteOnce(store: Store, pvc: Obj, type: 'Normal' | 'Warning', reason: string, message: string): void {
  if (store.list('Event', pvc.metadata.namespace).some((e) => e.involvedObject?.uid === pvc.metadata.uid && e.reason === reason)) return;
  store.event(pvc, type, reason, message, 'persistentvolume-controller');
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
    if (waitsForConsumer(store, pvc) && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
      // The scheduler binds these when it places a pod that uses them (or marks the node to provision on).
      noteOnce(store, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      continue;
    }
    if (bindClaim(store, pvc)) {
      changed = true;
      continue;
    }
    const cls = pvc.spec.storageClassName;
    const sc = cls ? store.get('StorageClass', undefined, cls) : undefined;
    if (sc && sc.provisioner !== 'kubernetes.io/no-provisioner') {
      // pv_controller.go setClaimProvisioner: hands the claim to the external provisioner.
      const ann = pvc.metadata.annotations ?? {};
      if (ann[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
        pvc.metadata.annotations = { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: sc.provisioner, [ANN_STORAGE_PROVISIONER]: sc.provisioner };
        store.touch(pvc);
        changed = true;
      }
      noteOnce(
        store,
        pvc,
        'Normal',
        'ExternalProvisioning',
        `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      );
    } else if (!cls) noteOnce(store, pvc, 'Warning', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    else if (!sc) noteOnce(store, pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${cls}" not found`);
  }
  return changed;
};
