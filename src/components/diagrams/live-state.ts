/**
 * The summary a terminal's worker sends after each command, so live diagrams can follow the
 * simulator: `liveState(sim.world)`. Pure and cheap (a few fields), safe to call on any world.
 *
 * Networking is read from `world.net`, which the networking simulator (src/sim/net) is to set:
 * `world.net.lastRoute` after each ingress request and `world.net.lastDnsWalk` after each lookup,
 * in the shapes of RouteSummary and DnsWalkSummary (src/lib/diagrams/live-keys.ts).
 */
import type { DnsWalkSummary, LiveState, PvcSummary, RouteSummary } from '../../lib/diagrams/live-keys.ts';
import type { World } from '../../sim/types.ts';

export type { LiveState } from '../../lib/diagrams/live-keys.ts';

type Loose = Record<string, unknown>;

function obj(v: unknown): Loose | undefined {
  return v !== null && typeof v === 'object' ? (v as Loose) : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function route(v: unknown): RouteSummary | undefined {
  const r = obj(v);
  if (!r) return undefined;
  const rule = obj(r.rule);
  return {
    host: str(r.host),
    path: str(r.path),
    rule: rule ? { host: str(rule.host), path: str(rule.path) } : undefined,
    service: str(r.service) || undefined,
    status: typeof r.status === 'number' ? r.status : 0,
  };
}

function walk(v: unknown): DnsWalkSummary | undefined {
  const w = obj(v);
  if (!w || !Array.isArray(w.tries)) return undefined;
  return {
    query: str(w.query),
    tries: w.tries.map((t) => {
      const o = obj(t) ?? {};
      return o.answer === undefined || o.answer === null ? { name: str(o.name) } : { name: str(o.name), answer: str(o.answer) };
    }),
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
  const net = obj((world as World & { net?: unknown }).net);
  const state: LiveState = { pvcs: pvcs(world.cluster) };
  const lastRoute = route(net?.lastRoute);
  const lastDnsWalk = walk(net?.lastDnsWalk);
  if (lastRoute) state.lastRoute = lastRoute;
  if (lastDnsWalk) state.lastDnsWalk = lastDnsWalk;
  return state;
}
