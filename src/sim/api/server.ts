/**
 * The API server's request handling in front of the store: decode, admission, defaulting,
 * validation and storage, returning the Status errors kubectl shows.
 */
import { qualifiedPlural, resourceForKind, resourceOfKind, type ResourceInfo } from './kinds.ts';
import { applyDefaults } from './defaults.ts';
import { clone, type Obj, type Store } from './store.ts';
import { MAX_PODS, objectLimitReached, podLimitReached } from '../limits.ts';

/** Decoding and validation of what users write (validation.ts + schema.ts). */
export interface Validator {
  /** The strict decoder's error for unknown or mistyped fields, if any. */
  decode(obj: Obj, kind: string, version: string): string | undefined;
  /** The formatted field errors of an object about to be stored. */
  validate(obj: Obj): string[];
}

/**
 * Set once, by what lets users write objects (kubectl's verbs, js-yaml for manifests edited on
 * disk; all of it at once in Node). Until then the server stores what the bootstrap and the
 * controllers build, which is valid by construction, without checking it: the browser worker's
 * core then carries no schema.
 */
let validator: Validator | undefined;

/** Makes the API server decode and validate every write from now on (idempotent). */
export function useValidator(v: Validator): void {
  validator = v;
}

/** A metav1.Status failure as the server returns it. */
export interface ApiError {
  reason: 'NotFound' | 'AlreadyExists' | 'BadRequest' | 'Invalid' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError';
  message: string;
  /** For Invalid: the kind, name and formatted causes (kubectl prints them specially). */
  details?: { kind: string; name: string; causes: string[] };
}

/** Either the stored object or the error. */
export type ApiResult = { obj: Obj; error?: undefined } | { obj?: undefined; error: ApiError };

/** NotFound for a resource and name: `pods "x" not found`. */
export function notFound(r: ResourceInfo, name: string): ApiError {
  return { reason: 'NotFound', message: `${qualifiedPlural(r)} "${name}" not found` };
}

/** The request-handling side of kube-apiserver. */
export class ApiServer {
  readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** Decodes, admits, defaults and validates a create; `dryRun` stops before storing. */
  create(input: Obj, namespace: string | undefined, dryRun = false): ApiResult {
    const r = resourceForKind(String(input.apiVersion ?? ''), String(input.kind ?? ''));
    if (!r) return { error: { reason: 'BadRequest', message: `no kind "${input.kind}" is registered for version "${input.apiVersion}"` } };
    const decodeErr = validator?.decode(input, r.kind, r.version);
    if (decodeErr) return { error: { reason: 'BadRequest', message: decodeErr } };
    const obj = clone(input);
    obj.metadata ??= {};
    if (r.namespaced) {
      obj.metadata.namespace = obj.metadata.namespace ?? namespace ?? 'default';
      const ns = this.store.get('Namespace', undefined, obj.metadata.namespace);
      if (!ns) return { error: { reason: 'NotFound', message: `namespaces "${obj.metadata.namespace}" not found` } };
      if (ns.metadata.deletionTimestamp)
        return {
          error: {
            reason: 'Forbidden',
            message: `${r.plural} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns.metadata.name} because it is being terminated`,
          },
        };
    } else delete obj.metadata.namespace;
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'deletionTimestamp']) delete obj.metadata[k];
    const errs = validator?.validate(obj) ?? [];
    if (errs.length) return { error: invalid(r.kind, obj.metadata.name ?? '', errs) };
    if (obj.metadata.name && this.store.get(r.kind, obj.metadata.namespace, obj.metadata.name))
      return { error: { reason: 'AlreadyExists', message: `${qualifiedPlural(r)} "${obj.metadata.name}" already exists` } };
    applyDefaults(obj, this.store);
    if (dryRun) return { obj };
    // The sandbox's own quota, so that a script cannot fill the page's memory with objects.
    if (this.store.full()) return { error: { reason: 'Forbidden', message: objectLimitReached() } };
    if (r.kind === 'Pod' && this.store.count('Pod') >= MAX_PODS) return { error: { reason: 'Forbidden', message: podLimitReached() } };
    return { obj: this.store.create(obj) };
  }

  /** Replaces an existing object's user-settable parts (spec, data, labels…) as an update does. */
  update(input: Obj, dryRun = false): ApiResult {
    const r = resourceForKind(String(input.apiVersion ?? ''), String(input.kind ?? '')) ?? resourceOfKind(String(input.kind));
    if (!r) return { error: { reason: 'BadRequest', message: `no kind "${input.kind}" is registered` } };
    const decodeErr = validator?.decode(input, r.kind, r.version);
    if (decodeErr) return { error: { reason: 'BadRequest', message: decodeErr } };
    const current = this.store.get(r.kind, input.metadata?.namespace, input.metadata?.name);
    if (!current) return { error: notFound(r, input.metadata?.name) };
    const next = clone(input);
    next.metadata = { ...clone(current.metadata), labels: next.metadata?.labels, annotations: next.metadata?.annotations };
    if (next.metadata.labels === undefined) delete next.metadata.labels;
    if (next.metadata.annotations === undefined) delete next.metadata.annotations;
    if (r.kind === 'Namespace') next.metadata.labels = { ...(next.metadata.labels ?? {}), 'kubernetes.io/metadata.name': next.metadata.name };
    if ('status' in current && !('status' in next)) next.status = clone(current.status);
    const errs = validator?.validate(next) ?? [];
    if (errs.length) return { error: invalid(r.kind, next.metadata.name, errs) };
    preserveAllocated(current, next);
    applyDefaults(next, this.store, false);
    if (r.kind === 'Pod') {
      const immutable = JSON.stringify(podMutable(current.spec)) !== JSON.stringify(podMutable(next.spec));
      if (immutable)
        return {
          error: invalid('Pod', next.metadata.name, [
            'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
          ]),
        };
    }
    if (dryRun) return { obj: next };
    return { obj: this.store.update(next) };
  }
}

function invalid(kind: string, name: string, causes: string[]): ApiError {
  return { reason: 'Invalid', message: `${kind} "${name}" is invalid: ${causes.join(', ')}`, details: { kind, name, causes } };
}

/** Keeps server-assigned values (clusterIP, nodePorts, pod binding) across an update. */
function preserveAllocated(current: Obj, next: Obj): void {
  if (current.kind === 'Service' && next.spec) {
    next.spec.clusterIP ??= current.spec.clusterIP;
    next.spec.clusterIPs ??= current.spec.clusterIPs;
    for (const p of next.spec.ports ?? []) {
      const old = (current.spec.ports ?? []).find((o: Obj) => o.port === p.port);
      if (old?.nodePort && p.nodePort === undefined && next.spec.type !== 'ClusterIP') p.nodePort = old.nodePort;
    }
  }
  if (current.kind === 'Pod' && next.spec) {
    next.spec.nodeName ??= current.spec.nodeName;
    next.spec.volumes ??= current.spec.volumes;
    next.spec.serviceAccountName ??= current.spec.serviceAccountName;
    next.spec.serviceAccount ??= current.spec.serviceAccount;
    next.spec.tolerations ??= current.spec.tolerations;
    next.spec.containers?.forEach((c: Obj, i: number) => {
      c.volumeMounts ??= current.spec.containers?.[i]?.volumeMounts;
    });
  }
  if (current.kind === 'PersistentVolumeClaim' && next.spec) next.spec.volumeName ??= current.spec.volumeName;
  if (current.kind === 'PersistentVolume' && next.spec) next.spec.claimRef ??= current.spec.claimRef;
}

function podMutable(spec: Obj): Obj {
  const s = clone(spec ?? {});
  for (const c of s.containers ?? []) delete c.image;
  for (const c of s.initContainers ?? []) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  return s;
}
