/** `kubectl replace -f FILE [--force]` (pkg/cmd/replace/replace.go). */
import { kindPrefix, resourceForKind } from '../../api/kinds.ts';
import { notFound } from '../../api/server.ts';
import { clone } from '../../api/store.ts';
import { fail, type Kctx } from './context.ts';
import { dryRunMode, MUTATE_FLAGS, printOp } from './common.ts';
import { deleteObject } from './delete.ts';
import { formatApiError } from './errors.ts';
import { arr, bool, type FlagSpec } from './flags.ts';
import { readManifests } from './manifests.ts';

export const REPLACE_FLAGS: FlagSpec[] = [
  ...MUTATE_FLAGS,
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'cascade', type: 'string', noOptDefault: 'background' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'subresource', type: 'string' },
];

export function replace(k: Kctx): void {
  const files = arr(k.p, 'filename');
  if (!files.length) {
    k.err += "error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const dry = dryRunMode(k);
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') return fail(k, dry);
  const ms = readManifests(k, files, bool(k.p, 'recursive'));
  if (typeof ms === 'string') return fail(k, ms);
  for (const { obj, source } of ms) {
    const r = resourceForKind(String(obj.apiVersion), String(obj.kind));
    if (!r) {
      k.err += `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first\n`;
      k.code = 1;
      continue;
    }
    const input = clone(obj);
    input.metadata ??= {};
    const ns = r.namespaced ? (input.metadata.namespace ??= k.namespace) : undefined;
    const existing = k.store.get(r.kind, ns, input.metadata.name);
    if (bool(k.p, 'force')) {
      if (existing && dry === 'none') {
        deleteObject(k, r, existing);
        k.out += `${kindPrefix(r)} "${input.metadata.name}" deleted${r.namespaced ? ` from ${ns} namespace` : ''}\n`;
        k.cluster.reconcile();
      }
      const res = k.api.create(input, ns, dry !== 'none');
      if (res.error) {
        k.err += formatApiError(res.error, { verb: 'replacing', file: source });
        k.code = 1;
        continue;
      }
      printOp(k, res.obj, 'replaced', dry);
      continue;
    }
    if (!existing) {
      k.err += formatApiError(notFound(r, input.metadata.name), { verb: 'replacing', file: source });
      k.code = 1;
      continue;
    }
    const res = k.api.update(input, dry !== 'none');
    if (res.error) {
      k.err += formatApiError(res.error, res.error.reason === 'Invalid' ? undefined : { verb: 'replacing', file: source });
      k.code = 1;
      continue;
    }
    printOp(k, res.obj, 'replaced', dry);
  }
}
