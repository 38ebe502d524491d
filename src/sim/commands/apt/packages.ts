/**
 * The Debian packages installed on each host that the chapters touch (kubeadm, kubelet, kubectl
 * from pkgs.k8s.io), the apt lists fetched by `apt-get update`, and holds. The kubelet reads its
 * version from here, so this module is in the browser worker's core; what apt sees in the
 * repositories is repository.ts, loaded with apt.
 */
import type { Cluster } from '../../cluster.ts';
import type { Host, World } from '../../types.ts';
import { KUBERNETES_VERSION, parseVersion } from '../../versions.ts';

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

/** The kubelet binary's version on a host (`kubelet --version`). */
export function kubeletBinary(world: World, host: Host): string {
  return kubeVersion(packagesOf(world, host).installed.get('kubelet') ?? debVersion(KUBERNETES_VERSION));
}
