/**
 * The ingress-nginx router: which Ingresses the controller serves (by class), how it picks a
 * server block by Host and a location by path (Kubernetes path types, longest match, Exact
 * before Prefix), the default backends, and the status address it publishes.
 */
import type { Obj, Store } from '../api/store.ts';

/** The rule that matched a request, or the fallback that answered it. */
export interface IngressRoute {
  /** The Ingress (namespace/name) whose rule or defaultBackend matched. */
  ingress: Obj;
  rule?: { host: string; path: string; pathType: string };
  /** The backend Service and port as the Ingress names them. */
  service: string;
  port: number | string;
  /** True when spec.defaultBackend answered. */
  defaultBackend: boolean;
}

/** The controller's own default class and controller name (ingress-nginx defaults). */
export const NGINX_CLASS = 'nginx';
export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';

/** Whether the nginx controller serves this Ingress: its class, the legacy annotation, or the default IngressClass. */
export function servedByNginx(store: Store, ing: Obj, className = NGINX_CLASS): boolean {
  const cls = ing.spec?.ingressClassName;
  if (cls) {
    const ic = store.get('IngressClass', undefined, cls);
    return cls === className && (!ic || ic.spec?.controller === NGINX_CONTROLLER);
  }
  const legacy = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (legacy) return legacy === className;
  return store
    .list('IngressClass')
    .some((ic) => ic.metadata.name === className && ic.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
}

/** Lowercase host without port, as nginx compares server_name. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** Whether a rule host (exact or `*.` wildcard of exactly one label) matches a request host. */
export function hostMatches(ruleHost: string, host: string): boolean {
  const r = ruleHost.toLowerCase();
  if (!r.startsWith('*.')) return r === host;
  const suffix = r.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, -suffix.length);
  return label.length > 0 && !label.includes('.');
}

/**
 * Kubernetes path matching (Ingress docs, "Path types"): Exact compares the whole path, Prefix
 * compares `/`-separated elements (a trailing slash is ignored on both sides).
 * ImplementationSpecific is matched as Prefix.
 */
export function pathMatches(pathType: string, rulePath: string, reqPath: string): boolean {
  if (pathType === 'Exact') return rulePath === reqPath;
  const rule = rulePath.split('/').filter(Boolean);
  const req = reqPath.split('/').filter(Boolean);
  if (rule.length > req.length) return false;
  return rule.every((el, i) => el === req[i]);
}

interface Candidate {
  ingress: Obj;
  host: string;
  path: string;
  pathType: string;
  backend: Obj;
}

/** The element length of a rule path, for "longest match wins". */
function pathLength(p: string): number {
  return p.replace(/\/+$/, '').length;
}

/**
 * Routes one request through the Ingresses the controller serves. nginx first chooses the
 * server block by Host (exact name, then wildcard, then the catch-all server that holds the
 * host-less rules), then the longest matching location; without one, the Ingress's
 * defaultBackend, else the controller's default backend (undefined: 404).
 */
export function routeIngress(store: Store, hostHeader: string, reqPath: string, className = NGINX_CLASS): IngressRoute | undefined {
  const host = normalizeHost(hostHeader);
  const ingresses = store
    .list('Ingress')
    .filter((i) => servedByNginx(store, i, className))
    .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const all: Candidate[] = [];
  for (const ing of ingresses)
    for (const r of ing.spec?.rules ?? [])
      for (const p of r.http?.paths ?? [])
        all.push({ ingress: ing, host: String(r.host ?? '').toLowerCase(), path: p.path ?? '/', pathType: p.pathType ?? 'ImplementationSpecific', backend: p.backend ?? {} });
  const hostRules = (h: string) => ingresses.some((i) => (i.spec?.rules ?? []).some((r: Obj) => String(r.host ?? '').toLowerCase() === h));
  let server: string;
  if (host && hostRules(host)) server = host;
  else {
    const wild = [...new Set(all.map((c) => c.host).filter((h) => h.startsWith('*.') && hostMatches(h, host)))].sort((a, b) => b.length - a.length);
    server = wild[0] ?? '';
  }
  const inServer = all.filter((c) => c.host === server && pathMatches(c.pathType, c.path, reqPath));
  inServer.sort((a, b) => pathLength(b.path) - pathLength(a.path) || Number(b.pathType === 'Exact') - Number(a.pathType === 'Exact'));
  const best = inServer[0];
  if (best) {
    const svc = best.backend.service ?? {};
    return {
      ingress: best.ingress,
      rule: { host: best.host, path: best.path, pathType: best.pathType },
      service: String(svc.name ?? ''),
      port: svc.port?.number ?? svc.port?.name ?? 80,
      defaultBackend: false,
    };
  }
  // The location "/" of the chosen server: the defaultBackend of an Ingress that defines it.
  const owners = server
    ? ingresses.filter((i) => (i.spec?.rules ?? []).some((r: Obj) => String(r.host ?? '').toLowerCase() === server))
    : ingresses;
  const withDefault = owners.find((i) => i.spec?.defaultBackend?.service) ?? (server ? undefined : ingresses.find((i) => i.spec?.defaultBackend?.service));
  if (!withDefault) return undefined;
  const svc = withDefault.spec.defaultBackend.service;
  return { ingress: withDefault, service: String(svc.name), port: svc.port?.number ?? svc.port?.name ?? 80, defaultBackend: true };
}

/** Whether a Pod runs the ingress-nginx controller. */
export function isIngressController(pod: Obj): boolean {
  return (pod.spec?.containers ?? []).some((c: Obj) => /ingress-nginx\/controller|nginx-ingress-controller/.test(String(c.image)));
}

/** The class a controller Pod serves (`--ingress-class=`), default nginx. */
export function controllerClass(pod: Obj): string {
  for (const c of pod.spec?.containers ?? [])
    for (const a of [...(c.args ?? []), ...(c.command ?? [])]) {
      const m = /^--ingress-class=(.+)$/.exec(String(a));
      if (m) return m[1];
    }
  return NGINX_CLASS;
}

/**
 * ingress-nginx's status sync: each Ingress it serves gets the address of the controller's
 * Service (`--publish-service`): the ClusterIP for ClusterIP and NodePort Services, the load
 * balancer's address for a LoadBalancer. Returns whether anything changed (a controller step).
 */
export function syncIngressStatus(store: Store): boolean {
  const pods = store.list('Pod').filter((p) => isIngressController(p) && p.status?.phase === 'Running');
  if (!pods.length) return false;
  const ns = pods[0].metadata.namespace;
  const svc = store
    .list('Service', ns)
    .find((s) => s.spec?.type !== 'ClusterIP' && Object.entries<string>(s.spec?.selector ?? {}).every(([k, v]) => pods[0].metadata.labels?.[k] === v) && Object.keys(s.spec?.selector ?? {}).length > 0);
  if (!svc) return false;
  const lb = svc.spec.type === 'LoadBalancer' ? (svc.status?.loadBalancer?.ingress ?? []) : [{ ip: svc.spec.clusterIP }];
  let changed = false;
  for (const ing of store.list('Ingress')) {
    if (!servedByNginx(store, ing, controllerClass(pods[0]))) continue;
    const want = { ingress: lb.map((x: Obj) => ({ ...x })) };
    if (JSON.stringify(ing.status?.loadBalancer) !== JSON.stringify(want)) {
      ing.status = { ...(ing.status ?? {}), loadBalancer: want };
      store.touch(ing);
      changed = true;
    }
  }
  return changed;
}
