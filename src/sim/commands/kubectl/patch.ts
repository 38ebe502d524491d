/** `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` (pkg/cmd/patch/patch.go). */
import { resolveResource } from '../../api/kinds.ts';
import { clone, type Obj } from '../../api/store.ts';
import { JSON_SCHEMA, load } from 'js-yaml';
import { fail, type Kctx } from './context.ts';
import { kindName } from './common.ts';
import { formatApiError, NO_RESOURCES, noResourceType } from './errors.ts';
import { getOrNotFound } from './lookup.ts';
import { str, type FlagSpec } from './flags.ts';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'local', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
];

/** RFC 7386 merge patch; `strategic` also merges lists of named objects by name. */
export function mergePatch(target: any, patch: any, strategic: boolean): any {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    if (strategic && Array.isArray(patch) && Array.isArray(target) && patch.every((p) => p && typeof p === 'object' && 'name' in p)) {
      const out = clone(target);
      for (const p of patch) {
        const i = out.findIndex((t: any) => t?.name === p.name);
        if (i >= 0) out[i] = mergePatch(out[i], p, true);
        else out.push(p);
      }
      return out;
    }
    return clone(patch);
  }
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic);
  }
  return out;
}

function jsonPointer(doc: any, path: string): { parent: any; key: string } | undefined {
  // RFC 6901: a pointer into the document starts with "/" (an absent path points nowhere here).
  if (!path.startsWith('/')) return undefined;
  const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = cur?.[Array.isArray(cur) ? Number(p) : p];
    if (cur === undefined) return undefined;
  }
  return { parent: cur, key: parts[parts.length - 1] };
}

/** RFC 6902 JSON patch (add, remove, replace). */
export function jsonPatch(doc: Obj, ops: any[]): Obj | string {
  const out = clone(doc);
  for (const op of ops) {
    const path = String(op.path ?? '');
    const loc = jsonPointer(out, path);
    if (!loc || loc.parent === undefined) return `doc is missing path: "${path}": missing value`;
    const { parent, key } = loc;
    const idx = Array.isArray(parent) ? (key === '-' ? parent.length : Number(key)) : key;
    if (op.op === 'add') {
      if (Array.isArray(parent)) parent.splice(idx as number, 0, op.value);
      else parent[key] = op.value;
    } else if (op.op === 'replace') {
      if (!(idx in parent)) return `doc is missing key: ${path}: missing value`;
      parent[idx] = op.value;
    } else if (op.op === 'remove') {
      if (!(idx in parent)) return `Unable to remove nonexistent key: ${key}: missing value`;
      if (Array.isArray(parent)) parent.splice(idx as number, 1);
      else delete parent[key];
    } else return `Unexpected kind: ${op.op}`;
  }
  return out;
}

export function patch(k: Kctx): void {
  let [kind, name] = k.p.args;
  if (kind?.includes('/')) [kind, name] = kind.split('/');
  const text = str(k.p, 'patch');
  if (!text) {
    k.err += "error: must specify -p to patch\nSee 'kubectl patch -h' for help and examples\n";
    k.code = 1;
    return;
  }
  if (!kind || !name) return fail(k, NO_RESOURCES);
  const r = resolveResource(kind);
  if (!r) return fail(k, noResourceType(kind));
  const o = getOrNotFound(k, r, name);
  if (!o) return;
  let body: any;
  try {
    body = load(text, { schema: JSON_SCHEMA });
  } catch {
    return fail(k, `unable to parse "${text}": yaml: did not find expected node content`);
  }
  const type = str(k.p, 'type', 'strategic');
  if (!['strategic', 'merge', 'json'].includes(type)) return fail(k, `--type must be one of [json merge strategic], not "${type}"`);
  let next: Obj;
  if (type === 'json') {
    if (!Array.isArray(body)) return fail(k, 'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
    const res = jsonPatch(o, body);
    if (typeof res === 'string') {
      k.err += `The request is invalid: the server rejected our request due to an error in our request\n`;
      k.code = 1;
      void res;
      return;
    }
    next = res;
  } else next = mergePatch(clone(o), body, type === 'strategic');
  const strip = (x: Obj) => JSON.stringify({ ...x, metadata: { ...x.metadata, resourceVersion: undefined } });
  if (strip(next) === strip(o)) {
    k.out += `${kindName(o)} patched (no change)\n`;
    return;
  }
  const res = k.api.update(next);
  if (res.error) {
    k.err += formatApiError(res.error);
    k.code = 1;
    return;
  }
  k.out += `${kindName(o)} patched\n`;
}
