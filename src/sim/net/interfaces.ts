/**
 * A host's network configuration as the kernel holds it: interfaces (lo, eth0, flannel.1, cni0
 * and one veth per Pod on the node), their addresses, and the routing table, derived from the
 * scenario and the cluster (Node podCIDRs, Pods) plus what `ip addr add` / `ip route add` did.
 */
import type { Obj } from '../api/store.ts';
import type { Cluster } from '../cluster.ts';
import type { Host, World } from '../types.ts';
import { broadcastOf, inCidr, intToIp, ipToInt, networkOf, parseCidr } from './addr.ts';

/** One address on an interface. */
export interface IfAddr {
  ip: string;
  len: number;
  /** Broadcast address shown as `brd`, when the interface has one. */
  brd?: string;
  scope: 'host' | 'global';
}

/** One network interface. */
export interface Iface {
  index: number;
  name: string;
  /** `@if2` style peer suffix for veths. */
  peer?: string;
  flags: string[];
  mtu: number;
  qdisc: string;
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  qlen?: number;
  master?: string;
  mac: string;
  kind: 'loopback' | 'ether';
  addrs: IfAddr[];
  ipv6?: string;
  netns?: string;
}

/** One route of the main table. */
export interface Route {
  dst: string;
  via?: string;
  dev: string;
  proto?: string;
  scope?: string;
  src?: string;
  metric?: number;
  onlink?: boolean;
}

interface Changes {
  addrs: { dev: string; addr: IfAddr }[];
  routes: Route[];
  removedRoutes: string[];
  down: Set<string>;
}

const changes = new WeakMap<Host, Changes>();

/** What `ip` changed on a host so far (kept beside the host; replay rebuilds it). */
export function hostChanges(host: Host): Changes {
  let c = changes.get(host);
  if (!c) changes.set(host, (c = { addrs: [], routes: [], removedRoutes: [], down: new Set() }));
  return c;
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** A stable locally-administered MAC from a seed string (52:54:00 for the VM NIC, as libvirt assigns). */
function mac(seed: string, vm = false): string {
  const h = hash(seed);
  const h2 = hash(seed + '#');
  const bytes = vm ? [0x52, 0x54, 0x00, (h >>> 16) & 255, (h >>> 8) & 255, h & 255] : [((h >>> 24) & 0xfc) | 0x02, (h >>> 16) & 255, (h >>> 8) & 255, h & 255, (h2 >>> 8) & 255, h2 & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The EUI-64 link-local IPv6 address of a MAC. */
function linkLocal(m: string): string {
  const b = m.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 2;
  const groups = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]].map((g) => g.toString(16));
  return `fe80::${groups.join(':')}/64`;
}

function nodeOf(world: World, host: Host): Obj | undefined {
  return (world.cluster as Cluster | undefined)?.store.get('Node', undefined, host.name);
}

/** The default gateway of the hosts' network (the hypervisor's .1). */
export function gatewayOf(host: Host): string {
  return host.ip.split('.').slice(0, 3).concat('1').join('.');
}

/** The interfaces of a host, in ifindex order. */
export function interfaces(world: World, host: Host): Iface[] {
  const ch = hostChanges(host);
  const c = world.cluster as Cluster | undefined;
  const node = nodeOf(world, host);
  const podCidr = parseCidr(String(node?.spec?.podCIDR ?? ''));
  const list: Iface[] = [];
  const add = (i: Omit<Iface, 'index'>) => list.push({ ...i, index: list.length + 1 });
  add({ name: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], mtu: 65536, qdisc: 'noqueue', state: 'UNKNOWN', qlen: 1000, mac: '00:00:00:00:00:00', kind: 'loopback', addrs: [{ ip: '127.0.0.1', len: 8, scope: 'host' }], ipv6: '::1/128' });
  const ethMac = mac(host.name, true);
  const hostNet = parseCidr(`${host.ip}/24`)!;
  add({ name: 'eth0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], mtu: 1500, qdisc: 'fq_codel', state: 'UP', qlen: 1000, mac: ethMac, kind: 'ether', addrs: [{ ip: host.ip, len: 24, brd: broadcastOf(hostNet), scope: 'global' }], ipv6: linkLocal(ethMac) });
  if (podCidr) {
    const net = intToIp(podCidr.addr);
    const fm = mac(`${host.name}/flannel.1`);
    add({ name: 'flannel.1', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], mtu: 1450, qdisc: 'noqueue', state: 'UNKNOWN', mac: fm, kind: 'ether', addrs: [{ ip: net, len: 32, scope: 'global' }], ipv6: linkLocal(fm) });
    const pods = (c?.store.list('Pod') ?? []).filter((p) => p.spec?.nodeName === host.name && !p.spec?.hostNetwork && p.status?.podIP);
    if (pods.length) {
      const cm = mac(`${host.name}/cni0`);
      add({ name: 'cni0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], mtu: 1450, qdisc: 'noqueue', state: 'UP', qlen: 1000, mac: cm, kind: 'ether', addrs: [{ ip: intToIp(podCidr.addr + 1), len: podCidr.len, brd: broadcastOf(podCidr), scope: 'global' }], ipv6: linkLocal(cm) });
      for (const p of pods.sort((a, b) => (ipToInt(a.status.podIP) ?? 0) - (ipToInt(b.status.podIP) ?? 0))) {
        const uid = String(p.metadata.uid ?? p.metadata.name);
        const vm = mac(`veth/${uid}`);
        const h = hash(uid).toString(16).padStart(8, '0');
        add({ name: `veth${h}`, peer: 'if2', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], mtu: 1450, qdisc: 'noqueue', state: 'UP', master: 'cni0', mac: vm, kind: 'ether', addrs: [], ipv6: linkLocal(vm), netns: `cni-${uid.slice(0, 8)}-${uid.slice(9, 13)}-${uid.slice(14, 18)}-${uid.slice(19, 23)}-${uid.slice(24, 36)}` });
      }
    }
  }
  for (const { dev, addr } of ch.addrs) list.find((i) => i.name === dev)?.addrs.push(addr);
  for (const i of list)
    if (ch.down.has(i.name)) {
      i.flags = i.flags.filter((f) => f !== 'UP' && f !== 'LOWER_UP');
      i.state = 'DOWN';
    }
  return list;
}

function routeKey(r: Route): string {
  return r.dst;
}

/** The main routing table: default, connected subnets, flannel's per-node routes, and added routes. */
export function routes(world: World, host: Host): Route[] {
  const ch = hostChanges(host);
  const ifs = interfaces(world, host);
  const out: Route[] = [{ dst: 'default', via: gatewayOf(host), dev: 'eth0', proto: 'static' }];
  for (const i of ifs) {
    if (i.kind === 'loopback' || i.state === 'DOWN') continue;
    for (const a of i.addrs) {
      if (a.len === 32) continue;
      out.push({ dst: `${networkOf({ addr: ipToInt(a.ip)!, len: a.len })}/${a.len}`, dev: i.name, proto: 'kernel', scope: 'link', src: a.ip });
    }
  }
  const c = world.cluster as Cluster | undefined;
  for (const n of c?.store.list('Node') ?? []) {
    if (n.metadata.name === host.name) continue;
    const cidr = parseCidr(String(n.spec?.podCIDR ?? ''));
    if (!cidr) continue;
    const net = intToIp(cidr.addr);
    out.push({ dst: `${net}/${cidr.len}`, via: net, dev: 'flannel.1', onlink: true });
  }
  out.push(...ch.routes);
  const removed = new Set(ch.removedRoutes);
  const sortKey = (r: Route) => (r.dst === 'default' ? -1 : (ipToInt(r.dst.split('/')[0]) ?? 0));
  return out.filter((r) => !removed.has(routeKey(r))).sort((a, b) => sortKey(a) - sortKey(b) || Number(a.dst.split('/')[1] ?? 32) - Number(b.dst.split('/')[1] ?? 32));
}

/** The interface whose connected subnet holds `ip`, if any (a usable next hop). */
export function connectedDev(world: World, host: Host, ip: string): string | undefined {
  for (const i of interfaces(world, host)) {
    if (i.state === 'DOWN' || i.kind === 'loopback') continue;
    for (const a of i.addrs) if (a.len < 32 && inCidr(ip, { addr: ipToInt(a.ip)!, len: a.len })) return i.name;
  }
  return undefined;
}

/**
 * The address Linux gives a connection from this host to `ip`, as `ip route get` shows it: the
 * longest-prefix route's src, else its device's first address (flannel.1's 10.244.N.0 toward
 * another node's Pods, cni0's 10.244.N.1 toward this node's).
 */
export function sourceAddress(world: World, host: Host, ip: string): string | undefined {
  let best: Route | undefined;
  let bestLen = -1;
  for (const r of routes(world, host)) {
    const c = r.dst === 'default' ? { addr: 0, len: 0 } : parseCidr(r.dst.includes('/') ? r.dst : `${r.dst}/32`);
    if (c && c.len > bestLen && inCidr(ip, c)) [best, bestLen] = [r, c.len];
  }
  if (!best) return undefined;
  return best.src ?? interfaces(world, host).find((i) => i.name === best.dev)?.addrs[0]?.ip;
}
