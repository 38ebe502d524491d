/**
 * Where a network tool runs: on a host (its /etc/resolv.conf and /etc/hosts, systemd-resolved)
 * or inside a Pod (the resolv.conf the kubelet wrote, ClusterFirst DNS), and which tools the
 * Pod's image ships.
 */
import type { Obj } from '../../api/store.ts';
import type { Cluster } from '../../cluster.ts';
import { parseResolvConf, type DnsClient, type ResolvConf } from '../../net/resolver.ts';
import type { CommandContext, CommandFn, RunResult, World } from '../../types.ts';
import { ociNotFound, registerPodCommand, resolvConf, type PodCommandContext } from '../kubectl/exec.ts';

/** A client of the simulated network. */
export interface NetClient {
  world: World;
  dns: DnsClient;
  conf: ResolvConf;
  hostsFile: string | undefined;
  /** The node the traffic leaves from. */
  node: string;
  /** The Pod's own address, which servers see; a host's depends on the route to each server. */
  ip?: string;
  /** For traces: `host controlplane` or `pod default/busybox`. */
  label: string;
  /** The container image, for tools whose output differs by image (busybox nslookup). */
  image?: string;
  now: number;
}

/** A client on a host of the sandbox. */
export function hostClient(ctx: CommandContext): NetClient {
  const hostsFile = ctx.host.fs.readFile('/etc/hosts');
  return {
    world: ctx.world,
    dns: { kind: 'host', hostsFile },
    conf: parseResolvConf(ctx.host.fs.readFile('/etc/resolv.conf')),
    hostsFile,
    node: ctx.host.name,
    label: `host ${ctx.host.name}`,
    now: ctx.world.clock.now(),
  };
}

/** The /etc/hosts the kubelet writes into a Pod. */
function podHosts(pod: Obj): string {
  const hostname = pod.spec.hostname ?? pod.metadata.name;
  return `127.0.0.1\tlocalhost\n${pod.status?.podIP ?? ''}\t${hostname}\n`;
}

/** A client inside a Pod's network namespace. */
export function podClient(p: PodCommandContext): NetClient {
  const world = p.k.ctx.world;
  const hostNet = p.pod.spec?.hostNetwork === true;
  const node = String(p.pod.spec?.nodeName ?? '');
  const hostsFile = hostNet ? world.hosts.get(node)?.fs.readFile('/etc/hosts') : podHosts(p.pod);
  const conf = parseResolvConf(resolvConf(p.k, p.pod));
  const ownDns = hostNet && (p.pod.spec.dnsPolicy ?? 'ClusterFirst') !== 'ClusterFirstWithHostNet';
  return {
    world,
    dns: ownDns ? { kind: 'host', hostsFile } : { kind: 'pod' },
    conf,
    hostsFile,
    node,
    ip: hostNet ? undefined : p.pod.status?.podIP,
    label: `pod ${p.pod.metadata.namespace}/${p.pod.metadata.name}`,
    image: String(p.container?.image ?? ''),
    now: world.clock.now(),
  };
}

/** The tools an image ships: busybox applets, Debian's curl in nginx, bind9 utils in dnsutils images… */
export function imageHasTool(image: string, tool: string): boolean {
  const img = image.toLowerCase();
  const busybox = /(^|\/)(busybox|alpine)(:|@|$)/.test(img) || /curlimages\/curl/.test(img);
  const netshoot = /netshoot|dnsutils|dnstools|network-multitool/.test(img);
  switch (tool) {
    case 'nslookup':
    case 'ping':
      return busybox || netshoot;
    case 'wget':
      return busybox || netshoot;
    case 'dig':
    case 'host':
      return netshoot;
    case 'curl':
      return netshoot || /curlimages\/curl|(^|\/)nginx(:|@|$)|ubuntu|network-multitool/.test(img);
    case 'getent':
      return busybox || netshoot || /nginx|ubuntu|debian/.test(img);
    default:
      return false;
  }
}

/** The cluster of a world. */
export function clusterOf(world: World): Cluster | undefined {
  return world.cluster as Cluster | undefined;
}

/** busybox 1.28 and older: the nslookup that prints `Address 1:` lines (the one the Kubernetes docs use). */
export function isOldBusybox(image: string): boolean {
  const m = /(?:^|\/)busybox:(\d+)\.(\d+)/.exec(image);
  return !!m && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) <= 28));
}

/** A host command running `run` with a client on the host it runs on. */
export function onHost(run: (c: NetClient, ctx: CommandContext) => RunResult): CommandFn {
  return (ctx) => run(hostClient(ctx), ctx);
}

/** Registers `tool` inside containers: run with a client in the Pod where the image ships it, else the runtime's not-found error. */
export function inPod(tool: string, run: (c: NetClient, p: PodCommandContext) => RunResult): void {
  registerPodCommand(tool, (p) => (imageHasTool(String(p.container?.image ?? ''), tool) ? run(podClient(p), p) : ociNotFound(p.pod, p.argv[0])));
}
