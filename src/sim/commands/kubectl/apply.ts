/** `kubectl apply -f` and `kubectl create -f`: decode, map kinds, create or update, report. */
import { resourceForKind } from '../../api/kinds.ts';
import { clone, type Obj } from '../../api/store.ts';
import { fail, type Kctx } from './context.ts';
import { dryRunMode, kindName, MUTATE_FLAGS, printOp } from './common.ts';
import { formatApiError } from './errors.ts';
import { arr, bool, type FlagSpec } from './flags.ts';
import { readManifests } from './manifests.ts';

export const APPLY_FLAGS: FlagSpec[] = [
  ...MUTATE_FLAGS,
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'overwrite', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'wait', type: 'bool' },
  { name: 'all', type: 'bool' },
];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation value kubectl apply stores: the manifest as compact JSON plus a newline. */
export function lastApplied(manifest: Obj): string {
  const m = clone(manifest);
  if (m.metadata?.annotations) {
    delete m.metadata.annotations[LAST_APPLIED];
    if (!Object.keys(m.metadata.annotations).length) delete m.metadata.annotations;
  }
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v as object).sort()) out[key] = sort((v as Record<string, unknown>)[key]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(m)) + '\n';
}

function mappingError(o: Obj, source: string, ns: string): string {
  const namespace = o.metadata?.namespace ?? '';
  void ns;
  const gv = String(o.apiVersion);
  const [group, version] = gv.includes('/') ? gv.split('/') : ['', gv];
  return `error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${namespace}" from "${source}": no matches for kind "${o.kind}" in version "${group ? `${group}/${version}` : version}"\nensure CRDs are installed first\n`;
}

/** Runs apply (create or update) or create over `-f` inputs. */
export function applyOrCreate(k: Kctx, mode: 'apply' | 'create'): void {
  const files = arr(k.p, 'filename');
  if (!files.length) {
    if (mode === 'apply') {
      k.err += "error: must specify one of -f and -k\n\n";
      k.code = 1;
      return;
    }
    k.err += 'error: must specify one of -f and -k\n\n';
    k.code = 1;
    return;
  }
  const dry = dryRunMode(k);
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') return fail(k, dry);
  const manifests = readManifests(k, files, bool(k.p, 'recursive'));
  if (typeof manifests === 'string') return fail(k, manifests);
  if (!manifests.length) return fail(k, 'no objects passed to ' + mode);
  for (const { obj, source } of manifests) {
    const r = resourceForKind(String(obj.apiVersion), String(obj.kind));
    if (!r) {
      k.err += mappingError(obj, source, k.namespace);
      k.code = 1;
      continue;
    }
    const input = clone(obj);
    input.metadata ??= {};
    if (r.namespaced) {
      if (k.explicitNs && input.metadata.namespace && input.metadata.namespace !== k.namespace) {
        k.err += `error: the namespace from the provided object "${input.metadata.namespace}" does not match the namespace "${k.namespace}". You must pass '--namespace=${input.metadata.namespace}' to perform this operation.\n`;
        k.code = 1;
        continue;
      }
      input.metadata.namespace ??= k.namespace;
    }
    if (!input.metadata.name && !input.metadata.generateName) {
      k.err += `error: error when retrieving current configuration of:\nResource: "${r.group ? `${r.group}/${r.version}` : r.version}, Resource=${r.plural}", GroupVersionKind: "${r.group ? `${r.group}/` : ''}${r.version}, Kind=${r.kind}"\nName: "", Namespace: "${input.metadata.namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty\n`;
      k.code = 1;
      continue;
    }
    const existing = input.metadata.name ? k.store.get(r.kind, r.namespaced ? input.metadata.namespace : undefined, input.metadata.name) : undefined;
    if (mode === 'create' || !existing) {
      if (mode === 'apply' || bool(k.p, 'save-config')) {
        input.metadata.annotations = { ...(input.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied(obj) };
      }
      if (dry === 'client') {
        const res = k.api.create(input, input.metadata.namespace, true);
        if (res.error && res.error.reason !== 'AlreadyExists' && res.error.reason !== 'NotFound') {
          k.err += formatApiError(res.error, { verb: 'creating', file: source });
          k.code = 1;
          continue;
        }
        printOp(k, input, 'created', dry);
        continue;
      }
      const res = k.api.create(input, input.metadata.namespace, dry === 'server');
      if (res.error) {
        k.err += formatApiError(res.error, { verb: 'creating', file: source });
        k.code = 1;
        continue;
      }
      printOp(k, res.obj, 'created', dry);
      continue;
    }
    // apply on an existing object: unchanged when the manifest matches the last applied one.
    const applied = lastApplied(obj);
    const prev = existing.metadata.annotations?.[LAST_APPLIED];
    if (prev === undefined)
      k.err += `Warning: resource ${r.group ? `${r.plural}.${r.group}` : r.plural}/${existing.metadata.name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
    if (prev === applied) {
      printOp(k, existing, 'unchanged', dry === 'none' ? 'none' : dry);
      continue;
    }
    const next = mergeForApply(existing, input, prev ? JSON.parse(prev) : undefined);
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
    const res = k.api.update(next, dry !== 'none');
    if (res.error) {
      k.err += formatApiError(res.error);
      k.code = 1;
      continue;
    }
    printOp(k, res.obj, 'configured', dry);
  }
  void kindName;
}

/**
 * A simplified three-way merge: fields of the new manifest win, fields the previous
 * manifest set but the new one dropped are removed, fields nobody declared (defaults,
 * status) stay.
 */
function mergeForApply(live: Obj, manifest: Obj, prev: Obj | undefined): Obj {
  const merge = (l: any, m: any, p: any): any => {
    if (m === undefined) return l;
    if (Array.isArray(m) || m === null || typeof m !== 'object' || typeof l !== 'object' || l === null || Array.isArray(l)) {
      if (Array.isArray(m) && Array.isArray(l)) return m.map((x: any, i: number) => (l[i] && typeof x === 'object' && x && (x.name === undefined || x.name === l[i].name) ? merge(l[i], x, p?.[i]) : clone(x)));
      return clone(m);
    }
    const out: Record<string, unknown> = { ...l };
    for (const key of Object.keys(m)) out[key] = merge(l[key], m[key], p?.[key]);
    if (p && typeof p === 'object') for (const key of Object.keys(p)) if (!(key in m)) delete out[key];
    return out;
  };
  const next = merge(clone(live), clone(manifest), prev);
  next.metadata = { ...clone(live.metadata), labels: manifest.metadata?.labels, annotations: { ...(live.metadata.annotations ?? {}), ...(manifest.metadata?.annotations ?? {}) } };
  if (!next.metadata.labels) delete next.metadata.labels;
  return next;
}
