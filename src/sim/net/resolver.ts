/**
 * DNS as the sandbox's clients see it: CoreDNS answering from the cluster's Services,
 * Endpoints and Pods (the kubernetes plugin's record layout), systemd-resolved's stub on the
 * nodes, a small fake internet upstream, and the client-side search-list walk.
 */
import { COREFILE } from '../api/bootstrap.ts';
import type { Obj } from '../api/store.ts';
import type { Cluster } from '../cluster.ts';
import type { World } from '../types.ts';
import { fromReverseName, ipToInt, isIPv4 } from './addr.ts';
import { loadCorefile, type CoreConfig } from './corefile.ts';
import { INTERNET_TTL, internetLookup, internetReverse, PUBLIC_RESOLVERS } from './internet.ts';

/** Response codes the simulated servers return. */
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
/** Record types the simulated servers know. */
export type RrType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'SOA' | 'NS' | 'TXT';

/** One resource record; `name` is fully qualified without the trailing dot. */
export interface Rr {
  name: string;
  ttl: number;
  type: RrType;
  data: string;
}

/** A DNS reply. */
export interface DnsReply {
  rcode: Rcode;
  /** Authoritative answer (CoreDNS for its zones). */
  aa: boolean;
  /** Recursion available (resolvers, not CoreDNS's authoritative answers). */
  ra: boolean;
  answer: Rr[];
  authority: Rr[];
  additional: Rr[];
  /** Cluster object that produced the answer (`service default/web-service`), for traces. */
  source?: string;
}

/** A reply, or no reply at all (server down or unreachable). */
export type DnsResult = { reply: DnsReply; timeout?: undefined } | { timeout: true; reply?: undefined };

/** Who asks: a Pod (cluster network only) or a host (its own files and stub resolver). */
export interface DnsClient {
  kind: 'pod' | 'host';
  /** The host's /etc/hosts, for systemd-resolved's stub (127.0.0.53) on that host. */
  hostsFile?: string;
}

/** A parsed /etc/resolv.conf. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

const SOA_TAIL = '7200 1800 86400 30';

/** Parses /etc/resolv.conf (nameserver, search/domain, options ndots:N), as the libc resolver does. */
export function parseResolvConf(text: string | undefined): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const raw of (text ?? '').split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') conf.search = rest.filter((d) => d !== '.').map((d) => d.replace(/\.$/, ''));
    else if (key === 'options')
      for (const o of rest) {
        const m = /^ndots:(\d+)$/.exec(o);
        if (m) conf.ndots = Math.min(15, Number(m[1]));
      }
  }
  if (!conf.nameservers.length) conf.nameservers.push('127.0.0.1');
  return conf;
}

/**
 * The names a libc resolver tries for `name`, in order (glibc res_search): a trailing dot means
 * the name only; with at least `ndots` dots the name as given comes first, otherwise after the
 * search domains.
 */
export function searchCandidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((d) => `${name}.${d}`);
  const list = dots >= conf.ndots ? [name, ...searched] : [...searched, name];
  return [...new Set(list.map((n) => n.toLowerCase()))];
}

const empty = (rcode: Rcode, aa: boolean, ra: boolean): DnsReply => ({ rcode, aa, ra, answer: [], authority: [], additional: [] });

function cluster(world: World): Cluster | undefined {
  return world.cluster as Cluster | undefined;
}

/** The kube-dns Service's ClusterIP, where ClusterFirst pods send their queries. */
export function clusterDnsIP(world: World): string {
  return cluster(world)?.store.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '10.96.0.10';
}

interface CoreState {
  /** The last Corefile that loaded, and the CoreDNS Pods (uids) running when it was seen. */
  good?: { text: string; config: CoreConfig; pods: Set<string> };
}
const coreStates = new WeakMap<World, CoreState>();

function coreDnsPods(c: Cluster): Obj[] {
  return c.store.list('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
}

function podUids(c: Cluster): Set<string> {
  return new Set(coreDnsPods(c).map((p) => String(p.metadata.uid)));
}

/**
 * The configuration CoreDNS serves with now, or why it serves nothing. A Corefile that fails
 * to load is refused by the `reload` plugin (the running servers keep the last good one), but
 * a CoreDNS that starts with it exits; so a bad Corefile takes DNS down once no Pod older than
 * the last good configuration is left.
 */
export function coreDnsConfig(world: World): { config?: CoreConfig; error?: string } {
  const c = cluster(world);
  if (!c) return { error: 'no cluster' };
  let st = coreStates.get(world);
  if (!st) coreStates.set(world, (st = {}));
  const text = c.store.get('ConfigMap', 'kube-system', 'coredns')?.data?.Corefile;
  if (typeof text !== 'string') return { error: 'configmap "coredns" not found' };
  const loaded = loadCorefile(text);
  if (loaded.config) {
    if (st.good?.text !== text) st.good = { text, config: loaded.config, pods: podUids(c) };
    else for (const u of podUids(c)) st.good.pods.add(u);
    return { config: loaded.config };
  }
  // First look and already broken: the running Pods started with kubeadm's Corefile.
  st.good ??= { text: COREFILE, config: loadCorefile(COREFILE).config!, pods: podUids(c) };
  const good = st.good;
  if (coreDnsPods(c).some((p) => good.pods.has(p.metadata.uid) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)) return { config: good.config, error: loaded.error };
  return { error: loaded.error };
}

/** Whether CoreDNS answers at all: ready endpoints behind kube-dns and a loadable Corefile. */
export function coreDnsServing(world: World): { config?: CoreConfig; reason?: string } {
  const c = cluster(world);
  const ep = c?.store.get('Endpoints', 'kube-system', 'kube-dns');
  const ready = (ep?.subsets ?? []).some((s: Obj) => (s.addresses ?? []).length > 0);
  if (!ready) return { reason: 'no ready CoreDNS endpoints' };
  const { config, error } = coreDnsConfig(world);
  if (!config) return { reason: error };
  return { config };
}

function soa(zone: string, ttl: number, now: number): Rr {
  return { name: zone, ttl, type: 'SOA', data: `ns.dns.${zone}. hostmaster.${zone}. ${Math.floor(now / 1000)} ${SOA_TAIL}` };
}

function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

function readyAddresses(c: Cluster, ns: string, svc: string): Obj[] {
  const ep = c.store.get('Endpoints', ns, svc);
  return (ep?.subsets ?? []).flatMap((s: Obj) => s.addresses ?? []);
}

/** The DNS label of an endpoint: the Pod's hostname when its subdomain is the Service, else the dashed IP. */
function endpointHostname(c: Cluster, ns: string, svc: string, addr: Obj): string {
  if (addr.hostname) return addr.hostname;
  const pod = addr.targetRef?.name ? c.store.get('Pod', ns, addr.targetRef.name) : undefined;
  if (pod?.spec?.hostname && pod.spec.subdomain === svc) return pod.spec.hostname;
  return dashed(addr.ip);
}

/** The kubernetes plugin's answer for a name inside the cluster zone. */
function kubernetesAnswer(world: World, c: Cluster, cfg: CoreConfig, name: string, qtype: RrType): DnsReply {
  const zone = cfg.clusterDomain;
  const ttl = cfg.ttl;
  const now = world.clock.now();
  const nx = (): DnsReply => ({ ...empty('NXDOMAIN', true, false), authority: [soa(zone, ttl, now)] });
  const nodata = (source?: string): DnsReply => ({ ...empty('NOERROR', true, false), authority: [soa(zone, ttl, now)], source });
  if (name === zone) return qtype === 'SOA' ? { ...empty('NOERROR', true, false), answer: [soa(zone, ttl, now)] } : nodata();
  const labels = name.slice(0, -(zone.length + 1)).split('.');
  const kind = labels.at(-1);
  if (kind === 'pod' && labels.length === 3) {
    const [ipLabel, ns] = labels;
    const ip = ipLabel.replace(/-/g, '.');
    if (!cfg.podRecords || !isIPv4(ip) || !c.store.get('Namespace', undefined, ns)) return nx();
    if (qtype !== 'A') return nodata();
    return { ...empty('NOERROR', true, false), answer: [{ name, ttl, type: 'A', data: ip }], source: `pod ${ns}/${ip}` };
  }
  if (kind !== 'svc' || labels.length < 3 || labels.length > 5) return nx();
  const ns = labels.at(-2)!;
  const svcName = labels.at(-3)!;
  const svc = c.store.get('Service', ns, svcName);
  if (!svc) return nx();
  const source = `service ${ns}/${svcName}`;
  const fqdn = `${svcName}.${ns}.svc.${zone}`;
  const headless = svc.spec?.clusterIP === 'None';
  const addrs = readyAddresses(c, ns, svcName);
  if (labels.length === 5) {
    // _port._proto.service.ns.svc.zone: SRV for a named port.
    const [port, proto] = labels;
    if (!port.startsWith('_') || !proto.startsWith('_')) return nx();
    const p = (svc.spec?.ports ?? []).find((x: Obj) => x.name && `_${x.name}` === port.toLowerCase() && `_${String(x.protocol ?? 'TCP').toLowerCase()}` === proto.toLowerCase());
    if (!p) return nx();
    if (qtype !== 'SRV') return nodata(source);
    return srvReply(c, ns, svcName, fqdn, headless, addrs, [p], name, ttl, source);
  }
  if (labels.length === 4) {
    // hostname.service.ns.svc.zone: one endpoint of a headless Service.
    const a = addrs.find((x) => endpointHostname(c, ns, svcName, x) === labels[0]);
    if (!headless || !a) return nx();
    if (qtype !== 'A') return nodata(source);
    return { ...empty('NOERROR', true, false), answer: [{ name, ttl, type: 'A', data: a.ip }], source };
  }
  if (svc.spec?.type === 'ExternalName') {
    const target = String(svc.spec.externalName ?? '').replace(/\.$/, '');
    const answer: Rr[] = [{ name, ttl, type: 'CNAME', data: target }];
    if (qtype === 'A') for (const ip of internetLookup(target)?.addrs ?? []) answer.push({ name: target, ttl: INTERNET_TTL, type: 'A', data: ip });
    return { ...empty('NOERROR', true, false), answer, source };
  }
  if (qtype === 'SRV') return srvReply(c, ns, svcName, fqdn, headless, addrs, (svc.spec?.ports ?? []).filter((p: Obj) => p.name), name, ttl, source);
  if (qtype !== 'A') return nodata(source);
  if (!headless) return { ...empty('NOERROR', true, false), answer: [{ name, ttl, type: 'A', data: svc.spec.clusterIP }], source };
  if (!addrs.length) return nx();
  const sorted = [...addrs].sort((a, b) => (ipToInt(a.ip) ?? 0) - (ipToInt(b.ip) ?? 0));
  return { ...empty('NOERROR', true, false), answer: sorted.map((a) => ({ name, ttl, type: 'A' as const, data: a.ip })), source };
}

function srvReply(c: Cluster, ns: string, svc: string, fqdn: string, headless: boolean, addrs: Obj[], ports: Obj[], name: string, ttl: number, source: string): DnsReply {
  const answer: Rr[] = [];
  const additional: Rr[] = [];
  const targets = headless ? addrs.map((a) => ({ host: `${endpointHostname(c, ns, svc, a)}.${fqdn}`, ip: a.ip as string })) : [{ host: fqdn, ip: '' }];
  const weight = Math.floor(100 / Math.max(1, targets.length * ports.length));
  for (const p of ports)
    for (const t of targets) {
      answer.push({ name, ttl, type: 'SRV', data: `0 ${weight} ${p.port} ${t.host}.` });
      if (t.ip) additional.push({ name: t.host, ttl, type: 'A', data: t.ip });
    }
  if (!headless) {
    const ip = c.store.get('Service', ns, svc)?.spec?.clusterIP;
    if (ip) additional.push({ name: fqdn, ttl, type: 'A', data: ip });
  }
  return { ...empty('NOERROR', true, false), answer, additional, source };
}

/** The kubernetes plugin's PTR for a Service ClusterIP or an endpoint address, if any. */
function kubernetesReverse(c: Cluster, cfg: CoreConfig, ip: string): { name: string; source: string } | undefined {
  for (const svc of c.store.list('Service'))
    if (svc.spec?.clusterIP === ip) return { name: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${cfg.clusterDomain}`, source: `service ${svc.metadata.namespace}/${svc.metadata.name}` };
  for (const ep of c.store.list('Endpoints')) {
    for (const a of (ep.subsets ?? []).flatMap((s: Obj) => s.addresses ?? [])) {
      if (a.ip !== ip) continue;
      const ns = ep.metadata.namespace;
      return { name: `${endpointHostname(c, ns, ep.metadata.name, a)}.${ep.metadata.name}.${ns}.svc.${cfg.clusterDomain}`, source: `endpoints ${ns}/${ep.metadata.name}` };
    }
  }
  return undefined;
}

/** The thirteen root server names, a. to m.root-servers.net. */
const ROOT_SERVERS = 'abcdefghijklm'.split('');
/** The root zone's NS TTL (six days). */
const ROOT_TTL = 518400;

/** The root zone's SOA, as a negative answer's authority carries it. */
function rootSoa(now: number): Rr {
  return { name: '', ttl: 900, type: 'SOA', data: `a.root-servers.net. nstld.verisign-grs.com. ${Math.floor(now / 1000 / 86400) * 100 + 1} 1800 900 604800 86400` };
}

/** What a recursive resolver on the internet answers. */
function internetAnswer(name: string, qtype: RrType, now: number): DnsReply {
  const rev = fromReverseName(name);
  if (rev) {
    const owner = internetReverse(rev);
    if (!owner || qtype !== 'PTR') return { ...empty('NXDOMAIN', false, true), authority: [{ name: 'in-addr.arpa', ttl: 3600, type: 'SOA', data: `b.in-addr-servers.arpa. nstld.iana.org. 2025112500 1800 900 604800 3600` }] };
    return { ...empty('NOERROR', false, true), answer: [{ name, ttl: INTERNET_TTL, type: 'PTR', data: owner }] };
  }
  if (!name) {
    if (qtype === 'NS') return { ...empty('NOERROR', false, true), answer: ROOT_SERVERS.map((l) => ({ name: '', ttl: ROOT_TTL, type: 'NS' as const, data: `${l}.root-servers.net` })) };
    return { ...empty('NOERROR', false, true), authority: [rootSoa(now)] };
  }
  const hit = internetLookup(name);
  if (!hit) {
    const tld = name.split('.').pop() || '';
    return { ...empty('NXDOMAIN', false, true), authority: [{ ...rootSoa(now), name: tld }] };
  }
  const answer: Rr[] = [];
  let owner = name;
  if (hit.cname) {
    answer.push({ name, ttl: INTERNET_TTL, type: 'CNAME', data: hit.cname });
    owner = hit.cname;
  }
  if (qtype === 'A') for (const ip of hit.addrs) answer.push({ name: owner, ttl: INTERNET_TTL, type: 'A', data: ip });
  return { ...empty('NOERROR', false, true), answer };
}

/** CoreDNS's whole plugin chain for one question. */
function coreDnsAnswer(world: World, cfg: CoreConfig, qname: string, qtype: RrType): DnsReply {
  const c = cluster(world)!;
  let name = qname;
  const rw = cfg.rewrites.find((r) => r.from === name);
  if (rw) name = rw.to;
  const back = (r: DnsReply): DnsReply => (rw ? { ...r, answer: r.answer.map((a) => (a.name === name ? { ...a, name: qname } : a)) } : r);
  const hosts = cfg.hosts.get(name);
  if (hosts) return back({ ...empty('NOERROR', true, false), answer: qtype === 'A' ? hosts.map((ip) => ({ name, ttl: 3600, type: 'A' as const, data: ip })) : [], source: 'corefile hosts' });
  const zone = cfg.clusterDomain;
  if (zone && (name === zone || name.endsWith(`.${zone}`))) return back(kubernetesAnswer(world, c, cfg, name, qtype));
  const rev = fromReverseName(name);
  if (rev && zone && qtype === 'PTR') {
    const hit = kubernetesReverse(c, cfg, rev);
    if (hit) return { ...empty('NOERROR', true, false), answer: [{ name, ttl: cfg.ttl, type: 'PTR', data: hit.name }], source: hit.source };
  }
  if (!cfg.forward.length) return empty('SERVFAIL', false, true);
  const reachable = cfg.forward.some((t) => t === '/etc/resolv.conf' || PUBLIC_RESOLVERS.has(t.replace(/^dns:\/\//, '').replace(/:\d+$/, '')));
  // An upstream that never answers: forward gives up and CoreDNS returns SERVFAIL.
  if (!reachable) return empty('SERVFAIL', false, true);
  return back({ ...internetAnswer(name, qtype, world.clock.now()), ra: true });
}

/** Entries of an /etc/hosts text: name (lowercase) → addresses, in file order. */
export function parseHostsFile(text: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const raw of (text ?? '').split('\n')) {
    const [ip, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (!ip || !isIPv4(ip)) continue;
    for (const n of names) {
      const key = n.toLowerCase();
      map.set(key, [...(map.get(key) ?? []), ip]);
    }
  }
  return map;
}

/**
 * systemd-resolved's stub on a node: it answers names from /etc/hosts itself (ReadEtcHosts=yes),
 * does not send single-label names to unicast DNS, and forwards the rest to the uplink.
 */
function resolvedAnswer(world: World, client: DnsClient, name: string, qtype: RrType): DnsReply {
  const hosts = parseHostsFile(client.hostsFile);
  const hit = hosts.get(name);
  if (hit) return { ...empty('NOERROR', false, true), answer: qtype === 'A' ? hit.map((ip) => ({ name, ttl: 0, type: 'A' as const, data: ip })) : [], source: 'files' };
  const rev = fromReverseName(name);
  if (rev && qtype === 'PTR') {
    for (const [n, ips] of hosts) if (ips.includes(rev)) return { ...empty('NOERROR', false, true), answer: [{ name, ttl: 0, type: 'PTR', data: n }], source: 'files' };
  }
  // The root itself ('') is forwarded like any multi-label name.
  if (name && !name.includes('.')) return empty('SERVFAIL', false, true);
  return internetAnswer(name, qtype, world.clock.now());
}

/** Sends one question to one server and returns its reply, or a timeout. */
export function queryServer(world: World, client: DnsClient, server: string, qname: string, qtype: RrType): DnsResult {
  const name = qname.replace(/\.$/, '').toLowerCase();
  const c = cluster(world);
  const dnsIP = clusterDnsIP(world);
  const podIPs = c ? coreDnsPods(c).map((p) => p.status?.podIP) : [];
  if (server === dnsIP || podIPs.includes(server)) {
    const { config } = coreDnsServing(world);
    if (!config) return { timeout: true };
    return { reply: coreDnsAnswer(world, config, name, qtype) };
  }
  if ((server === '127.0.0.53' || server === '127.0.0.54') && client.kind === 'host') return { reply: resolvedAnswer(world, client, name, qtype) };
  if (PUBLIC_RESOLVERS.has(server)) return { reply: internetAnswer(name, qtype, world.clock.now()) };
  return { timeout: true };
}

/** The outcome of a libc-style lookup (getaddrinfo with the search list). */
export interface Resolution {
  /** IPv4 addresses found; empty when the lookup failed. */
  addrs: string[];
  /** The name that answered (after the search list), when one did. */
  fqdn?: string;
  /** Each name tried and its response code ("files" hits are not listed). */
  tried: { name: string; rcode: string }[];
  /** Why it failed: NXDOMAIN for no such name, SERVFAIL, or TIMEOUT when no server answered. */
  error?: 'NXDOMAIN' | 'SERVFAIL' | 'TIMEOUT';
  source?: string;
  /** The server asked. */
  server: string;
}

/**
 * getaddrinfo(3) for IPv4: a literal address, then /etc/hosts ("files" comes first in
 * nsswitch.conf), then DNS through the search list.
 */
export function resolveHost(world: World, client: DnsClient, conf: ResolvConf, hostsFile: string | undefined, name: string): Resolution {
  const server = conf.nameservers[0];
  if (isIPv4(name)) return { addrs: [name], fqdn: name, tried: [], server };
  const files = parseHostsFile(hostsFile).get(name.toLowerCase().replace(/\.$/, ''));
  if (files) return { addrs: files, fqdn: name, tried: [], server: 'files', source: 'files' };
  const tried: { name: string; rcode: string }[] = [];
  let sawServfail = false;
  for (const cand of searchCandidates(name, conf)) {
    const r = queryServer(world, client, server, cand, 'A');
    if (r.timeout) {
      tried.push({ name: cand, rcode: 'TIMEOUT' });
      return { addrs: [], tried, error: 'TIMEOUT', server };
    }
    tried.push({ name: cand, rcode: r.reply.rcode });
    if (r.reply.rcode === 'SERVFAIL') sawServfail = true;
    const addrs = r.reply.answer.filter((a) => a.type === 'A').map((a) => a.data);
    if (r.reply.rcode === 'NOERROR' && addrs.length) return { addrs, fqdn: cand, tried, server, source: r.reply.source };
  }
  return { addrs: [], tried, error: sawServfail ? 'SERVFAIL' : 'NXDOMAIN', server };
}

/** getnameinfo(3) with NI_NAMEREQD: the PTR name of an address through the first nameserver, or undefined. */
export function reverseLookup(world: World, client: DnsClient, conf: ResolvConf, ip: string): string | undefined {
  const r = queryServer(world, client, conf.nameservers[0], `${ip.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR');
  return r.reply?.answer.find((a) => a.type === 'PTR')?.data;
}
