/** `-f FILE|DIR|-`: reads manifests (multi-document YAML, JSON, `kind: List`) as kubectl's resource builder does. */
import type { Obj } from '../../api/store.ts';
import { registeredYaml } from '../../controllers/manifest-yaml.ts';
import { resolvePath, type Kctx } from './context.ts';

/** One decoded document and where it came from. */
export interface Manifest {
  obj: Obj;
  /** The file name as given (or "STDIN"), for "error when creating "x.yaml"". */
  source: string;
}

/** go-yaml's wording for the common js-yaml failures. */
function yamlReason(msg: string): string {
  if (/bad indentation of a mapping entry|incomplete explicit mapping pair/.test(msg)) return 'mapping values are not allowed in this context';
  if (/bad indentation of a sequence entry/.test(msg)) return 'did not find expected key';
  if (/unexpected end of the stream within a (double|single) quoted scalar/.test(msg)) return 'found unexpected end of stream';
  if (/duplicated mapping key/.test(msg)) return 'key already set in map';
  if (/tab characters must not be used in indentation|end of the stream or a document separator is expected/.test(msg))
    return 'found character that cannot start any token';
  return 'did not find expected key';
}

function parseDocs(text: string, source: string): Obj[] | string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const v = JSON.parse(trimmed);
      return Array.isArray(v) ? v : [v];
    } catch (e) {
      return `error: error parsing ${source}: ${(e as Error).message}\n`;
    }
  }
  // js-yaml comes registered rather than imported, so that `kubectl delete` (kubectl-ops.ts) can be
  // a chunk without it: the browser loads the YAML chunk before a kubectl line with -f.
  const yaml = registeredYaml();
  if (!yaml) return 'kubesim: kubectl -f: the YAML reader is not loaded\n';
  try {
    return yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA }).filter((d) => d !== null && d !== undefined) as Obj[];
  } catch (e) {
    const err = e as { mark?: { line: number }; reason?: string; message: string };
    const line = (err.mark?.line ?? 0) + 1;
    return `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${yamlReason(err.reason ?? err.message)}\n`;
  }
}

/** Reads every `-f` argument; returns the documents or kubectl's error text. */
export function readManifests(k: Kctx, files: string[], recursive = false): Manifest[] | string {
  const out: Manifest[] = [];
  const addText = (text: string, source: string): string | undefined => {
    const docs = parseDocs(text, source);
    if (typeof docs === 'string') return docs;
    for (const d of docs) {
      if (typeof d !== 'object' || Array.isArray(d)) continue;
      const missing = [];
      if (!d.apiVersion) missing.push('apiVersion not set');
      if (!d.kind) missing.push('kind not set');
      if (missing.length)
        return `error: error validating "${source}": error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}; if you choose to ignore these errors, turn validation off with --validate=false\n`;
      if (d.kind === 'List' || /List$/.test(String(d.kind))) {
        for (const item of Array.isArray(d.items) ? d.items : []) out.push({ obj: item, source });
      } else out.push({ obj: d, source });
    }
    return undefined;
  };
  for (const f of files) {
    if (f === '-') {
      const err = addText(k.ctx.stdin, 'STDIN');
      if (err) return err;
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      const host = f.replace(/^https?:\/\//, '').split('/')[0];
      return `error: unable to read URL "${f}", server reported 000 , status code=0\nerror: Get "${f}": dial tcp: lookup ${host}: no such host\n`;
    }
    const path = resolvePath(k.ctx, f);
    const fs = k.ctx.host.fs;
    if (fs.isDir(path)) {
      const walk = (dir: string, rel: string): string | undefined => {
        for (const name of fs.list(dir) ?? []) {
          const full = `${dir.replace(/\/$/, '')}/${name}`;
          const shown = `${rel.replace(/\/$/, '')}/${name}`;
          if (fs.isDir(full)) {
            if (recursive) {
              const e = walk(full, shown);
              if (e) return e;
            }
          } else if (/\.(ya?ml|json)$/.test(name)) {
            const e = addText(fs.readFile(full) ?? '', shown);
            if (e) return e;
          }
        }
        return undefined;
      };
      const e = walk(path, f);
      if (e) return e;
      continue;
    }
    const text = fs.readFile(path);
    if (text === undefined) return `error: the path "${f}" does not exist\n`;
    const e = addText(text, f);
    if (e) return e;
  }
  return out;
}
