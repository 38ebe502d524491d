/**
 * `kubectl get componentstatuses` (cs), deprecated since v1.19 and still served: the API server
 * computes each status when asked (pkg/registry/core/componentstatus). It probes the scheduler's
 * and the controller manager's /healthz on 127.0.0.1 (ports 10259 and 10257, https) and checks
 * etcd through its storage client. A component that is down answers the probe's error as the
 * message, as DoHTTPProbe turns a failed request into a Failure with err.Error() for its data.
 */
import type { Obj } from '../../api/store.ts';
import { componentUp } from '../../controllers/nodeagent.ts';
import type { Kctx } from './context.ts';
import type { ComputedKind } from './verbs.ts';

/** The servers rest.go validates, in the order the sandbox lists them (the server's is by goroutine). */
const SERVERS: { name: string; component: string; port?: number }[] = [
  { name: 'scheduler', component: 'kube-scheduler', port: 10259 },
  { name: 'controller-manager', component: 'kube-controller-manager', port: 10257 },
  { name: 'etcd-0', component: 'etcd' },
];

function status(k: Kctx, s: (typeof SERVERS)[number]): Obj {
  const up = componentUp(k.ctx.world, s.component);
  const condition = up
    ? { message: 'ok', status: 'True', type: 'Healthy' }
    : s.port
      ? { message: `Get "https://127.0.0.1:${s.port}/healthz": dial tcp 127.0.0.1:${s.port}: connect: connection refused`, status: 'False', type: 'Healthy' }
      : { error: 'context deadline exceeded', status: 'False', type: 'Healthy' };
  return { apiVersion: 'v1', conditions: [condition], kind: 'ComponentStatus', metadata: { creationTimestamp: null, name: s.name } };
}

/** ComponentStatus as the API server computes it, with printComponentStatus's columns. */
export const componentStatuses: ComputedKind = {
  list: (k) => SERVERS.map((s) => status(k, s)),
  get: (k, name) => {
    const s = SERVERS.find((x) => x.name === name);
    // rest.go's Get returns a plain error, which the server sends as a 500.
    return s ? { obj: status(k, s) } : { error: { reason: 'InternalError', message: `Internal error occurred: Component not found: ${name}` } };
  },
  columns: {
    headers: ['NAME', 'STATUS', 'MESSAGE', 'ERROR'],
    wideHeaders: [],
    row: (o) => {
      const c = (o.conditions ?? []).find((x: Obj) => x.type === 'Healthy');
      return [o.metadata.name, c ? (c.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown', c?.message ?? '', c?.error ?? ''];
    },
    wideRow: () => [],
  },
  warning: 'Warning: v1 ComponentStatus is deprecated in v1.19+\n',
};
