/** `kubectl delete`: by type and name, `-f`, `-l`, `--all`; v1.34 prints the namespace ("deleted from default namespace"). */
import { kindPrefix, resourceForKind, resourceOfKind, type ResourceInfo } from '../../api/kinds.ts';
import { notFound } from '../../api/server.ts';
import { rfc3339, type Obj } from '../../api/store.ts';
import { fail, type Kctx } from './context.ts';
import { dryRunMode } from './common.ts';
import { formatApiError, NO_RESOURCES } from './errors.ts';
import { arr, bool, has, str, type FlagSpec } from './flags.ts';
import { readManifests } from './manifests.ts';
import { listObjects, parseLabelSelector, parseListFieldSelector, parseResourceArgs } from './resources.ts';

export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'now', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'cascade', type: 'string', noOptDefault: 'background' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'raw', type: 'string' },
];

/** Deletes one stored object as the API server does (namespaces go Terminating first). */
export function deleteObject(k: Kctx, r: ResourceInfo, o: Obj): void {
  if (r.kind === 'Namespace') {
    o.metadata.deletionTimestamp = rfc3339(k.now);
    o.status = { phase: 'Terminating' };
    k.store.touch(o);
    return;
  }
  if (r.kind === 'Node') {
    for (const p of k.store.list('Pod').filter((p) => p.spec.nodeName === o.metadata.name)) k.store.delete('Pod', p.metadata.namespace, p.metadata.name);
  }
  k.store.delete(r.kind, r.namespaced ? o.metadata.namespace : undefined, o.metadata.name);
}

export function del(k: Kctx): void {
  const dry = dryRunMode(k);
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') return fail(k, dry);
  const force = bool(k.p, 'force');
  const grace = str(k.p, 'grace-period', '-1');
  // delete_flags.go: --force with no grace period means 0, which deletes immediately.
  const forceDeleted = force && (grace === '0' || !has(k.p, 'grace-period') || Number(grace) < 0);
  if (forceDeleted)
    k.err += 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
  const targets: { r: ResourceInfo; o?: Obj; name: string; source?: string }[] = [];
  const files = arr(k.p, 'filename');
  const all = bool(k.p, 'all');
  const selText = str(k.p, 'selector');
  if (files.length) {
    if (k.p.args.length) return fail(k, 'Unexpected args: [' + k.p.args.join(' ') + ']\nSee \'kubectl delete -h\' for help and examples');
    const ms = readManifests(k, files, bool(k.p, 'recursive'));
    if (typeof ms === 'string') return fail(k, ms);
    for (const { obj, source } of ms) {
      const r = resourceForKind(String(obj.apiVersion), String(obj.kind));
      if (!r) {
        k.err += `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first\n`;
        k.code = 1;
        continue;
      }
      const ns = r.namespaced ? (obj.metadata?.namespace ?? k.namespace) : undefined;
      targets.push({ r, o: k.store.get(r.kind, ns, obj.metadata?.name), name: obj.metadata?.name, source: ns });
    }
  } else {
    if (!k.p.args.length) return fail(k, NO_RESOURCES);
    const reqs = parseResourceArgs(k.p.args);
    if (typeof reqs === 'string') return fail(k, reqs);
    for (const req of reqs) {
      if (req.names.length) {
        for (const name of req.names) targets.push({ r: req.resource, o: k.store.get(req.resource.kind, req.resource.namespaced ? k.namespace : undefined, name), name });
      } else {
        if (!all && !selText && !str(k.p, 'field-selector')) {
          k.err += `error: resource(s) were provided, but no name was specified\n`;
          k.code = 1;
          return;
        }
        const fsText = str(k.p, 'field-selector');
        const labels = selText ? parseLabelSelector(selText, req.resource, fsText) : undefined;
        if (typeof labels === 'string') return fail(k, labels);
        const fields = fsText ? parseListFieldSelector(fsText, req.resource, selText) : undefined;
        if (typeof fields === 'string') return fail(k, fields);
        const objs = listObjects(k, req.resource, { allNamespaces: bool(k.p, 'all-namespaces'), labels, fields });
        if (!objs.length) {
          k.err += req.resource.namespaced && !bool(k.p, 'all-namespaces') ? `No resources found\n` : 'No resources found\n';
        }
        for (const o of objs) targets.push({ r: req.resource, o, name: o.metadata.name });
      }
    }
  }
  for (const t of targets) {
    // A resource served without the delete verb (componentstatuses) answers 405 to every name.
    if (!t.r.verbs.includes('delete')) {
      k.err += 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n';
      k.code = 1;
      continue;
    }
    if (!t.o) {
      if (bool(k.p, 'ignore-not-found')) continue;
      k.err += formatApiError(notFound(t.r, t.name), files.length ? { verb: 'deleting', file: files[0] } : undefined);
      k.code = 1;
      continue;
    }
    if (t.r.kind === 'Namespace' && ['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(t.name)) {
      k.err += `Error from server (Forbidden): namespaces "${t.name}" is forbidden: this namespace may not be deleted\n`;
      k.code = 1;
      continue;
    }
    const r = resourceForKind(t.o.apiVersion, t.o.kind) ?? resourceOfKind(t.o.kind) ?? t.r;
    if (dry === 'none') deleteObject(k, t.r, t.o);
    if (str(k.p, 'output') === 'name') {
      k.out += `${kindPrefix(r)}/${t.name}\n`;
      continue;
    }
    let op = forceDeleted ? 'force deleted' : 'deleted';
    if (t.r.namespaced) op += ` from ${t.o.metadata.namespace} namespace`;
    if (dry === 'client') op += ' (dry run)';
    if (dry === 'server') op += ' (server dry run)';
    k.out += `${kindPrefix(r)} "${t.name}" ${op}\n`;
  }
}
