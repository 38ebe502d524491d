/**
 * The resource table: what the API server's discovery returns for the kinds the simulator
 * serves. Feeds `kubectl get` name resolution, `api-resources` and error messages.
 */

/** One served resource, as discovery describes it. */
export interface ResourceInfo {
  /** Plural resource name, e.g. "deployments". */
  plural: string;
  singular: string;
  shortNames: string[];
  /** API group, "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  /** Categories, e.g. "all" for `kubectl get all`. */
  categories?: string[];
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Discovery in the order `kubectl api-resources` sorts it (group, then name). */
export const RESOURCES: ResourceInfo[] = [
  { plural: 'componentstatuses', singular: 'componentstatus', shortNames: ['cs'], group: '', version: 'v1', namespaced: false, kind: 'ComponentStatus', verbs: ['get', 'list'] },
  { plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], group: '', version: 'v1', namespaced: true, kind: 'ConfigMap', verbs: RW },
  { plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], group: '', version: 'v1', namespaced: true, kind: 'Endpoints', verbs: RW },
  { plural: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1', namespaced: true, kind: 'Event', verbs: RW },
  { plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], group: '', version: 'v1', namespaced: false, kind: 'Namespace', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1', namespaced: false, kind: 'Node', verbs: RW },
  { plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], group: '', version: 'v1', namespaced: true, kind: 'PersistentVolumeClaim', verbs: RW },
  { plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], group: '', version: 'v1', namespaced: false, kind: 'PersistentVolume', verbs: RW },
  { plural: 'pods', singular: 'pod', shortNames: ['po'], group: '', version: 'v1', namespaced: true, kind: 'Pod', verbs: RW, categories: ['all'] },
  { plural: 'secrets', singular: 'secret', shortNames: [], group: '', version: 'v1', namespaced: true, kind: 'Secret', verbs: RW },
  { plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], group: '', version: 'v1', namespaced: true, kind: 'ServiceAccount', verbs: RW },
  { plural: 'services', singular: 'service', shortNames: ['svc'], group: '', version: 'v1', namespaced: true, kind: 'Service', verbs: RW, categories: ['all'] },
  { plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], group: 'apps', version: 'v1', namespaced: true, kind: 'DaemonSet', verbs: RW, categories: ['all'] },
  { plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], group: 'apps', version: 'v1', namespaced: true, kind: 'Deployment', verbs: RW, categories: ['all'] },
  { plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], group: 'apps', version: 'v1', namespaced: true, kind: 'ReplicaSet', verbs: RW, categories: ['all'] },
  { plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], group: 'apps', version: 'v1', namespaced: true, kind: 'StatefulSet', verbs: RW, categories: ['all'] },
  { plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'], group: 'batch', version: 'v1', namespaced: true, kind: 'CronJob', verbs: RW, categories: ['all'] },
  { plural: 'jobs', singular: 'job', shortNames: [], group: 'batch', version: 'v1', namespaced: true, kind: 'Job', verbs: RW, categories: ['all'] },
  { plural: 'endpointslices', singular: 'endpointslice', shortNames: [], group: 'discovery.k8s.io', version: 'v1', namespaced: true, kind: 'EndpointSlice', verbs: RW },
  { plural: 'events', singular: 'event', shortNames: ['ev'], group: 'events.k8s.io', version: 'v1', namespaced: true, kind: 'Event', verbs: RW },
  { plural: 'ingressclasses', singular: 'ingressclass', shortNames: [], group: 'networking.k8s.io', version: 'v1', namespaced: false, kind: 'IngressClass', verbs: RW },
  { plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], group: 'networking.k8s.io', version: 'v1', namespaced: true, kind: 'Ingress', verbs: RW },
  { plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'], group: 'policy', version: 'v1', namespaced: true, kind: 'PodDisruptionBudget', verbs: RW },
  { plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], group: 'storage.k8s.io', version: 'v1', namespaced: false, kind: 'StorageClass', verbs: RW },
];

/** The order `kubectl get all` lists kinds in (pods, services, daemonsets, deployments, replicasets, statefulsets, cronjobs, jobs). */
export const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'cronjobs', 'jobs'];

/** "apps/v1" for apps, "v1" for core. */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** "deployment.apps" or "pod": how kubectl names a kind in `kind/name` output. */
export function kindPrefix(r: ResourceInfo): string {
  const k = r.kind.toLowerCase();
  return r.group ? `${k}.${r.group}` : k;
}

/** "deployments.apps" or "pods": how the server names a resource in NotFound errors. */
export function qualifiedPlural(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/**
 * Resolves what a user typed (`po`, `pods`, `Pod`, `deployment.apps`, `deploy.v1.apps`) to a
 * resource, preferring the core group for `events` as kubectl's RESTMapper does.
 */
export function resolveResource(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  let groupHint = dot < 0 ? undefined : lower.slice(dot + 1);
  if (groupHint && /^v\d/.test(groupHint)) groupHint = groupHint.replace(/^v\d[a-z0-9]*\.?/, '');
  const matches = RESOURCES.filter(
    (r) => r.plural === base || r.singular === base || r.shortNames.includes(base) || r.kind.toLowerCase() === base,
  );
  if (groupHint !== undefined) return matches.find((r) => r.group === groupHint);
  return matches[0];
}

/** The resource serving a manifest's apiVersion and kind, if any. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return RESOURCES.find((r) => r.kind === kind && r.group === group && r.version === version);
}

/** The preferred resource of a kind (core events over events.k8s.io). */
export function resourceOfKind(kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}
