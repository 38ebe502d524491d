/** Resolving `TYPE NAME…`, `TYPE/NAME`, `a,b` and `all` arguments, and fetching the objects they name. */
import { ALL_CATEGORY, RESOURCES, resolveResource, type ResourceInfo } from '../../api/kinds.ts';
import { matches, type Requirement } from '../../api/selectors.ts';
import { notFound, type ApiError } from '../../api/server.ts';
import type { Obj } from '../../api/store.ts';
import type { Kctx } from './context.ts';
import { computedKind, writeEvents } from './verbs.ts';
import { noResourceType } from './errors.ts';

/** One resource type and the names asked for (empty: list). */
export interface ResourceRequest {
  resource: ResourceInfo;
  names: string[];
}

/** Parses resource arguments; returns kubectl's error text on failure. */
export function parseResourceArgs(args: string[]): ResourceRequest[] | string {
  if (!args.length) return [];
  const slashForm = args.some((a) => a.includes('/'));
  if (slashForm) {
    if (!args.every((a) => a.includes('/')))
      return `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n`;
    const reqs: ResourceRequest[] = [];
    for (const a of args) {
      const [type, ...rest] = a.split('/');
      const name = rest.join('/');
      const r = resolveResource(type);
      if (!r) return noResourceType(type);
      if (!name) return `error: arguments in resource/name form must have a single resource and name\n`;
      const last = reqs[reqs.length - 1];
      if (last && last.resource === r) last.names.push(name);
      else reqs.push({ resource: r, names: [name] });
    }
    return reqs;
  }
  const [types, ...names] = args;
  const reqs: ResourceRequest[] = [];
  for (const t of types.split(',')) {
    if (!t) continue;
    if (t === 'all') {
      for (const plural of ALL_CATEGORY) reqs.push({ resource: RESOURCES.find((r) => r.plural === plural)!, names: [] });
      continue;
    }
    const r = resolveResource(t);
    if (!r) return noResourceType(t);
    reqs.push({ resource: r, names: [] });
  }
  if (names.length) {
    if (reqs.length > 1 || types === 'all') {
      // kubectl fetches each name for each type.
      return reqs.map((r) => ({ ...r, names: [...names] }));
    }
    reqs[0].names = names;
  }
  return reqs;
}

/** A field selector requirement (`metadata.name=x`, `status.phase!=Running`). */
interface FieldReq {
  path: string;
  op: '=' | '!=';
  value: string;
}

function fieldValue(o: Obj, path: string): string {
  let v: any = o;
  for (const p of path.split('.')) v = v?.[p];
  return v === undefined || v === null ? '' : String(v);
}

/** fields.ParseSelector: `--field-selector`'s terms; returns the message on error. */
function parseFieldSelector(text: string): FieldReq[] | string {
  const out: FieldReq[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) return `invalid selector: '${text}'; can't understand '${part}'`;
    out.push({ path: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] });
  }
  return out;
}

/** Options of a listing. */
export interface ListOptions {
  allNamespaces: boolean;
  labels?: Requirement[];
  fields?: FieldReq[];
}

/** Lists a resource in the request's namespace (or all), filtered by selectors. */
export function listObjects(k: Kctx, r: ResourceInfo, opts: ListOptions): Obj[] {
  const ns = r.namespaced && !opts.allNamespaces ? k.namespace : undefined;
  const kind = r.kind;
  if (kind === 'Event') writeEvents(k);
  return (computedKind(kind)?.list(k) ?? k.store.list(kind, ns))
    .filter((o) => r.group !== 'events.k8s.io' || o.kind === 'Event')
    .filter((o) => !opts.labels || matches(opts.labels, o.metadata.labels))
    .filter((o) => !opts.fields || opts.fields.every((f) => (fieldValue(o, f.path) === f.value) === (f.op === '=')));
}

/** Fetches one object or the NotFound error. */
export function getObject(k: Kctx, r: ResourceInfo, name: string): { obj?: Obj; error?: ApiError } {
  const computed = computedKind(r.kind);
  if (computed) return computed.get(k, name);
  const obj = k.store.get(r.kind, r.namespaced ? k.namespace : undefined, name);
  return obj ? { obj } : { error: notFound(r, name) };
}

let labelParser: ((text: string) => Requirement[] | string) | undefined;

/** labels.Parse's requirements of a selector, or its error message (kubectl's own parsing: create pdb). */
export function labelRequirements(text: string): Requirement[] | string {
  // Only reached without the parser when a line scan missed a selector: say so instead of guessing.
  if (!labelParser) throw new Error('kubesim: the label selector parser is not loaded');
  return labelParser(text);
}

/** Registers labels.Parse (parts/kubectl-selectors.ts). */
export function useLabelParser(parse: (text: string) => Requirement[] | string): void {
  labelParser = parse;
}

/**
 * Parses `-l` for a listing of `r`, as the API server does. A bad selector gets the server's
 * BadRequest, worded as cli-runtime's EnhanceListError words it (`fieldText`: the `--field-selector`).
 */
export function parseLabelSelector(text: string, r: ResourceInfo, fieldText = ''): Requirement[] | string {
  const reqs = labelRequirements(text);
  return typeof reqs === 'string' ? listError(r, text, fieldText, reqs) : reqs;
}

/** Parses `--field-selector` for a listing of `r`; a bad one gets the server's BadRequest, as parseLabelSelector. */
export function parseListFieldSelector(text: string, r: ResourceInfo, labelText = ''): FieldReq[] | string {
  const reqs = parseFieldSelector(text);
  return typeof reqs === 'string' ? listError(r, labelText, text, reqs) : reqs;
}

/** A listing the API server refused with a BadRequest (cli-runtime's EnhanceListError: GroupVersionResource.String()). */
function listError(r: ResourceInfo, labelText: string, fieldText: string, message: string): string {
  return `Error from server (BadRequest): Unable to find "${r.group}/${r.version}, Resource=${r.plural}" that match label selector ${JSON.stringify(labelText)}, field selector ${JSON.stringify(fieldText)}: ${message}\n`;
}
