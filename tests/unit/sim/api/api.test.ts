import { describe, expect, it } from 'vitest';
import { resolveResource } from '../../../../src/sim/api/kinds.ts';
import { matches } from '../../../../src/sim/api/selectors.ts';
import { parseSelector } from '../../../../src/sim/api/selector-parse.ts';
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

  // The good and bad strings of apimachinery's pkg/labels/selector_test.go (TestSelectorParse).
  it('accepts and refuses what labels.Parse does', () => {
    for (const good of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5', 'x in (in,notin)', 'x in (,)'])
      expect(typeof parseSelector(good), good).not.toBe('string');
    for (const bad of ['x=a||y=b', 'x==a==b', '!x=a', 'x<a']) expect(typeof parseSelector(bad), bad).toBe('string');
  });

  // Messages of labels.Parse (pkg/labels/selector.go: parse, parseRequirement, parseValues,
  // parseIdentifiersList, parseOperator, NewRequirement) and field.Error's format.
  it("words each error as labels.Parse's", () => {
    expect(parseSelector('app in (x')).toBe("unable to parse requirement: found '', expected: ',' or ')'");
    expect(parseSelector('a,')).toBe("found '', expected: identifier after ','");
    expect(parseSelector(',a')).toBe("found ',', expected: !, identifier, or 'end of string'");
    expect(parseSelector('x==a==b')).toBe("found '==', expected: ',' or 'end of string'");
    expect(parseSelector('!x=a')).toBe("found '=', expected: ',' or 'end of string'");
    expect(parseSelector('a b')).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseSelector('a in b')).toBe("unable to parse requirement: found 'b' expected: '('");
    expect(parseSelector('a in (b c)')).toBe("unable to parse requirement: found 'c', expected: ',' or ')'");
    expect(parseSelector('a in (=)')).toBe("unable to parse requirement: found '=', expected: ',', ')' or identifier");
    expect(parseSelector('x<a')).toBe(`unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`);
    expect(parseSelector('Bad_/x')).toMatch(/^unable to parse requirement: <nil>: Invalid value: "Bad_\/x": prefix part a lowercase RFC 1123 subdomain must consist of /);
    expect(parseSelector('a in (b-,c-)')).toMatch(/^unable to parse requirement: \[values\[0\]\[a\]: Invalid value: "b-": a valid label must be .*, values\[1\]\[a\]: Invalid value: "c-": .*\]$/);
  });

  it('matches gt and lt on integer values, and `in ()` on the empty value', () => {
    const reqs = parseSelector('size>2,rank<10,x in ()');
    if (typeof reqs === 'string') throw new Error(reqs);
    expect(matches(reqs, { size: '3', rank: '-1', x: '' })).toBe(true);
    expect(matches(reqs, { size: '2', rank: '-1', x: '' })).toBe(false);
    expect(matches(reqs, { size: 'big', rank: '-1', x: '' })).toBe(false);
    expect(matches(reqs, { size: '3', rank: '-1' })).toBe(false);
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
