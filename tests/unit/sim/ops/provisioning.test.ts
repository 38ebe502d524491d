import { describe, expect, it } from 'vitest';
import { ops } from './helpers.ts';

// Dynamic provisioning with rancher/local-path-provisioner (content/scenarios/storage-provisioning.yaml).
// Upstream: kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (WaitForFirstConsumer,
// ExternalProvisioning events, the storage-provisioner annotations), kube-scheduler's VolumeBinding
// plugin (volume.kubernetes.io/selected-node), sig-storage-lib-external-provisioner controller/controller.go
// ("Provisioning": `External provisioner is provisioning volume for claim %q`, PV name "pvc-" + claim UID,
// the event source `<provisioner>_<hostname>_<uuid>`) and controller/volume_store.go ("ProvisioningSucceeded":
// `Successfully provisioned volume %s`), local-path-provisioner provisioner.go (hostPath DirectoryOrCreate
// under /opt/local-path-provisioner/<pv>_<ns>_<claim>, node affinity kubernetes.io/hostname, the
// "configuration error, no node was specified" refusal of Immediate classes), kubectl describe.go
// (printVolumeNodeAffinity).
describe('local-path dynamic provisioning', () => {
  it('waits for the first consumer, provisions on the Pod node, binds and runs the Pod', () => {
    const { out, sim } = ops('storage-provisioning');
    expect(out('kubectl get storageclass')).toMatch(/^local-path\s+rancher\.io\/local-path\s+Delete\s+WaitForFirstConsumer\s+false\s+/m);
    expect(out('kubectl get pods -n local-path-storage')).toMatch(/^local-path-provisioner-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+/m);
    out('kubectl create -f pvc.yaml');
    expect(out('kubectl get pvc')).toMatch(/^local-path-pvc\s+Pending\s+local-path\s+<unset>\s+0s$/m);
    expect(out('kubectl describe pvc local-path-pvc')).toContain('Normal  WaitForFirstConsumer  0s    persistentvolume-controller  waiting for first consumer to be created before binding\n');
    expect(out('kubectl get pv')).toBe('');

    out('kubectl create -f pod.yaml');
    const node = out("kubectl get pod volume-test -o jsonpath={.spec.nodeName}");
    expect(node).toMatch(/^node0[12]$/);
    expect(out('kubectl get pod volume-test')).toMatch(/volume-test\s+1\/1\s+Running/);
    const pv = out('kubectl get pvc local-path-pvc -o jsonpath={.spec.volumeName}');
    const uid = out('kubectl get pvc local-path-pvc -o jsonpath={.metadata.uid}');
    expect(pv).toBe(`pvc-${uid}`);
    expect(out('kubectl get pv')).toMatch(new RegExp(`^${pv}\\s+128Mi\\s+RWO\\s+Delete\\s+Bound\\s+default/local-path-pvc\\s+local-path\\s+<unset>\\s+0s$`, 'm'));

    const claim = out('kubectl describe pvc local-path-pvc');
    expect(claim).toContain(`volume.kubernetes.io/selected-node: ${node}\n`);
    expect(claim).toContain('volume.kubernetes.io/storage-provisioner: rancher.io/local-path\n');
    const reasons = [...claim.matchAll(/^\s+Normal\s+(\w+)\s+0s\s+(\S+)/gm)].map((m) => [m[1], m[2].replace(/_.*/, '_…')]);
    expect(reasons).toEqual([
      ['WaitForFirstConsumer', 'persistentvolume-controller'],
      ['ExternalProvisioning', 'persistentvolume-controller'],
      ['Provisioning', 'rancher.io/local-path_…'],
      ['ProvisioningSucceeded', 'rancher.io/local-path_…'],
    ]);
    expect(claim).toMatch(/rancher\.io\/local-path_local-path-provisioner-[a-z0-9]+-[a-z0-9]{5}_[0-9a-f-]{36}\s+External provisioner is provisioning volume for claim "default\/local-path-pvc"\n/);
    expect(claim).toContain(`Successfully provisioned volume ${pv}\n`);

    const path = `/opt/local-path-provisioner/${pv}_default_local-path-pvc`;
    const desc = out(`kubectl describe pv ${pv}`);
    expect(desc).toContain(`Annotations:       local.path.provisioner/selected-node: ${node}\n                   pv.kubernetes.io/provisioned-by: rancher.io/local-path\n`);
    expect(desc).toContain(`Node Affinity:     \n  Required Terms:  \n    Term 0:        kubernetes.io/hostname in [${node}]\n`);
    expect(desc).toContain(`  Type:          HostPath (bare host directory volume)\n  Path:          ${path}\n  HostPathType:  DirectoryOrCreate\n`);
    // The helper pod's setup script made the directory on that node (mkdir -m 0777 -p).
    expect(sim.world.hosts.get(node)?.fs.isDir(path)).toBe(true);
    expect(sim.world.hosts.get('controlplane')?.fs.exists(path)).toBe(false);

    out('kubectl delete pod volume-test');
    out('kubectl delete pvc local-path-pvc');
    // reclaimPolicy Delete: the provisioner's teardown removes the directory and the PV.
    expect(out('kubectl get pv')).toBe('');
    expect(sim.world.hosts.get(node)?.fs.exists(path)).toBe(false);
    expect(sim.check().map((c) => c.pass)).toEqual([true, true]);
  });

  it('keeps the scenario checks failing before the reader provisions anything', () => {
    const { sim } = ops('storage-provisioning');
    expect(sim.check().map((c) => c.pass)).toEqual([false, true]);
  });

  it('refuses an Immediate class: local volumes need a node', () => {
    const { out } = ops('storage-provisioning');
    out(
      'kubectl apply -f - <<EOF\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local-immediate\nprovisioner: rancher.io/local-path\nvolumeBindingMode: Immediate\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: imm\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-immediate\n  resources:\n    requests:\n      storage: 1Gi\nEOF',
    );
    const d = out('kubectl describe pvc imm');
    expect(d).toContain('Status:        Pending\n');
    expect(d).toMatch(/Normal\s+ExternalProvisioning\s+0s\s+persistentvolume-controller\s+Waiting for a volume to be created either by the external provisioner 'rancher\.io\/local-path'/);
    expect(d).toMatch(/Warning\s+ProvisioningFailed\s+0s\s+rancher\.io\/local-path_\S+\s+failed to provision volume with StorageClass "local-immediate": configuration error, no node was specified\n/);
    expect(out('kubectl get pv')).toBe('');
  });

  it('keeps a Pod Pending while the class provisioner is not running', () => {
    const { out, run } = ops('storage-provisioning');
    out('kubectl scale deployment local-path-provisioner -n local-path-storage --replicas=0');
    out('kubectl create -f pvc.yaml');
    out('kubectl create -f pod.yaml');
    expect(out('kubectl get pod volume-test')).toMatch(/volume-test\s+0\/1\s+Pending/);
    expect(out('kubectl get pvc local-path-pvc -o jsonpath={.status.phase}')).toBe('Pending');
    // The scheduler chose a node and waits for the volume (PreBind); the PV controller hands the claim over.
    expect(out('kubectl describe pvc local-path-pvc')).toMatch(/volume\.kubernetes\.io\/selected-node: node0[12]\n/);
    expect(run('kubectl get pv').stderr).toBe('No resources found\n');
    // The provisioner comes back and the Pod starts.
    out('kubectl scale deployment local-path-provisioner -n local-path-storage --replicas=1');
    expect(out('kubectl get pvc local-path-pvc -o jsonpath={.status.phase}')).toBe('Bound');
    expect(out('kubectl get pod volume-test')).toMatch(/volume-test\s+1\/1\s+Running/);
  });
});
