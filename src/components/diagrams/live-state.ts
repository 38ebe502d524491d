/**
 * The summary a terminal's worker sends after each command, so live diagrams can follow the
 * simulator: `liveState(sim.world)`. Pure and cheap (a few fields), safe to call on any world.
 * Networking comes from the network layer's trace (src/sim/net/trace.ts): the last HTTP routing
 * decision and the last DNS walk.
 */
import type { DnsWalkSummary, LiveState, PvcSummary, RouteSummary } from '../../lib/diagrams/live-keys.ts';
import { netTrace, type DnsTrace, type RouteTrace } from '../../sim/net/trace.ts';
import type { World } from '../../sim/types.ts';

export type { LiveState } from '../../lib/diagrams/live-keys.ts';

type Loose = Record<string, unknown>;

function obj(v: unknown): Loose | undefined {
  return v !== null && typeof v === 'object' ? (v as Loose) : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The diagram's view of an HTTP routing decision; the Service without its namespace, as the diagram names it. */
function route(t: RouteTrace | undefined): RouteSummary | undefined {
  // Only requests an ingress controller answered (a 404 without a matching rule included) concern the diagram.
  if (!t || !t.via.endsWith('ingress')) return undefined;
  const rule = t.rule && t.rule !== 'defaultBackend' ? { host: str(t.rule.host), path: str(t.rule.path) } : undefined;
  const service = t.service ? t.service.split('/').pop() : undefined;
  return { host: str(t.host), path: str(t.path), rule, service, status: typeof t.status === 'number' ? t.status : 0 };
}

/** The diagram's view of a DNS walk: each name tried, with the address for the one that answered. */
function walk(t: DnsTrace | undefined): DnsWalkSummary | undefined {
  if (!t || !Array.isArray(t.tried)) return undefined;
  return {
    query: str(t.query),
    tries: t.tried.map((tried) =>
      tried.rcode === 'NOERROR' && t.answer.length > 0 ? { name: str(tried.name), answer: str(t.answer[0]) } : { name: str(tried.name) },
    ),
  };
}

function pvcs(cluster: unknown): PvcSummary[] {
  const store = obj(obj(cluster)?.store);
  const list = store?.list;
  if (typeof list !== 'function') return [];
  const items = (list as (kind: string) => unknown[]).call(store, 'PersistentVolumeClaim');
  return items.map((item) => {
    const o = obj(item) ?? {};
    return {
      name: str(obj(o.metadata)?.name),
      namespace: str(obj(o.metadata)?.namespace),
      phase: str(obj(o.status)?.phase) || 'Pending',
      volume: str(obj(o.spec)?.volumeName),
    };
  });
}

/** What live diagrams need to know about a simulator's world right now. */
export function liveState(world: World): LiveState {
  const trace = netTrace(world);
  const state: LiveState = { pvcs: pvcs(world.cluster) };
  const lastRoute = route(trace.lastRoute);
  const lastDnsWalk = walk(trace.lastDns);
  if (lastRoute) state.lastRoute = lastRoute;
  if (lastDnsWalk) state.lastDnsWalk = lastDnsWalk;
  return state;
}
