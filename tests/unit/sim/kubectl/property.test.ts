import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { makeWorld } from '../helpers/world.ts';

const KINDS: [string, string][] = [
  ['v1', 'Pod'], ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'DaemonSet'], ['apps/v1', 'StatefulSet'],
  ['v1', 'Service'], ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'Namespace'], ['v1', 'PersistentVolume'],
  ['v1', 'PersistentVolumeClaim'], ['networking.k8s.io/v1', 'Ingress'], ['v1', 'Node'], ['extensions/v1beta1', 'Ingress'], ['v1', 'Nope'],
];

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -3, max: 5 }), fc.boolean(), fc.constant(null));
const container = fc.record({ name, image: fc.constantFrom('nginx', 'busybox:1.36', 'nginx:1.27'), ports: fc.option(fc.array(fc.record({ containerPort: fc.integer({ min: 0, max: 70000 }) }), { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: ['name'] });
const labels = fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('a', 'b'), { maxKeys: 2 });
const podSpec = fc.record({ containers: fc.array(container, { maxLength: 2 }), nodeName: fc.option(fc.constantFrom('node01', 'ghost'), { nil: undefined }), restartPolicy: fc.option(fc.constantFrom('Always', 'Never', 'Sometimes'), { nil: undefined }) }, { requiredKeys: [] });
const spec = fc.record(
  {
    replicas: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.string({ maxLength: 2 })),
    selector: fc.record({ matchLabels: labels }),
    template: fc.record({ metadata: fc.record({ labels }), spec: podSpec }),
    containers: fc.array(container, { maxLength: 2 }),
    ports: fc.array(fc.record({ port: fc.integer({ min: 0, max: 70000 }), targetPort: fc.integer({ min: 1, max: 9000 }) }), { maxLength: 2 }),
    type: fc.constantFrom('ClusterIP', 'NodePort', 'Bogus'),
    capacity: fc.record({ storage: fc.constantFrom('1Gi', '5Gi', 'x') }),
    accessModes: fc.constantFrom(['ReadWriteOnce'], ['ReadWriteMany'], []),
    hostPath: fc.record({ path: fc.constant('/data') }),
    resources: fc.record({ requests: fc.record({ storage: fc.constantFrom('1Gi', '2Gi') }) }),
    extra: scalar,
  },
  { requiredKeys: [] },
);
const manifest = fc.record(
  {
    kind: fc.constantFrom(...KINDS),
    metadata: fc.record({ name: fc.oneof(name, fc.constant('Bad_Name')), namespace: fc.option(fc.constantFrom('default', 'kube-system', 'ghost'), { nil: undefined }), labels }, { requiredKeys: ['name'] }),
    spec,
    junk: fc.option(scalar, { nil: undefined }),
  },
  { requiredKeys: ['kind', 'metadata'] },
).map(({ kind, ...rest }) => ({ apiVersion: kind[0], kind: kind[1], ...rest }));

describe('kubectl apply over random manifests', () => {
  it('never throws and keeps the store consistent', () => {
    fc.assert(
      fc.property(fc.array(manifest, { minLength: 1, maxLength: 4 }), fc.constantFrom('apply', 'create', 'delete'), (docs, verb) => {
        const { k, cluster } = makeWorld({ seed: 3 });
        let lastRv = cluster.store.revision();
        const text = docs.map((d) => yaml.dump(JSON.parse(JSON.stringify(d)))).join('---\n');
        for (const v of ['apply', verb]) {
          const r = k(['apply', '-f', '-'].map((a, i) => (i === 0 ? v : a)), text);
          expect(typeof r.stdout).toBe('string');
          expect([0, 1]).toContain(r.exitCode);
          expect(r.stderr.includes('undefined')).toBe(false);
          const rv = cluster.store.revision();
          expect(rv).toBeGreaterThanOrEqual(lastRv);
          lastRv = rv;
        }
        // Reading back whatever was stored must not hit a simulator bug (the dispatcher turns
        // exceptions into "error: …", so look for JavaScript's own messages).
        for (const args of ['get all -A -o wide', 'describe pods', 'get pv,pvc,ing,cm,secret,ns -o yaml', 'describe deploy,rs,ds,sts,svc,ing,pv,pvc', 'get events -A']) {
          const r = k(args);
          expect(r.stderr).not.toMatch(/TypeError|Cannot read|undefined is not|is not a function|Maximum call stack/);
        }
        const uids = new Set(cluster.store.all().map((o) => o.metadata.uid));
        for (const pod of cluster.store.list('Pod')) {
          if (pod.spec.nodeName && pod.spec.nodeName !== 'ghost') expect(cluster.store.get('Node', undefined, pod.spec.nodeName)).toBeDefined();
          for (const ref of pod.metadata.ownerReferences ?? []) expect(uids.has(ref.uid)).toBe(true);
        }
        const rvs = cluster.store.all().map((o) => Number(o.metadata.resourceVersion));
        expect(new Set(rvs).size).toBe(rvs.length);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
