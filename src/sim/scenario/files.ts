/**
 * The files a scenario puts on one host, as text: the `*` files and the host's own merged, PEM
 * descriptors expanded (pem.ts) and templates filled. Done per host at start-up because the
 * templates (`{{host.name}}`, `{{pem64 /path}}`) depend on the host.
 */
import { base64Text, pemFile } from './pem.ts';
import type { PemType } from './pem.ts';
import { ScenarioError } from './error.ts';
import type { FileDecl, HostDecl, PemDecl, Scenario } from './schema.ts';

/** One file to seed: text, or null to delete an inherited file (or, for a path ending in `/`, an empty directory). */
export interface SeedFile {
  path: string;
  content: string | null;
  mode?: number;
}

const isPem = (d: FileDecl): d is PemDecl => typeof d === 'object' && d !== null && 'pem' in d;

/** The files of host `h` (number `index` in the scenario's list), in the order the scenario gives them. */
export function hostFiles(s: Scenario, h: HostDecl, index: number): SeedFile[] {
  const decls: Record<string, FileDecl> = { ...s.files['*'], ...s.files[h.name] };
  const done = new Map<string, string>();
  const fail = (path: string, msg: string): never => {
    throw new ScenarioError(`scenario "${s.name}": files["${path}"] on ${h.name}: ${msg}`);
  };

  /** The final text of a file; `stack` holds the files whose `{{pem64 …}}` led here. */
  const text = (path: string, stack: string[]): string => {
    const known = done.get(path);
    if (known !== undefined) return known;
    const d = decls[path];
    if (d === null || d === undefined) return fail(stack[stack.length - 1], `{{pem64 ${path}}}: no such file on this host`);
    if (stack.includes(path)) return fail(path, `{{pem64 …}} refers back to itself through ${stack.join(' → ')}`);
    let out: string;
    if (isPem(d)) {
      const types = (Array.isArray(d.pem) ? d.pem : [d.pem]) as PemType[];
      out = pemFile(s.seed, d.perHost ? `${path}@${h.name}` : path, types, d.lines);
    } else {
      const raw = typeof d === 'string' ? d : d.content;
      out = fill(raw, (ref) => base64Text(text(ref, [...stack, path])), (type, id) => base64Text(pemFile(s.seed, id, [type])));
    }
    done.set(path, out);
    return out;
  };

  /** Fills the host templates and the `{{pem64 …}}` references of one file's text. */
  const fill = (raw: string, ofFile: (path: string) => string, ofId: (type: PemType, id: string) => string): string =>
    raw
      .replaceAll('{{host.name}}', h.name)
      .replaceAll('{{host.ip}}', h.ip)
      .replaceAll('{{host.index}}', String(index))
      .replaceAll('{{hosts}}', s.hosts.map((x) => `${x.ip} ${x.name}\n`).join(''))
      .replace(/\{\{pem64 ([^}]*)\}\}/g, (_, arg: string) => {
        const a = arg.trim();
        if (a.startsWith('/')) return ofFile(a);
        const words = a.split(/\s+/);
        // Validation (schema.ts) already checked that all but the last word name a block type.
        return ofId(words.slice(0, -1).join(' ') as PemType, `=${words[words.length - 1]}`);
      });

  return Object.entries(decls).map(([path, d]): SeedFile => {
    if (d === null) return { path, content: null };
    const mode = typeof d === 'object' && d.mode !== undefined ? parseInt(d.mode, 8) : undefined;
    return { path, content: text(path, []), mode };
  });
}
