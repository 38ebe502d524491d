/** `kubectl label` and `kubectl annotate`: key=value, key-, --overwrite, --all, -l. */
import { notFound } from '../../api/server.ts';
import { clone, type Obj } from '../../api/store.ts';
import { isValidLabelValue } from '../../api/name-rules.ts';
import { fail, type Kctx } from './context.ts';
import { kindName } from './common.ts';
import { formatApiError } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { listObjects, parseLabelSelector, parseResourceArgs } from './resources.ts';

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
];

/** Runs label (field "labels") or annotate (field "annotations"). */
export function labelOrAnnotate(k: Kctx, field: 'labels' | 'annotations'): void {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const args = k.p.args;
  const changes = args.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const resArgs = args.filter((a) => !changes.includes(a));
  if (!resArgs.length) {
    k.err += "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl " + verb + " -h' for help and examples\n";
    k.code = 1;
    return;
  }
  if (!changes.length && !bool(k.p, 'list')) {
    k.err += `error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\nSee 'kubectl ${verb} -h' for help and examples\n`;
    k.code = 1;
    return;
  }
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const eq = c.indexOf('=');
      const key = c.slice(0, eq);
      const value = c.slice(eq + 1);
      // parseLabels (kubectl/pkg/cmd/label/label.go) checks the value; the API server checks the key.
      if (field === 'labels' && c.split('=').length !== 2) return fail(k, `invalid label spec: ${c}`);
      const errs = field === 'labels' ? isValidLabelValue(value) : [];
      if (errs.length) return fail(k, `invalid label value: ${JSON.stringify(c)}: ${errs.join(';')}`);
      add[key] = value;
    }
  }
  const reqs = parseResourceArgs(resArgs);
  if (typeof reqs === 'string') return fail(k, reqs);
  const targets: Obj[] = [];
  for (const req of reqs) {
    if (req.names.length) {
      for (const n of req.names) {
        const o = k.store.get(req.resource.kind, req.resource.namespaced ? k.namespace : undefined, n);
        if (!o) {
          k.err += formatApiError(notFound(req.resource, n));
          k.code = 1;
        } else targets.push(o);
      }
    } else {
      const sel = str(k.p, 'selector');
      if (!sel && !bool(k.p, 'all')) return fail(k, 'resource(s) were provided, but no name was specified');
      const labels = sel ? parseLabelSelector(sel, req.resource) : undefined;
      if (typeof labels === 'string') return fail(k, labels);
      targets.push(...listObjects(k, req.resource, { allNamespaces: bool(k.p, 'all-namespaces'), labels }));
    }
  }
  for (const o of targets) {
    const next = clone(o);
    const m: Record<string, string> = { ...(next.metadata[field] ?? {}) };
    for (const [key, v] of Object.entries(add)) {
      if (key in m && m[key] !== v && !bool(k.p, 'overwrite')) {
        k.err += `error: '${key}' already has a value (${m[key]}), and --overwrite is false\n`;
        k.code = 1;
        return;
      }
      m[key] = v;
    }
    for (const key of remove) {
      if (!(key in m)) k.err += `${field === 'labels' ? 'label' : 'annotation'} "${key}" not found.\n`;
      delete m[key];
    }
    const unchanged = JSON.stringify(m) === JSON.stringify(next.metadata[field] ?? {});
    if (Object.keys(m).length) next.metadata[field] = m;
    else delete next.metadata[field];
    if (!unchanged) {
      const res = k.api.update(next);
      if (res.error) {
        k.err += formatApiError(res.error);
        k.code = 1;
        continue;
      }
    }
    const op = field === 'labels' ? (unchanged ? 'not labeled' : Object.keys(add).length ? 'labeled' : 'unlabeled') : unchanged ? 'not annotated' : 'annotated';
    k.out += `${kindName(o)} ${op}\n`;
  }
}
