import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../../src/sim/cluster.ts';
import { ETCD_TLS, ops } from './helpers.ts';

const NODES = ['controlplane', 'node01', 'node02'];
const op = fc.oneof(
  fc.tuple(fc.constantFrom(...NODES), fc.boolean()).map(([n, up]) => `ssh ${n} systemctl ${up ? 'start' : 'stop'} kubelet`),
  fc.integer({ min: 1, max: 400 }).map((s) => `sleep ${s}`),
  fc.integer({ min: 1, max: 5 }).map((r) => `kubectl create deployment d${r} --image=nginx --replicas=${r}`),
  fc.integer({ min: 1, max: 5 }).map((r) => `kubectl delete deployment d${r}`),
  fc.constantFrom(
    "sed -i 's/- kube-scheduler$/- kube-schedulerr/' /etc/kubernetes/manifests/kube-scheduler.yaml",
    "sed -i 's/- kube-schedulerr$/- kube-scheduler/' /etc/kubernetes/manifests/kube-scheduler.yaml",
    'mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/',
    'mv /root/kube-apiserver.yaml /etc/kubernetes/manifests/',
    `etcdctl ${ETCD_TLS} snapshot save /opt/s.db`,
    'etcdutl --data-dir /var/lib/etcd-r snapshot restore /opt/s.db',
    "sed -i 's|path: /var/lib/etcd$|path: /var/lib/etcd-r|' /etc/kubernetes/manifests/etcd.yaml",
    'kubectl run p --image=nginx',
    'kubectl get pods -A',
    'systemctl status kubelet',
    'journalctl -u kubelet -n 3',
  ),
);

// Invariants the real system keeps: pods are bound only to existing nodes; a node reads Ready only while
// its kubelet runs or within the 50 s node-monitor-grace-period after it stopped; no command crashes.
describe('random node and control-plane operations', () => {
  it('never break the cluster invariants', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (cmds) => {
        const { sim, run } = ops();
        for (const c of cmds) {
          const r = run(c);
          expect(r.stderr).not.toContain('internal error');
          const cluster = sim.world.cluster as Cluster;
          const now = sim.world.clock.now();
          const nodes = new Set(cluster.store.list('Node').map((n) => n.metadata.name));
          for (const p of cluster.store.list('Pod')) if (p.spec.nodeName) expect(nodes.has(p.spec.nodeName)).toBe(true);
          if (!cluster.apiAvailable()) continue;
          for (const n of cluster.store.list('Node')) {
            const ready = n.status.conditions.find((x: { type: string }) => x.type === 'Ready')?.status === 'True';
            const svc = sim.world.hosts.get(n.metadata.name)!.services.get('kubelet')!;
            if (ready && !svc.active) expect(now - svc.since).toBeLessThan(50_000 + 5_000);
          }
        }
      }),
      { numRuns: 20, seed: 20261125 },
    );
  }, 180_000);
});
