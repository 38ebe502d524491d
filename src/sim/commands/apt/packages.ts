/**
 * The Debian packages of each host that the chapters touch (kubeadm, kubelet, kubectl from
 * pkgs.k8s.io), the apt lists fetched by `apt-get update`, and holds. pkgs.k8s.io has one
 * repository per minor version, so the sources line decides which versions apt can see.
 */
import type { Cluster } from '../../cluster.ts';
import type { Host, World } from '../../types.ts';
import { KUBERNETES_NEWEST, KUBERNETES_VERSION, parseVersion } from '../../versions.ts';

/** Packages that come from pkgs.k8s.io. */
export const K8S_PACKAGES = ['cri-tools', 'kubeadm', 'kubectl', 'kubelet', 'kubernetes-cni'];
/** The sources file kubeadm's install guide writes. */
export const SOURCES_FILE = '/etc/apt/sources.list.d/kubernetes.list';

/** Package state of one host. */
export interface HostPackages {
  installed: Map<string, string>;
  held: Set<string>;
  /** The pkgs.k8s.io minor ("1.34") whose lists `apt-get update` fetched last; undefined: none. */
  listMinor: string | undefined;
  /** Whether a package's unit file changed since the last `systemctl daemon-reload`. */
  unitChanged: boolean;
}

const states = new WeakMap<Host, HostPackages>();

/** `1.34.2-1.1` for v1.34.2. */
export const debVersion = (v: string): string => `${v.replace(/^v/, '')}-1.1`;

/** `v1.34.2` for a deb version `1.34.2-1.1`. */
export const kubeVersion = (deb: string): string => `v${deb.replace(/-.*$/, '')}`;

function nodeVersion(world: World, host: Host): string {
  const cluster = world.cluster as Cluster | undefined;
  // The kubelet the node reports is what the packages were at install time; the cluster's version
  // may already have moved (kubeadm upgrade apply) before anything looked at this host's packages.
  const reported = cluster?.store.get('Node', undefined, host.name)?.status?.nodeInfo?.kubeletVersion;
  const spec = cluster?.nodes.find((n) => n.name === host.name);
  return reported ?? spec?.kubeletVersion ?? cluster?.version ?? KUBERNETES_VERSION;
}

/** The host's package state, created as `kubeadm init`/`join` on a fresh install left it. */
export function packagesOf(world: World, host: Host): HostPackages {
  let s = states.get(host);
  if (!s) {
    const v = debVersion(nodeVersion(world, host));
    const pv = parseVersion(v);
    s = {
      installed: new Map([
        ['cri-tools', `1.${pv?.minor ?? 34}.0-1.1`],
        ['kubeadm', v],
        ['kubectl', v],
        ['kubelet', v],
        ['kubernetes-cni', '1.7.1-1.1'],
      ]),
      held: new Set(['kubeadm', 'kubectl', 'kubelet']),
      listMinor: `1.${pv?.minor ?? 34}`,
      unitChanged: false,
    };
    states.set(host, s);
  }
  return s;
}

/** The minor version the host's kubernetes.list points at ("1.35"), if it names a pkgs.k8s.io repo. */
export function repoMinor(host: Host): string | undefined {
  const text = host.fs.readFile(SOURCES_FILE) ?? '';
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('#')) continue;
    const m = /^\s*deb\s.*https:\/\/pkgs\.k8s\.io\/core:\/stable:\/v(\d+\.\d+)\/deb\/?\s/.exec(line + ' ');
    if (m) return m[1];
  }
  return undefined;
}

/** Whether pkgs.k8s.io has a repository for this minor (the simulator knows up to its newest). */
export function repoExists(minor: string): boolean {
  const newest = parseVersion(KUBERNETES_NEWEST);
  const [maj, min] = minor.split('.').map(Number);
  return maj === 1 && min >= 24 && newest !== undefined && min <= newest.minor;
}

/** Versions of a package in one minor's repository, newest first. */
export function repoVersions(pkg: string, minor: string): string[] {
  if (!repoExists(minor)) return [];
  const min = Number(minor.split('.')[1]);
  if (pkg === 'cri-tools') return [`1.${min}.0-1.1`];
  if (pkg === 'kubernetes-cni') return [min >= 34 ? '1.7.1-1.1' : '1.6.0-1.1'];
  if (!['kubeadm', 'kubectl', 'kubelet'].includes(pkg)) return [];
  const cur = parseVersion(KUBERNETES_VERSION);
  const newest = parseVersion(KUBERNETES_NEWEST);
  const top = min === cur?.minor ? cur.patch : min === newest?.minor ? newest.patch : 5;
  const out: string[] = [];
  for (let p = top; p >= 0; p--) out.push(`1.${min}.${p}-1.1`);
  return out;
}

/** Versions apt can install now (from the lists of the last update), newest first. */
export function candidates(world: World, host: Host, pkg: string): string[] {
  const s = packagesOf(world, host);
  return s.listMinor ? repoVersions(pkg, s.listMinor) : [];
}

/** Compares Debian-like versions of this repository (numeric dotted parts). */
export function compareDeb(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The kubelet binary's version on a host (`kubelet --version`). */
export function kubeletBinary(world: World, host: Host): string {
  return kubeVersion(packagesOf(world, host).installed.get('kubelet') ?? debVersion(KUBERNETES_VERSION));
}
