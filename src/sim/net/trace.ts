/**
 * What the network layer decided last, for the diagram views: which names a lookup tried and
 * what answered, and how the last HTTP request was routed. Kept beside the world (not in it)
 * so that the shared World contract stays unchanged; replaying a snapshot rebuilds it.
 */
import type { World } from '../types.ts';

/** One DNS resolution as a client walked it. */
export interface DnsTrace {
  /** The name as typed. */
  query: string;
  /** Where the client was: `pod default/busybox` or `host controlplane`. */
  client: string;
  /** The nameserver asked (10.96.0.10, 127.0.0.53), or "files" when /etc/hosts answered. */
  server: string;
  /** Every fully qualified name tried, in order, with the answer code each got. */
  tried: { name: string; rcode: string }[];
  /** The addresses (or target name) finally returned; empty when the lookup failed. */
  answer: string[];
  /** The Service or Pod the answer came from, when it was a cluster record. */
  source?: string;
}

/** One HTTP request and where it went. */
export interface RouteTrace {
  /** `curl` or `wget`, and the URL as given. */
  tool: string;
  url: string;
  /** The Host header the request carried. */
  host: string;
  path: string;
  /** How the destination was reached: nodeport, clusterip, podip, external, refused… */
  via: string;
  /** Set when an Ingress rule decided: the Ingress (ns/name), the rule host and path. */
  ingress?: string;
  rule?: { host: string; path: string; pathType: string } | 'defaultBackend';
  /** The backend Service (ns/name) and Pod (name) that answered, if any. */
  service?: string;
  pod?: string;
  status?: number;
}

interface NetTrace {
  lastDns?: DnsTrace;
  lastRoute?: RouteTrace;
}

const traces = new WeakMap<World, NetTrace>();

function of(world: World): NetTrace {
  let t = traces.get(world);
  if (!t) traces.set(world, (t = {}));
  return t;
}

/** The last DNS walk and the last HTTP routing decision made in this world. */
export function netTrace(world: World): Readonly<NetTrace> {
  return of(world);
}

/** Records a DNS walk. */
export function recordDns(world: World, t: DnsTrace): void {
  of(world).lastDns = t;
}

/** Records an HTTP routing decision. */
export function recordRoute(world: World, t: RouteTrace): void {
  of(world).lastRoute = t;
}
