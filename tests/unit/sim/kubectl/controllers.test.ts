import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: postgres:17
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      storageClassName: manual
      resources:
        requests:
          storage: 1Gi
`;

const PVS = [1, 2]
  .map((i) => `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv${i}\nspec:\n  capacity:\n    storage: 2Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: manual\n  hostPath:\n    path: /data/pv${i}\n`)
  .join('---\n');

describe('controllers', () => {
  it('creates StatefulSet pods in order with their claims bound to PVs', () => {
    const { k, cluster } = makeWorld();
    k('apply -f -', PVS);
    expect(k('apply -f -', STS).stdout).toBe('statefulset.apps/db created\n');
    expect(cluster.store.list('Pod', 'default').map((p) => p.metadata.name)).toEqual(['db-0', 'db-1']);
    expect(k('get pvc -o name').stdout).toBe('persistentvolumeclaim/data-db-0\npersistentvolumeclaim/data-db-1\n');
    expect(cluster.store.list('PersistentVolumeClaim', 'default').every((c) => c.status.phase === 'Bound')).toBe(true);
    expect(k('get sts').stdout).toBe('NAME   READY   AGE\ndb     2/2     0s\n');
    k('scale sts db --replicas=1');
    expect(cluster.store.list('Pod', 'default').map((p) => p.metadata.name)).toEqual(['db-0']);
  });

  it('runs DaemonSet pods only where the taints are tolerated', () => {
    const { k, cluster } = makeWorld();
    const ds = (name: string, tol: string) =>
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n${tol}      containers:\n      - name: agent\n        image: busybox:1.36\n        command: [sleep, infinity]\n`;
    k('apply -f -', ds('plain', ''));
    k('apply -f -', ds('everywhere', '      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n'));
    const nodesOf = (app: string) => cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels.app === app).map((p) => p.spec.nodeName).sort();
    expect(nodesOf('plain')).toEqual(['node01']);
    expect(nodesOf('everywhere')).toEqual(['controlplane', 'node01']);
  });

  it('deletes everything in a namespace with the namespace', () => {
    const { k, cluster } = makeWorld();
    k('create ns team');
    k('create deployment web --image=nginx -n team');
    k('create configmap cfg -n team --from-literal=a=b');
    k('delete ns team');
    expect(cluster.store.all().filter((o) => o.metadata.namespace === 'team')).toEqual([]);
  });

  it('accepts JSON manifests', () => {
    const { k } = makeWorld();
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { a: '1' } });
    expect(k('apply -f -', json).stdout).toBe('configmap/j created\n');
  });

  it('keeps resourceVersions increasing and uids unique', () => {
    const { k, cluster } = makeWorld();
    const before = cluster.store.revision();
    k('create deployment web --image=nginx --replicas=3');
    expect(cluster.store.revision()).toBeGreaterThan(before);
    const uids = cluster.store.all().map((o) => o.metadata.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const u of uids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('volume binding', () => {
  const pod = (claim: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: ${claim}\n`;

  it('keeps a pod Pending on a missing or unbound claim, with the scheduler message', () => {
    const { k, cluster } = makeWorld();
    k('apply -f -', pod('nope'));
    expect(cluster.store.get('Pod', 'default', 'app')?.status.conditions[0].message).toBe(
      '0/2 nodes are available: persistentvolumeclaim "nope" not found. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    k('apply -f -', 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: nope\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    expect(cluster.store.get('Pod', 'default', 'app')?.status.conditions[0].message).toBe(
      '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    expect(k('describe pvc nope').stdout).toContain('Warning  FailedBinding  0s    persistentvolume-controller  no persistent volumes available for this claim and no storage class is set\n');
    k('apply -f -', 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data\n');
    expect(cluster.store.get('Pod', 'default', 'app')?.status.phase).toBe('Running');
  });

  it('binds WaitForFirstConsumer claims when a pod is scheduled', () => {
    const { k, cluster } = makeWorld();
    k('apply -f -', 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n');
    k('apply -f -', 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  storageClassName: local\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data\n');
    k('apply -f -', 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  storageClassName: local\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    expect(cluster.store.get('PersistentVolumeClaim', 'default', 'c')?.status.phase).toBe('Pending');
    k('apply -f -', pod('c'));
    expect(cluster.store.get('PersistentVolumeClaim', 'default', 'c')?.status.phase).toBe('Bound');
    expect(cluster.store.get('Pod', 'default', 'app')?.status.phase).toBe('Running');
  });
});
