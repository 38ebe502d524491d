/**
 * What systemd knows about the units of the sandbox (unit files as the Ubuntu 24.04 packages
 * install them) and the state changes systemctl makes, logged the way systemd 255 logs them.
 */
import type { Cluster } from '../../cluster.ts';
import { kubeletStarted, runningKubelet } from '../../controllers/nodeagent.ts';
import type { Host, Service, World } from '../../types.ts';
import { journalOf, klog, logUnit, mainPid, newPid, type JournalEntry } from './journal.ts';

/** The static facts of a unit file. */
export interface UnitFile {
  description: string;
  path: string;
  dropIns?: { dir: string; files: string[] };
  docs: string;
  exec: string;
  /** ExecStart as written in the unit (with variables), for the "Process:" line after a stop. */
  execStart: string;
  triggeredBy?: string;
}

/** Unit files of the services a host may have. */
export function unitFile(host: Host, name: string): UnitFile | undefined {
  switch (name) {
    case 'kubelet': {
      const env = /KUBELET_KUBEADM_ARGS="([^"]*)"/.exec(host.fs.readFile('/var/lib/kubelet/kubeadm-flags.env') ?? '')?.[1] ?? '';
      return {
        description: 'kubelet: The Kubernetes Node Agent',
        path: '/usr/lib/systemd/system/kubelet.service',
        dropIns: { dir: '/usr/lib/systemd/system/kubelet.service.d', files: ['10-kubeadm.conf'] },
        docs: 'https://kubernetes.io/docs/',
        exec: `/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml ${env}`.trim(),
        execStart: '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS',
      };
    }
    case 'containerd':
      return {
        description: 'containerd container runtime',
        path: '/usr/lib/systemd/system/containerd.service',
        docs: 'https://containerd.io',
        exec: '/usr/bin/containerd',
        execStart: '/usr/bin/containerd',
      };
    case 'docker':
      return {
        description: 'Docker Application Container Engine',
        path: '/usr/lib/systemd/system/docker.service',
        docs: 'https://docs.docker.com',
        exec: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
        execStart: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
        triggeredBy: 'docker.socket',
      };
    default: {
      const svc = host.services.get(name);
      if (!svc) return undefined;
      return { description: name, path: `/etc/systemd/system/${name}.service`, docs: '', exec: `/usr/local/bin/${name}`, execStart: `/usr/local/bin/${name}` };
    }
  }
}

/** systemd's name for a unit argument: `kubelet` → kubelet (service units only). */
export function unitName(arg: string): string {
  return arg.replace(/\.service$/, '');
}

const KUBELET_START_LOG = (host: Host, version: string, pid: number, t: number): string[] => [
  `${klog('I', t, pid, 'server.go:529')}"Kubelet version" kubeletVersion="${version}"`,
  `${klog('I', t, pid, 'server.go:531')}"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""`,
  `${klog('I', t, pid, 'kubelet_node_status.go:78')}"Attempting to register node" node="${host.name}"`,
  `${klog('I', t, pid, 'kubelet_node_status.go:81')}"Successfully registered node" node="${host.name}"`,
];

/** What a stop logs, in systemd 255's order (the kubelet's own line first, as it shuts down). */
function stopRecords(host: Host, svc: Service, t: number, cpu: string): JournalEntry[] {
  const d = unitFile(host, svc.name)?.description ?? svc.name;
  const pid = mainPid(host, svc);
  const sd = (msg: string): JournalEntry => ({ t, ident: 'systemd[1]', msg });
  return [
    ...(svc.name === 'kubelet' ? [{ t, ident: `kubelet[${pid}]`, msg: `${klog('I', t, pid, 'dynamic_cafile_content.go:175')}"Shutting down controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"` }] : []),
    sd(`Stopping ${svc.name}.service - ${d}...`),
    sd(`${svc.name}.service: Deactivated successfully.`),
    sd(`Stopped ${svc.name}.service - ${d}.`),
    sd(`${svc.name}.service: Consumed ${cpu} CPU time.`),
  ];
}

const completed = new WeakSet<Service>();

/**
 * A unit's journal as journalctl and systemctl status read it. The world keeps only each unit's
 * boot line (and a fault stops a unit without logging), so the first read fills in what that boot
 * and stop logged: the kubelet's startup lines, and for a unit a fault stopped, the boot dated
 * `Duration:` before the stop and systemd's stop lines, the same a `systemctl stop` writes.
 */
export function unitJournal(host: Host, svc: Service, world: World): JournalEntry[] {
  const list = journalOf(svc);
  if (completed.has(svc)) return list;
  completed.add(svc);
  const boot = list[0];
  if (!boot || boot.ident !== 'systemd[1]' || !boot.msg.startsWith('Started ')) return list;
  const faulted = !svc.active && !list.some((e) => e.msg.startsWith('Stopped '));
  if (faulted) boot.t = svc.since - ranFor(svc);
  if (svc.name === 'kubelet') {
    const pid = mainPid(host, svc);
    const lines = KUBELET_START_LOG(host, runningKubelet(world, host), pid, boot.t);
    list.splice(1, 0, ...lines.map((msg) => ({ t: boot.t, ident: `kubelet[${pid}]`, msg })));
  }
  if (faulted) {
    consumed.set(svc, cpuTime(svc, svc.since, boot.t));
    list.push(...stopRecords(host, svc, svc.since, consumed.get(svc)!));
  }
  return list;
}

/** Starts a unit (no-op when running), logging what systemd and the service print. */
export function startUnit(world: World, host: Host, svc: Service): void {
  if (svc.active) return;
  unitJournal(host, svc, world);
  const t = world.clock.now();
  const u = unitFile(host, svc.name);
  svc.active = true;
  svc.since = t;
  const pid = newPid(host, svc);
  logUnit(svc, t, 'systemd[1]', `Started ${svc.name}.service - ${u?.description ?? svc.name}.`);
  if (svc.name === 'kubelet') {
    kubeletStarted(world, host);
    for (const line of KUBELET_START_LOG(host, runningKubelet(world, host), pid, t)) logUnit(svc, t, `kubelet[${pid}]`, line);
  }
}

/** Stops a unit (no-op when stopped). */
export function stopUnit(world: World, host: Host, svc: Service): void {
  if (!svc.active) return;
  unitJournal(host, svc, world);
  const t = world.clock.now();
  const cpu = cpuTime(svc, t);
  for (const e of stopRecords(host, svc, t, cpu)) logUnit(svc, t, e.ident, e.msg);
  consumed.set(svc, cpu);
  durations.set(svc, t - svc.since);
  svc.active = false;
  svc.since = t;
}

const durations = new WeakMap<Service, number>();

/** How long a stopped unit had run (the "Duration:" of systemctl status). */
export function ranFor(svc: Service): number {
  return durations.get(svc) ?? 3 * 86_400_000 - 5 * 60_000;
}

const consumed = new WeakMap<Service, string>();

/** CPU time a unit used by `t`, roughly 3 % of a core since it started (`from`, the running unit's start by default). */
export function cpuTime(svc: Service, t: number, from = svc.since): string {
  return formatTimespan(Math.max(0, Math.floor((t - from) * 0.03)) + 1234);
}

/** The CPU time a stopped unit used (the "CPU:" of systemctl status), as its stop logged it. */
export function cpuConsumed(svc: Service): string {
  return consumed.get(svc) ?? cpuTime(svc, svc.since);
}

/** systemd's format_timespan with millisecond accuracy: `2h 13min 8.320s`. */
export function formatTimespan(ms: number): string {
  const parts: string[] = [];
  let rest = ms;
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min']];
  for (const [n, s] of units) {
    if (rest >= n) {
      parts.push(`${Math.floor(rest / n)}${s}`);
      rest %= n;
    }
  }
  if (rest > 0) parts.push(rest % 1000 ? `${Math.floor(rest / 1000)}.${String(rest % 1000).padStart(3, '0').replace(/0+$/, '')}s` : `${rest / 1000}s`);
  return parts.join(' ') || '0';
}

/** The cluster of a world, typed. */
export const clusterOf = (world: World): Cluster | undefined => world.cluster as Cluster | undefined;
