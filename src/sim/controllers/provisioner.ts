/**
 * rancher/local-path-provisioner (the provisioner kind and killercoda clusters ship), run by
 * sig-storage-lib-external-provisioner: it provisions claims the PV controller handed to
 * `rancher.io/local-path` once the scheduler picked a node, and deletes Released volumes of
 * classes with `reclaimPolicy: Delete`. It only works while its pod runs.
 *
 * Upstream: local-path-provisioner provisioner.go (PV shape, "configuration error, no node was
 * specified"), sig-storage-lib-external-provisioner controller/controller.go ("Provisioning"
 * event, pvc-<uid> names) and controller/volume_store.go ("ProvisioningSucceeded").
 */
import type { Obj, Store } from '../api/store.ts';
import { ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimRefOf } from './claims.ts';
import { podReady, type Controller, type ControllerContext } from './context.ts';

/** The provisioner name local-path-provisioner registers. */
export const LOCAL_PATH = 'rancher.io/local-path';

const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const ANN_LOCAL_NODE = 'local.path.provisioner/selected-node';

const DEFAULT_BASE = '/opt/local-path-provisioner';

/** The running provisioner pod, if any (Deployment local-path-provisioner, label app=local-path-provisioner). */
function provisionerPod(store: Store): Obj | undefined {
  return store.list('Pod').find((p) => p.metadata.labels?.app === 'local-path-provisioner' && podReady(p) && !p.metadata.deletionTimestamp);
}

/** Whether some running provisioner serves `name` (only local-path is simulated). */
export function provisionerRunning(store: Store, name: string): boolean {
  return name === LOCAL_PATH && !!provisionerPod(store);
}

/** The base directory for a node from the local-path-config ConfigMap (nodePathMap), as the provisioner reads it. */
function basePath(store: Store, ns: string, node: string): string {
  const cm = store.get('ConfigMap', ns, 'local-path-config');
  try {
    const cfg = JSON.parse(cm?.data?.['config.json'] ?? '{}');
    const map: Obj[] = cfg.nodePathMap ?? [];
    const entry = map.find((e) => e.node === node) ?? map.find((e) => e.node === 'DEFAULT_PATH_FOR_NON_LISTED_NODES');
    const p = entry?.paths?.[0];
    if (typeof p === 'string' && p.startsWith('/')) return p.replace(/\/+$/, '');
  } catch {
    // A config the provisioner cannot parse keeps the default it started with.
  }
  return DEFAULT_BASE;
}

/** The event source of the provisioner: `<provisioner>_<pod name>_<uuid>` (NewProvisionController). */
const identities = new WeakMap<Store, Map<string, string>>();
function identity(store: Store, pod: Obj): string {
  let m = identities.get(store);
  if (!m) identities.set(store, (m = new Map()));
  let id = m.get(pod.metadata.uid);
  if (!id) m.set(pod.metadata.uid, (id = `${LOCAL_PATH}_${pod.metadata.name}_${store.uid()}`));
  return id;
}

function hasEvent(store: Store, obj: Obj, reason: string): boolean {
  return store.list('Event', obj.metadata.namespace).some((e) => e.involvedObject?.uid === obj.metadata.uid && e.reason === reason);
}

/** The PersistentVolume local-path-provisioner returns for a claim on a node (hostPath, node affinity). */
function volumeFor(pvc: Obj, sc: Obj, node: string, path: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: `pvc-${pvc.metadata.uid}`,
      annotations: { [ANN_LOCAL_NODE]: node, [ANN_PROVISIONED_BY]: LOCAL_PATH },
      finalizers: ['kubernetes.io/pv-protection'],
    },
    spec: {
      accessModes: [...(pvc.spec.accessModes ?? [])],
      capacity: { storage: pvc.spec.resources?.requests?.storage },
      claimRef: claimRefOf(pvc),
      hostPath: { path, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: pvc.spec.storageClassName,
      volumeMode: 'Filesystem',
    },
  };
}

function provision(ctx: ControllerContext, pod: Obj, pvc: Obj, sc: Obj): boolean {
  const { store } = ctx;
  const source = identity(store, pod);
  const key = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
  const node = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  if (store.get('PersistentVolume', undefined, `pvc-${pvc.metadata.uid}`)) return false;
  if (!node) {
    // Immediate binding: local volumes need a node, so the provisioner refuses (and retries).
    if (hasEvent(store, pvc, 'ProvisioningFailed')) return false;
    store.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`, source);
    store.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": configuration error, no node was specified`, source);
    return true;
  }
  store.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`, source);
  const name = `pvc-${pvc.metadata.uid}`;
  const path = `${basePath(store, pod.metadata.namespace, node)}/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`;
  // The helper pod's setup script: mkdir -m 0777 -p "$VOL_DIR" on the node.
  const fs = ctx.hostFs?.(node);
  if (fs?.mkdir(path, true)) (fs as { chmod?(p: string, mode: number): boolean }).chmod?.(path, 0o777);
  const res = ctx.api.create(volumeFor(pvc, sc, node, path), undefined);
  if (!res.obj) return false;
  store.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`, source);
  return true;
}

export const localPathProvisioner: Controller = (ctx) => {
  const { store } = ctx;
  const pod = provisionerPod(store);
  if (!pod) return false;
  let changed = false;
  for (const pvc of store.list('PersistentVolumeClaim')) {
    if (pvc.status?.phase !== 'Pending' || pvc.metadata.deletionTimestamp) continue;
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH) continue;
    const sc = store.get('StorageClass', undefined, pvc.spec.storageClassName ?? '');
    if (!sc || sc.provisioner !== LOCAL_PATH) continue;
    if (provision(ctx, pod, pvc, sc)) changed = true;
  }
  for (const pv of store.list('PersistentVolume')) {
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY] !== LOCAL_PATH || pv.status?.phase !== 'Released') continue;
    if ((pv.spec.persistentVolumeReclaimPolicy ?? 'Delete') !== 'Delete') continue;
    // The helper pod's teardown script (rm -rf "$VOL_DIR"), then the PV object goes.
    const node = pv.metadata.annotations?.[ANN_LOCAL_NODE];
    if (node && pv.spec.hostPath?.path) ctx.hostFs?.(node)?.remove(pv.spec.hostPath.path, true);
    store.delete('PersistentVolume', undefined, pv.metadata.name);
    changed = true;
  }
  return changed;
};
