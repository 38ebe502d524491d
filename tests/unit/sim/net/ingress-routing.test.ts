/**
 * The ingress-nginx router against the Kubernetes documentation's path-matching table
 * (kubernetes/website content/en/docs/concepts/services-networking/ingress.md, "Examples"
 * under "Path types", and "Multiple matches"), plus random rules checked against a reference
 * matcher written from that page's definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Store, type Obj } from '../../../../src/sim/api/store.ts';
import { hostMatches, pathMatches, routeIngress } from '../../../../src/sim/net/ingress.ts';
import { seededRng, virtualClock } from '../../../../src/sim/world.ts';

type Rule = { path: string; pathType: 'Exact' | 'Prefix'; svc: string };

function storeWith(rules: Rule[], extra: Obj[] = [], host?: string): Store {
  const store = new Store(virtualClock(0), seededRng(1));
  store.create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
  store.create({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'test', namespace: 'default' },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ ...(host ? { host } : {}), http: { paths: rules.map((r) => ({ path: r.path, pathType: r.pathType, backend: { service: { name: r.svc, port: { number: 80 } } } })) } }],
    },
  });
  for (const o of extra) store.create(o);
  return store;
}

/** The docs' definition: Exact is string equality; Prefix compares '/'-split elements, ignoring empty ones (trailing slash). */
function refMatch(r: Rule, path: string): boolean {
  if (r.pathType === 'Exact') return r.path === path;
  const a = r.path.split('/').filter((x) => x !== '');
  const b = path.split('/').filter((x) => x !== '');
  return a.length <= b.length && a.every((x, i) => x === b[i]);
}

/** "Precedence will be given first to the longest matching path … exact path type over prefix". */
function refRoute(rules: Rule[], path: string): string | undefined {
  const m = rules.filter((r) => refMatch(r, path));
  m.sort((x, y) => y.path.replace(/\/+$/, '').length - x.path.replace(/\/+$/, '').length || (y.pathType === 'Exact' ? 1 : 0) - (x.pathType === 'Exact' ? 1 : 0));
  return m[0]?.svc;
}

// Every row of the docs' Examples table: kind, rule path(s), request path(s), matches?
const TABLE: { kind: string; paths: string[]; requests: string[]; match: boolean; winner?: string }[] = [
  { kind: 'Prefix', paths: ['/'], requests: ['/', '/anything', '/a/b/c'], match: true },
  { kind: 'Exact', paths: ['/foo'], requests: ['/foo'], match: true },
  { kind: 'Exact', paths: ['/foo'], requests: ['/bar'], match: false },
  { kind: 'Exact', paths: ['/foo'], requests: ['/foo/'], match: false },
  { kind: 'Exact', paths: ['/foo/'], requests: ['/foo'], match: false },
  { kind: 'Prefix', paths: ['/foo'], requests: ['/foo', '/foo/'], match: true },
  { kind: 'Prefix', paths: ['/foo/'], requests: ['/foo', '/foo/'], match: true },
  { kind: 'Prefix', paths: ['/aaa/bb'], requests: ['/aaa/bbb'], match: false },
  { kind: 'Prefix', paths: ['/aaa/bbb'], requests: ['/aaa/bbb'], match: true },
  { kind: 'Prefix', paths: ['/aaa/bbb/'], requests: ['/aaa/bbb'], match: true },
  { kind: 'Prefix', paths: ['/aaa/bbb'], requests: ['/aaa/bbb/'], match: true },
  { kind: 'Prefix', paths: ['/aaa/bbb'], requests: ['/aaa/bbb/ccc'], match: true },
  { kind: 'Prefix', paths: ['/aaa/bbb'], requests: ['/aaa/bbbxyz'], match: false },
  { kind: 'Prefix', paths: ['/', '/aaa'], requests: ['/aaa/ccc'], match: true, winner: '/aaa' },
  { kind: 'Prefix', paths: ['/', '/aaa', '/aaa/bbb'], requests: ['/aaa/bbb'], match: true, winner: '/aaa/bbb' },
  { kind: 'Prefix', paths: ['/', '/aaa', '/aaa/bbb'], requests: ['/ccc'], match: true, winner: '/' },
  { kind: 'Prefix', paths: ['/aaa'], requests: ['/ccc'], match: false },
];

describe('Ingress path matching: the documentation table', () => {
  for (const row of TABLE)
    for (const req of row.requests)
      it(`${row.kind} ${row.paths.join(', ')} vs ${req} → ${row.match ? 'match' : 'no match'}`, () => {
        const rules = row.paths.map((p) => ({ path: p, pathType: row.kind as 'Exact' | 'Prefix', svc: `svc${p.replace(/\//g, '_')}` }));
        const r = routeIngress(storeWith(rules), 'example.com', req);
        expect(r !== undefined).toBe(row.match);
        if (row.winner) expect(r?.rule?.path).toBe(row.winner);
        for (const rule of rules) expect(pathMatches(rule.pathType, rule.path, req)).toBe(refMatch(rule, req));
      });
  it('Mixed: /foo (Prefix) and /foo (Exact) for /foo prefers Exact', () => {
    const r = routeIngress(storeWith([{ path: '/foo', pathType: 'Prefix', svc: 'prefix' }, { path: '/foo', pathType: 'Exact', svc: 'exact' }]), 'x', '/foo');
    expect(r?.service).toBe('exact');
  });
  it('no match falls back to spec.defaultBackend', () => {
    const store = storeWith([{ path: '/aaa', pathType: 'Prefix', svc: 'aaa' }]);
    store.get('Ingress', 'default', 'test')!.spec.defaultBackend = { service: { name: 'fallback', port: { number: 80 } } };
    const r = routeIngress(store, 'x', '/ccc');
    expect(r).toMatchObject({ service: 'fallback', defaultBackend: true });
  });
});

describe('Ingress hosts', () => {
  // Ingress docs, "Hostname wildcards": *.foo.com matches bar.foo.com, not baz.bar.foo.com nor foo.com.
  it('a wildcard stands for exactly one DNS label', () => {
    expect(hostMatches('*.foo.com', 'bar.foo.com')).toBe(true);
    expect(hostMatches('*.foo.com', 'baz.bar.foo.com')).toBe(false);
    expect(hostMatches('*.foo.com', 'foo.com')).toBe(false);
    expect(hostMatches('foo.bar.com', 'foo.bar.com')).toBe(true);
  });
  it('routes by the Host header, port and case ignored; other hosts get the 404 default backend', () => {
    const store = storeWith([{ path: '/', pathType: 'Prefix', svc: 'wear' }], [], 'wear.my-online-store.com');
    expect(routeIngress(store, 'WEAR.my-online-store.com:30080', '/x')?.service).toBe('wear');
    expect(routeIngress(store, 'watch.my-online-store.com', '/x')).toBeUndefined();
  });
  it('ignores Ingresses of another class', () => {
    const store = storeWith([{ path: '/', pathType: 'Prefix', svc: 'wear' }]);
    store.get('Ingress', 'default', 'test')!.spec.ingressClassName = 'traefik';
    expect(routeIngress(store, 'x', '/')).toBeUndefined();
  });
});

describe('Ingress routing: random rules follow the documented precedence', () => {
  const seg = fc.constantFrom('a', 'b', 'ab', 'c');
  const path = fc.array(seg, { maxLength: 3 }).chain((s) => fc.boolean().map((slash) => '/' + s.join('/') + (slash && s.length ? '/' : '')));
  it('the chosen backend is the reference matcher’s', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ path, pathType: fc.constantFrom('Exact' as const, 'Prefix' as const) }), { minLength: 1, maxLength: 6, selector: (r) => `${r.pathType}${r.path}` }),
        path,
        (rs, req) => {
          const rules = rs.map((r, i) => ({ ...r, svc: `s${i}` }));
          // Equal-length Prefix paths with and without trailing slash are the same location; keep one.
          const seen = new Set<string>();
          const uniq = rules.filter((r) => {
            const k = `${r.pathType}${r.pathType === 'Prefix' ? r.path.replace(/\/+$/, '') : r.path}`;
            if (seen.has(k)) return false;
            seen.add(k);
            return true;
          });
          expect(routeIngress(storeWith(uniq), 'h', req)?.service).toBe(refRoute(uniq, req));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('random hosts and paths never throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (h, p) => {
        const store = storeWith([{ path: '/a', pathType: 'Prefix', svc: 's' }], [], '*.example.com');
        expect(() => routeIngress(store, h, p)).not.toThrow();
      }),
    );
  });
});
