/**
 * pkgs.k8s.io as apt sees it: one repository per minor version, so the sources line decides
 * which versions apt can install (packages.ts holds what each host has installed).
 */
import type { Host, World } from '../../types.ts';
import { KUBERNETES_NEWEST, KUBERNETES_VERSION, parseVersion } from '../../versions.ts';
import { packagesOf } from './packages.ts';

/** Packages that come from pkgs.k8s.io. */
export const K8S_PACKAGES = ['cri-tools', 'kubeadm', 'kubectl', 'kubelet', 'kubernetes-cni'];
/** The sources file kubeadm's install guide writes. */
export const SOURCES_FILE = '/etc/apt/sources.list.d/kubernetes.list';

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
