/**
 * Versions the simulator prints. Everything that shows a version reads it from here so
 * that one edit moves the whole sandbox.
 */

/** The cluster's Kubernetes version (control plane, kubelets, kubectl client). */
export const KUBERNETES_VERSION = 'v1.34.2';
/** The newest release the simulator knows, one minor newer, for `kubeadm upgrade` demos. */
export const KUBERNETES_NEWEST = 'v1.35.0';
/** Kustomize bundled with kubectl v1.34 (`kubectl version` prints it). */
export const KUSTOMIZE_VERSION = 'v5.7.1';
/** etcd image tag kubeadm v1.34 deploys (constants.go SupportedEtcdVersion[34]). */
export const ETCD_VERSION = '3.6.4-0';
/** CoreDNS image tag kubeadm v1.34 deploys (constants.go CoreDNSVersion). */
export const COREDNS_VERSION = 'v1.12.1';
/** The sandbox (pause) image tag kubeadm v1.34 expects (constants.go PauseVersion). */
export const PAUSE_VERSION = '3.10.1';
/** containerd as `kubectl get nodes -o wide` shows it. */
export const CONTAINERD_VERSION = '2.1.4';
/** Flannel CNI image tag. */
export const FLANNEL_VERSION = 'v0.27.4';
/** Go toolchain kubectl v1.34 is built with (`kubectl version -o yaml` goVersion). */
export const GO_VERSION = 'go1.24.9';
/** Node OS image and kernel. */
export const OS_IMAGE = 'Ubuntu 24.04.3 LTS';
export const KERNEL_VERSION = '6.8.0-87-generic';

/** Parses "v1.34.2" into numbers; undefined when the text is not a version. */
export function parseVersion(v: string): { major: number; minor: number; patch: number } | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}
