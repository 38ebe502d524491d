/** Endpoints and EndpointSlice controllers: ready pods matching a Service's selector, with resolved target ports. */
import { matchesMap } from '../api/selectors.ts';
import type { Obj } from '../api/store.ts';
import { controllerRef, podActive, podReady, type Controller } from './context.ts';

function resolvePort(pod: Obj, target: unknown): number | undefined {
  if (typeof target === 'number') return target;
  if (typeof target === 'string' && /^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

function ipKey(ip: string): number {
  return ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}

export const endpointsController: Controller = ({ store }) => {
  let changed = false;
  for (const svc of store.list('Service')) {
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    const ns = svc.metadata.namespace;
    const pods = store
      .list('Pod', ns)
      .filter((p) => podActive(p) && p.status?.podIP && matchesMap(sel, p.metadata.labels))
      .sort((a, b) => ipKey(a.status.podIP) - ipKey(b.status.podIP));
    const ports: Obj[] = (svc.spec.ports ?? []).map((sp: Obj) => {
      const port: Obj = { port: pods.length ? (resolvePort(pods[0], sp.targetPort) ?? sp.port) : sp.port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) port.name = sp.name;
      return port;
    });
    const addr = (p: Obj): Obj => ({
      ip: p.status.podIP,
      nodeName: p.spec.nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    });
    const ready = pods.filter(podReady).map(addr);
    const notReady = pods.filter((p) => !podReady(p)).map(addr);
    const subset: Obj = {};
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    subset.ports = ports;
    const subsets = ready.length || notReady.length ? [subset] : undefined;
    const ep = store.get('Endpoints', ns, svc.metadata.name);
    if (!ep) {
      const obj: Obj = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns } };
      if (svc.metadata.labels) obj.metadata.labels = { ...svc.metadata.labels };
      if (subsets) obj.subsets = subsets;
      store.create(obj);
      changed = true;
    } else if (JSON.stringify(ep.subsets) !== JSON.stringify(subsets)) {
      if (subsets) ep.subsets = subsets;
      else delete ep.subsets;
      store.touch(ep);
      changed = true;
    }
    const slices = store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
    const endpoints = !pods.length ? null : pods.map((p) => ({
      addresses: [p.status.podIP],
      conditions: { ready: podReady(p), serving: podReady(p), terminating: false },
      nodeName: p.spec.nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    }));
    // With no Pod to send to, the reconciler keeps one placeholder slice whose ports and endpoints
    // are empty lists, which the API stores and serves as null.
    const slicePorts = pods.length ? ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })) : null;
    if (!slices.length) {
      store.create({
        addressType: 'IPv4',
        apiVersion: 'discovery.k8s.io/v1',
        endpoints,
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${svc.metadata.name}-`,
          labels: {
            ...(svc.metadata.labels ?? {}),
            'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
            'kubernetes.io/service-name': svc.metadata.name,
          },
          namespace: ns,
          ownerReferences: [controllerRef(svc)],
        },
        ports: slicePorts,
      });
      changed = true;
    } else {
      const s = slices[0];
      if (JSON.stringify(s.endpoints) !== JSON.stringify(endpoints) || JSON.stringify(s.ports) !== JSON.stringify(slicePorts)) {
        s.endpoints = endpoints;
        s.ports = slicePorts;
        store.touch(s);
        changed = true;
      }
    }
  }
  // Endpoints of deleted services go with them.
  for (const ep of store.list('Endpoints')) {
    if (ep.metadata.name === 'kubernetes' && ep.metadata.namespace === 'default') continue;
    if (!store.get('Service', ep.metadata.namespace, ep.metadata.name)) {
      store.delete('Endpoints', ep.metadata.namespace, ep.metadata.name);
      changed = true;
    }
  }
  return changed;
};
