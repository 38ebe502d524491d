import { describe, expect, it } from 'vitest';
import { resolveResource } from '../../../../src/sim/api/kinds.ts';
import { matches, parseSelector } from '../../../../src/sim/api/selectors.ts';
import { formatFieldError, strictDecode, validateObject } from '../../../../src/sim/api/validation.ts';
import { isLatest } from '../../../../src/sim/api/defaults.ts';
import { makeWorld } from '../helpers/world.ts';

describe('resource table', () => {
  it('resolves plural, singular, short names, kinds and group-qualified names', () => {
    expect(resolveResource('po')?.plural).toBe('pods');
    expect(resolveResource('deploy')?.group).toBe('apps');
    expect(resolveResource('Deployment')?.plural).toBe('deployments');
    expect(resolveResource('deployments.apps')?.kind).toBe('Deployment');
    expect(resolveResource('ev')?.group).toBe('');
    expect(resolveResource('pvc')?.kind).toBe('PersistentVolumeClaim');
    expect(resolveResource('nope')).toBeUndefined();
  });
});

describe('strict decoding', () => {
  // apiserver/pkg/endpoints/handlers/rest.go transformDecodeError: "%s in version %q cannot be handled as a %s: %v"
  it('reports unknown fields with their path', () => {
    expect(strictDecode({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'b', imagee: 'c' }] } }, 'Pod', 'v1')).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });
  it('reports type mismatches as encoding/json does', () => {
    expect(strictDecode({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'three' } }, 'Deployment', 'v1')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});

describe('field validation', () => {
  // k8s.io/apimachinery/pkg/util/validation/field/errors.go formats; messages from validation.go.
  it('requires containers and names', () => {
    const errs = validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [] } }).map(formatFieldError);
    expect(errs).toEqual(['spec.containers: Required value']);
  });
  it('checks DNS-1123 subdomain names', () => {
    const errs = validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'My_Pod' }, spec: { containers: [{ name: 'a', image: 'b' }] } }).map(formatFieldError);
    expect(errs[0]).toBe(
      "metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });
  it('checks deployment selectors against template labels', () => {
    const errs = validateObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'a', image: 'b' }] } } },
    }).map(formatFieldError);
    expect(errs).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`']);
  });
  it('lists supported values for enums', () => {
    const errs = validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'b' }] } }).map(formatFieldError);
    expect(errs).toEqual(['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"']);
  });
});

describe('label selectors', () => {
  it('parses equality, set-based and existence requirements', () => {
    const reqs = parseSelector('app=web,tier!=db,env in (prod,staging),!legacy');
    expect(typeof reqs).not.toBe('string');
    if (typeof reqs === 'string') return;
    expect(matches(reqs, { app: 'web', tier: 'fe', env: 'prod' })).toBe(true);
    expect(matches(reqs, { app: 'web', tier: 'db', env: 'prod' })).toBe(false);
    expect(matches(reqs, { app: 'web', env: 'prod', legacy: 'y' })).toBe(false);
    expect(matches(reqs, { app: 'web', env: 'dev' })).toBe(false);
  });
});

describe('defaults', () => {
  it('pulls :latest and untagged images Always', () => {
    expect(isLatest('nginx')).toBe(true);
    expect(isLatest('nginx:latest')).toBe(true);
    expect(isLatest('nginx:1.27')).toBe(false);
    expect(isLatest('localhost:5000/app')).toBe(true);
  });
});

describe('store and bootstrap', () => {
  it('bootstraps a kubeadm-like cluster three days before the scenario clock', () => {
    const { cluster } = makeWorld();
    const names = cluster.store.list('Pod', 'kube-system').map((p) => p.metadata.name);
    expect(names).toContain('etcd-controlplane');
    expect(names).toContain('kube-apiserver-controlplane');
    expect(names.filter((n) => n.startsWith('coredns-')).length).toBe(2);
    expect(names.filter((n) => n.startsWith('kube-proxy-')).length).toBe(2);
    expect(cluster.store.get('Service', 'kube-system', 'kube-dns')?.spec.clusterIP).toBe('10.96.0.10');
    expect(cluster.store.get('Service', 'default', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
    expect(cluster.store.get('ConfigMap', 'kube-system', 'coredns')?.data.Corefile).toContain('kubernetes cluster.local in-addr.arpa ip6.arpa');
    expect(cluster.store.get('Node', undefined, 'controlplane')?.metadata.creationTimestamp).toBe('2026-02-26T09:00:00Z');
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kube-flannel']) {
      expect(cluster.store.get('ServiceAccount', ns, 'default')).toBeDefined();
      expect(cluster.store.get('ConfigMap', ns, 'kube-root-ca.crt')).toBeDefined();
    }
  });

  it('is deterministic for a seed and serialises/restores', () => {
    const a = makeWorld({ seed: 7 });
    const b = makeWorld({ seed: 7 });
    expect(a.cluster.store.serialize()).toBe(b.cluster.store.serialize());
    const snap = a.cluster.store.serialize();
    a.k('run x --image=nginx');
    expect(a.cluster.store.get('Pod', 'default', 'x')).toBeDefined();
    a.cluster.store.restore(snap);
    expect(a.cluster.store.get('Pod', 'default', 'x')).toBeUndefined();
  });

  it('schedules static pod manifests from the control plane host when present', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  hostNetwork: true\n  containers:\n  - name: etcd\n    image: registry.k8s.io/etcd:3.6.4-0\n';
    const { cluster } = makeWorld({ files: { '/etc/kubernetes/manifests/etcd.yaml': manifest } });
    const pods = cluster.store.list('Pod', 'kube-system').map((p) => p.metadata.name);
    expect(pods).toContain('etcd-controlplane');
    expect(pods).not.toContain('kube-apiserver-controlplane');
  });
});
