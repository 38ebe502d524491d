/** `kubectl get`: tables (default and wide), structured output, selectors, -A, --sort-by. */
import { kindPrefix, resourceOfKind } from '../../api/kinds.ts';
import type { Obj } from '../../api/store.ts';
import { COLUMNS, eventWideRow, formatLabels } from '../../printers/columns.ts';
import { tabwrite } from '../../printers/table.ts';
import { fail, type Kctx } from './context.ts';
import { formatApiError } from './errors.ts';
import { arr, bool, str, type FlagSpec } from './flags.ts';
import { jsonPathFormats, loadedJsonPathFormats } from './formats.ts';
import { checkOutputFormat, printStructured } from './output.ts';
import { getObject, listObjects, parseLabelSelector, parseListFieldSelector, parseResourceArgs } from './resources.ts';
import { computedKind, rawGetHandler } from './verbs.ts';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'raw', type: 'string' },
  { name: 'output-watch-events', type: 'bool' },
];

const NEED_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

/** The table of one kind (rows already fetched). */
export function renderTable(k: Kctx, kind: string, objs: Obj[], opts: { withKind: boolean; withNamespace: boolean; wide: boolean; noHeaders: boolean }): string {
  const cols = COLUMNS[kind] ?? computedKind(kind)!.columns;
  const labelCols = arr(k.p, 'label-columns').flatMap((s) => s.split(',')).filter(Boolean);
  const showLabels = bool(k.p, 'show-labels');
  const r = resourceOfKind(kind);
  const prefix = opts.withKind && r ? `${kindPrefix(r)}/` : '';
  const eventsWide = kind === 'Event' && opts.wide;
  const header = eventsWide
    ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']
    : [...cols.headers, ...(opts.wide ? cols.wideHeaders : [])];
  if (opts.withNamespace) header.unshift('NAMESPACE');
  for (const l of labelCols) header.push(l.slice(l.lastIndexOf('/') + 1).toUpperCase());
  if (showLabels) header.push('LABELS');
  const rows: string[][] = opts.noHeaders ? [] : [header];
  for (const o of objs) {
    const row = eventsWide ? eventWideRow(o, k.now) : [...cols.row(o, k.now), ...(opts.wide ? cols.wideRow(o, k.now) : [])];
    if (prefix && kind !== 'Event') row[0] = prefix + row[0];
    if (opts.withNamespace) row.unshift(o.metadata.namespace ?? '');
    for (const l of labelCols) row.push(o.metadata.labels?.[l] ?? '');
    if (showLabels) row.push(formatLabels(o.metadata.labels));
    rows.push(row);
  }
  return tabwrite(rows);
}

/** kubectl get, and with -w/--watch-only the list (or nothing) then the end of the watch. */
export function get(k: Kctx): void {
  const watch = isWatch(k);
  const start = k.out.length;
  getOnce(k);
  if (!watch || k.code !== 0) return;
  // --watch-only prints changes only (outputObjects false for the current list).
  if (bool(k.p, 'watch-only')) k.out = k.out.slice(0, start);
  // Every command here ends with the cluster settled, so a watch would only wait: end it, and say so.
  k.err += 'kubesim: the watch ends here: the simulated cluster has settled, and kubectl would wait for changes until Ctrl+C\n';
}

const isWatch = (k: Kctx): boolean => bool(k.p, 'watch') || bool(k.p, 'watch-only');

function getOnce(k: Kctx): void {
  const p = k.p;
  const raw = str(p, 'raw');
  if (raw) {
    const handler = rawGetHandler();
    return handler ? handler(k, raw) : fail(k, 'kubesim: kubectl get --raw: not loaded\n');
  }
  const output = str(p, 'output');
  const fmtErr = checkOutputFormat(output);
  if (fmtErr) return fail(k, fmtErr);
  if (!p.args.length && !arr(p, 'filename').length) {
    k.err += NEED_TYPE;
    k.code = 1;
    return;
  }
  const reqs = parseResourceArgs(p.args);
  if (typeof reqs === 'string') return fail(k, reqs);
  // The builder's SingleResourceType() for a watch (kubectl/pkg/cmd/get/get.go watch()).
  if (isWatch(k) && new Set(reqs.map((r) => r.resource.kind)).size > 1) return fail(k, 'you may only specify a single resource type');
  const all = bool(p, 'all-namespaces');
  const selText = str(p, 'selector');
  const fsText = str(p, 'field-selector');
  const labels = selText ? parseLabelSelector(selText, reqs[0].resource, fsText) : undefined;
  if (typeof labels === 'string') return fail(k, labels);
  const fields = fsText ? parseListFieldSelector(fsText, reqs[0].resource, selText) : undefined;
  if (typeof fields === 'string') return fail(k, fields);
  if (all && reqs.some((r) => r.names.length)) return fail(k, 'a resource cannot be retrieved by name across all namespaces');
  const nsObj = k.store.get('Namespace', undefined, k.namespace);

  const groups: { kind: string; namespaced: boolean; objs: Obj[] }[] = [];
  const errors: string[] = [];
  let requestedSingle = reqs.length === 1 && reqs[0].names.length === 1;
  for (const req of reqs) {
    if (req.resource.plural === 'endpoints' && !output.startsWith('json') && !output.startsWith('yaml'))
      k.err += 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
    // A kind with no stored columns is computed by a part the line scan should have loaded.
    const computed = computedKind(req.resource.kind);
    if (!COLUMNS[req.resource.kind] && !computed) return fail(k, `kubesim: kubectl get ${req.resource.plural}: not loaded\n`);
    k.err += computed?.warning ?? '';
    let objs: Obj[];
    if (req.names.length) {
      objs = [];
      for (const name of req.names) {
        const res = getObject(k, req.resource, name);
        if (res.obj) objs.push(res.obj);
        else if (!bool(p, 'ignore-not-found')) errors.push(formatApiError(res.error!));
      }
    } else objs = listObjects(k, req.resource, { allNamespaces: all, labels, fields });
    const last = groups[groups.length - 1];
    if (last && last.kind === req.resource.kind) last.objs.push(...objs);
    else groups.push({ kind: req.resource.kind, namespaced: req.resource.namespaced, objs });
  }
  if (!nsObj && !all && reqs.some((r) => r.resource.namespaced && !r.names.length)) {
    // Listing in a namespace that does not exist is not an error for the server: it is just empty.
  }

  const sortBy = str(p, 'sort-by');
  const structured = output !== '' && output !== 'wide';
  try {
    if (sortBy) for (const g of groups) g.objs = jsonPathFormats().sortByField(g.objs, sortBy, { mode: structured ? 'list' : 'table' }) as Obj[];
  } catch (e) {
    if (loadedJsonPathFormats()?.isKlogExit(e)) {
      k.err += `${(e as Error).message}\n`;
      k.code = 1;
      return;
    }
    return fail(k, (e as Error).message);
  }

  const total = groups.reduce((n, g) => n + g.objs.length, 0);
  if (structured) {
    const objs = groups.flatMap((g) => g.objs);
    if (errors.length && !objs.length) {
      k.err += errors.join('');
      k.code = 1;
      return;
    }
    requestedSingle = requestedSingle && objs.length === 1;
    printStructured(k, objs, output, requestedSingle);
  } else {
    // resource.MultipleTypesRequested(args): "all" or more than one type asked for turns on
    // the kind/name column, whatever the results turn out to be.
    const withKind = p.args[0] === 'all' || new Set(reqs.map((r) => r.resource.plural + '.' + r.resource.group)).size > 1 || bool(p, 'show-kind');
    const tables: string[] = [];
    for (const g of groups) {
      if (!g.objs.length) continue;
      tables.push(
        renderTable(k, g.kind, g.objs, {
          withKind,
          withNamespace: all && g.namespaced,
          wide: output === 'wide',
          noHeaders: bool(p, 'no-headers'),
        }),
      );
    }
    k.out += tables.join('\n');
  }
  if (errors.length) {
    k.err += errors.join('');
    k.code = 1;
  }
  if (total === 0 && !errors.length && !reqs.some((r) => r.names.length)) {
    if (structured) return;
    const namespaced = reqs.some((r) => r.resource.namespaced);
    k.err += namespaced && !all ? `No resources found in ${k.namespace} namespace.\n` : 'No resources found\n';
  }
}
