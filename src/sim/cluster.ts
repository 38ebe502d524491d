import type { World } from './types.ts';

/** A node of the simulated cluster as a scenario declares it. */
export interface NodeSpec {
  name: string;
  ip: string;
  role: 'control-plane' | 'worker';
  /** The kubelet's version, when it differs from the cluster's. */
  kubeletVersion?: string;
}

/** What a scenario says about its cluster. */
export interface ClusterOptions {
  /** Control-plane version, e.g. "v1.34.2". */
  version: string;
  nodes: NodeSpec[];
  /** Plain manifests applied after the kubeadm-like bootstrap (as `kubectl apply` would). */
  manifests?: unknown[];
}

/** The Kubernetes side of the world. Placeholder until the API store lands. */
export interface Cluster {
  /** Runs every controller until the state settles; called after each command and clock move. */
  reconcile(): void;
}

/** Bootstraps a kubeadm-like cluster. Placeholder until the API store lands. */
export function createCluster(_world: World, _options: ClusterOptions): Cluster {
  return { reconcile() {} };
}
