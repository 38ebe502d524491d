/**
 * The kinds whose controllers are in controllers/workloads.ts rather than the core. A scenario
 * that declares an object of one of them needs that chunk before its world is built (browser.ts
 * initChunks); other objects (Pods, Deployments, DaemonSets, Services…) need only the core.
 */

/** Kinds handled by the workloads chunk's controllers (StorageClass: the provisioner reads it). */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['StatefulSet', 'CronJob', 'Job', 'PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'Ingress', 'PodDisruptionBudget']);
