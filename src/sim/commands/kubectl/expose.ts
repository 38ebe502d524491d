/** `kubectl expose (deployment|pod|rs|svc) NAME --port …`: the service generator. */
import { resolveResource } from '../../api/kinds.ts';
import type { Obj } from '../../api/store.ts';
import { fail, type Kctx } from './context.ts';
import { clean, dryRunMode, MUTATE_FLAGS, printOp } from './common.ts';
import { formatApiError, NO_RESOURCES, noResourceType } from './errors.ts';
import { getOrNotFound } from './lookup.ts';
import { str, type FlagSpec } from './flags.ts';

export const EXPOSE_FLAGS: FlagSpec[] = [
  ...MUTATE_FLAGS,
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'labels', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'override-type', type: 'string' },
  { name: 'overrides', type: 'string' },
];

export function expose(k: Kctx): void {
  let [kind, name] = k.p.args;
  if (kind?.includes('/')) [kind, name] = kind.split('/');
  if (!kind || !name) return fail(k, NO_RESOURCES);
  const r = resolveResource(kind);
  if (!r) return fail(k, noResourceType(kind));
  if (!['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(r.kind)) return fail(k, `cannot expose a ${r.kind}.${r.group || ''}`.replace(/\.$/, ''));
  const o = getOrNotFound(k, r, name);
  if (!o) return;
  const selector: Record<string, string> =
    r.kind === 'Pod' ? { ...(o.metadata.labels ?? {}) } : r.kind === 'Service' ? { ...(o.spec.selector ?? {}) } : { ...(o.spec.selector?.matchLabels ?? {}) };
  if (str(k.p, 'selector')) {
    for (const part of str(k.p, 'selector').split(',')) {
      const [a, b] = part.split('=');
      selector[a] = b;
    }
  }
  if (!Object.keys(selector).length) return fail(k, `couldn't retrieve selectors via --selector flag or introspection: the ${r.kind.toLowerCase()} has no labels`);
  let ports: Obj[] = [];
  const portFlag = str(k.p, 'port');
  const podSpec = r.kind === 'Pod' ? o.spec : o.spec.template?.spec;
  if (portFlag) ports = portFlag.split(',').map((p) => ({ port: Number(p), protocol: str(k.p, 'protocol', 'TCP') }));
  else if (r.kind === 'Service') ports = (o.spec.ports ?? []).map((p: Obj) => ({ name: p.name, port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  else
    for (const c of podSpec?.containers ?? [])
      for (const p of c.ports ?? []) ports.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP', ...(p.name ? { name: p.name } : {}) });
  if (!ports.length) return fail(k, "couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  const tp = str(k.p, 'target-port');
  if (ports.length > 1) ports.forEach((p, i) => (p.name ??= `port-${i + 1}`));
  for (const p of ports) {
    if (tp) p.targetPort = /^\d+$/.test(tp) ? Number(tp) : tp;
    else p.targetPort ??= p.port;
  }
  const svcName = str(k.p, 'name') || name;
  const labels = str(k.p, 'labels') ? Object.fromEntries(str(k.p, 'labels').split(',').map((x) => x.split('='))) : { ...(o.metadata.labels ?? {}) };
  const spec: Obj = { ports, selector };
  if (str(k.p, 'type')) spec.type = str(k.p, 'type');
  if (str(k.p, 'cluster-ip')) spec.clusterIP = str(k.p, 'cluster-ip');
  if (str(k.p, 'external-ip')) spec.externalIPs = str(k.p, 'external-ip').split(',');
  const svc: Obj = { apiVersion: 'v1', kind: 'Service', metadata: { name: svcName, namespace: k.namespace }, spec, status: { loadBalancer: {} } };
  if (Object.keys(labels).length) svc.metadata.labels = labels;
  const dry = dryRunMode(k);
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') return fail(k, dry);
  if (dry === 'client') {
    const shown = clean(svc);
    if (!k.explicitNs) delete shown.metadata.namespace;
    return printOp(k, shown, 'exposed', dry);
  }
  const res = k.api.create(svc, k.namespace, dry === 'server');
  if (res.error) {
    k.err += formatApiError(res.error);
    k.code = 1;
    return;
  }
  printOp(k, res.obj, 'exposed', dry);
}
