/**
 * The scenario format (content/scenarios/README.md describes it) and its validation. Errors
 * name the scenario and the field path, e.g. `scenario "x": hosts[1].ip: expected an IPv4 address`.
 */
import { ScenarioError } from './error.ts';
import { isPemType, PEM_TYPES, pemLineRange, type PemType } from './pem.ts';

/** Text in both languages of the site. */
export interface Bilingual {
  en: string;
  ja: string;
}

export interface HostDecl {
  name: string;
  ip: string;
  role: 'control-plane' | 'worker';
  docker?: boolean;
  kubeletVersion?: string;
}

/** Stand-in certificates or keys generated at start-up (see pem.ts): one block type, or several in one file. */
export interface PemDecl {
  pem: PemType | PemType[];
  /** Base64 lines of each certificate or RSA key block (the other types have a fixed size). */
  lines?: number;
  /** A different block on each host (the kubelet's own certificates) instead of one cluster-wide. */
  perHost?: boolean;
  mode?: string;
}

/** A file's content, `{ content, mode }` or a PEM descriptor; `null` deletes an inherited file; a path ending in `/` is a directory. */
export type FileDecl = string | { content: string; mode?: string } | PemDecl | null;

/** A change applied after the world is built; `type` selects it. Unknown types are kept for later tools. */
export interface Fault {
  type: string;
  [key: string]: unknown;
}

/** A condition that says the learner fixed the problem. */
export interface Check {
  name?: string;
  run: string;
  host?: string;
  /** A substring the command's stdout must contain. */
  expect?: string;
  /** A substring stdout must not contain. */
  reject?: string;
  exitCode?: number;
}

/** A scenario as written (before `extends` is resolved). */
export interface ScenarioDoc {
  name: string;
  title?: Bilingual;
  task?: Bilingual;
  extends?: string | null;
  clock?: string;
  seed?: number;
  cluster?: { version?: string; badImages?: string[] };
  start?: string;
  hosts?: HostDecl[];
  env?: Record<string, string>;
  files?: Record<string, Record<string, FileDecl>>;
  objects?: unknown[];
  faults?: Fault[];
  checks?: Check[];
  solution?: string[];
}

/** A scenario with its `extends` chain merged in: everything needed to build a world. */
export interface Scenario extends ScenarioDoc {
  clock: string;
  seed: number;
  cluster: { version: string; badImages?: string[] };
  start: string;
  hosts: HostDecl[];
  env: Record<string, string>;
  files: Record<string, Record<string, FileDecl>>;
  objects: unknown[];
  faults: Fault[];
  checks: Check[];
}

export { ScenarioError };

const TOP = new Set(['name', 'title', 'task', 'extends', 'clock', 'seed', 'cluster', 'start', 'hosts', 'env', 'files', 'objects', 'faults', 'checks', 'solution']);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Bad = (field: string, msg: string) => never;

/** A `{ pem, lines?, perHost?, mode? }` file: known block types, and `lines` only where the size may vary. */
function checkPemDecl(v: Record<string, unknown>, f: string, bad: Bad): void {
  for (const k of Object.keys(v)) if (!['pem', 'lines', 'perHost', 'mode'].includes(k)) bad(`${f}.${k}`, 'unknown field (known: pem, lines, perHost, mode)');
  const types = Array.isArray(v.pem) ? v.pem : [v.pem];
  if (types.length === 0 || !types.every(isPemType)) bad(`${f}.pem`, `expected a PEM type (${PEM_TYPES.join(', ')}) or a list of them, got ${JSON.stringify(v.pem)}`);
  if (v.perHost !== undefined && typeof v.perHost !== 'boolean') bad(`${f}.perHost`, 'expected true or false');
  if (v.lines === undefined) return;
  const ranges = (types as PemType[]).map(pemLineRange).filter((r) => r !== undefined);
  if (ranges.length === 0) bad(`${f}.lines`, `${types.join(', ')} has a fixed size`);
  const [lo, hi] = [Math.max(...ranges.map((r) => r[0])), Math.min(...ranges.map((r) => r[1]))];
  if (!Number.isInteger(v.lines) || (v.lines as number) < lo || (v.lines as number) > hi) bad(`${f}.lines`, `expected a whole number of base64 lines from ${lo} to ${hi}`);
}

/** Each `{{pem64 …}}` in a file's text names a file (`/path`) or a block type and an id (`CERTIFICATE kubernetes-admin`). */
function checkPem64(text: string, f: string, bad: Bad): void {
  for (const m of text.matchAll(/\{\{pem64(?: ([^}]*))?\}\}/g)) {
    const arg = (m[1] ?? '').trim();
    if (arg.startsWith('/')) continue;
    const words = arg.split(/\s+/);
    if (words.length < 2 || !isPemType(words.slice(0, -1).join(' '))) bad(f, `${m[0]}: expected {{pem64 /path/of/a/file}} or {{pem64 TYPE id}} with TYPE one of ${PEM_TYPES.join(', ')}`);
  }
}

/** Checks a parsed document against the format; returns it typed or throws ScenarioError. */
export function validateScenario(doc: unknown, label = 'scenario'): ScenarioDoc {
  const name = isObj(doc) && typeof doc.name === 'string' ? doc.name : undefined;
  const where = name ? `scenario "${name}"` : label;
  const bad = (field: string, msg: string): never => {
    throw new ScenarioError(`${where}: ${field}: ${msg}`);
  };
  if (!isObj(doc)) return bad('(top)', 'expected a mapping of fields');
  for (const k of Object.keys(doc)) if (!TOP.has(k)) bad(k, `unknown field (known: ${[...TOP].join(', ')})`);
  if (typeof doc.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(doc.name)) bad('name', 'expected a lowercase name like "kubelet-stopped"');
  for (const k of ['title', 'task'] as const) {
    const v = doc[k];
    if (v === undefined) continue;
    if (!isObj(v) || typeof v.en !== 'string' || typeof v.ja !== 'string') bad(k, 'expected { en: text, ja: text }');
  }
  if (doc.extends !== undefined && doc.extends !== null && typeof doc.extends !== 'string') bad('extends', 'expected the name of another scenario or null');
  if (doc.clock !== undefined && (typeof doc.clock !== 'string' && !(doc.clock instanceof Date))) bad('clock', 'expected an ISO 8601 instant like 2026-11-25T09:00:00Z');
  if (typeof doc.clock === 'string' && Number.isNaN(Date.parse(doc.clock))) bad('clock', `not a valid instant: "${doc.clock}"`);
  if (doc.seed !== undefined && !Number.isInteger(doc.seed)) bad('seed', 'expected an integer');
  if (doc.cluster !== undefined) {
    if (!isObj(doc.cluster)) bad('cluster', 'expected a mapping');
    const c = doc.cluster as Record<string, unknown>;
    for (const k of Object.keys(c)) if (k !== 'version' && k !== 'badImages') bad(`cluster.${k}`, 'unknown field (known: version, badImages)');
    if (c.version !== undefined && (typeof c.version !== 'string' || !/^v\d+\.\d+\.\d+$/.test(c.version))) bad('cluster.version', 'expected a version like v1.34.2');
    if (c.badImages !== undefined && (!Array.isArray(c.badImages) || c.badImages.some((x) => typeof x !== 'string'))) bad('cluster.badImages', 'expected a list of image names');
  }
  if (doc.start !== undefined && typeof doc.start !== 'string') bad('start', 'expected a host name');
  if (doc.hosts !== undefined) {
    if (!Array.isArray(doc.hosts) || doc.hosts.length === 0) bad('hosts', 'expected a non-empty list of hosts');
    const seen = new Set<string>();
    (doc.hosts as unknown[]).forEach((h, i) => {
      const f = `hosts[${i}]`;
      if (!isObj(h)) return bad(f, 'expected a mapping with name, ip and role');
      for (const k of Object.keys(h)) if (!['name', 'ip', 'role', 'docker', 'kubeletVersion'].includes(k)) bad(`${f}.${k}`, 'unknown field (known: name, ip, role, docker, kubeletVersion)');
      if (typeof h.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(h.name)) bad(`${f}.name`, 'expected a host name like node01');
      if (seen.has(h.name as string)) bad(`${f}.name`, `duplicate host "${h.name}"`);
      seen.add(h.name as string);
      if (typeof h.ip !== 'string' || !/^(\d{1,3})(\.\d{1,3}){3}$/.test(h.ip) || h.ip.split('.').some((p) => Number(p) > 255)) bad(`${f}.ip`, `expected an IPv4 address, got ${JSON.stringify(h.ip)}`);
      if (h.role !== 'control-plane' && h.role !== 'worker') bad(`${f}.role`, 'expected control-plane or worker');
      if (h.docker !== undefined && typeof h.docker !== 'boolean') bad(`${f}.docker`, 'expected true or false');
      if (h.kubeletVersion !== undefined && (typeof h.kubeletVersion !== 'string' || !/^v\d+\.\d+\.\d+$/.test(h.kubeletVersion))) bad(`${f}.kubeletVersion`, 'expected a version like v1.33.5');
    });
  }
  if (doc.env !== undefined && (!isObj(doc.env) || Object.values(doc.env).some((v) => typeof v !== 'string'))) bad('env', 'expected a mapping of NAME: text');
  if (doc.files !== undefined) {
    if (!isObj(doc.files)) bad('files', 'expected a mapping of host (or "*") to files');
    for (const [host, files] of Object.entries(doc.files as Record<string, unknown>)) {
      if (!isObj(files)) bad(`files.${host}`, 'expected a mapping of absolute path to content');
      for (const [path, v] of Object.entries(files as Record<string, unknown>)) {
        const f = `files.${host}["${path}"]`;
        if (!path.startsWith('/')) bad(f, 'expected an absolute path');
        if (v === null) continue;
        if (typeof v === 'string') {
          checkPem64(v, f, bad);
          continue;
        }
        if (isObj(v) && v.pem !== undefined) checkPemDecl(v, f, bad);
        else if (!isObj(v) || typeof v.content !== 'string') bad(f, 'expected text, null, { content, mode } or { pem: CERTIFICATE }');
        else checkPem64(v.content as string, f, bad);
        const o = v as Record<string, unknown>;
        if (o.mode !== undefined && (typeof o.mode !== 'string' || !/^0?[0-7]{3}$/.test(o.mode))) bad(`${f}.mode`, "expected an octal mode like '0755'");
      }
    }
  }
  if (doc.objects !== undefined) {
    if (!Array.isArray(doc.objects)) bad('objects', 'expected a list of manifests');
    (doc.objects as unknown[]).forEach((o, i) => {
      if (!isObj(o) || typeof o.kind !== 'string' || typeof o.apiVersion !== 'string') bad(`objects[${i}]`, 'expected a manifest with apiVersion and kind');
    });
  }
  if (doc.faults !== undefined) {
    if (!Array.isArray(doc.faults)) bad('faults', 'expected a list');
    (doc.faults as unknown[]).forEach((x, i) => {
      if (!isObj(x) || typeof x.type !== 'string') bad(`faults[${i}].type`, 'expected a fault type such as stop-service or edit-file');
      const fl = x as Record<string, unknown>;
      const need = (k: string): void => {
        if (typeof fl[k] !== 'string') bad(`faults[${i}].${k}`, `required for ${fl.type}`);
      };
      if (fl.type === 'stop-service') ['host', 'service'].forEach(need);
      if (fl.type === 'edit-file') ['host', 'path', 'sed'].forEach(need);
      if (fl.type === 'write-file') ['host', 'path', 'content'].forEach(need);
      if (fl.type === 'delete-file') ['host', 'path'].forEach(need);
    });
  }
  if (doc.checks !== undefined) {
    if (!Array.isArray(doc.checks)) bad('checks', 'expected a list');
    (doc.checks as unknown[]).forEach((c, i) => {
      if (!isObj(c) || typeof c.run !== 'string') bad(`checks[${i}].run`, 'expected a command to run');
      const ch = c as Record<string, unknown>;
      for (const k of Object.keys(ch)) if (!['name', 'run', 'host', 'expect', 'reject', 'exitCode'].includes(k)) bad(`checks[${i}].${k}`, 'unknown field (known: name, run, host, expect, reject, exitCode)');
      for (const k of ['name', 'host', 'expect', 'reject']) if (ch[k] !== undefined && typeof ch[k] !== 'string') bad(`checks[${i}].${k}`, 'expected text');
      if (ch.exitCode !== undefined && !Number.isInteger(ch.exitCode)) bad(`checks[${i}].exitCode`, 'expected an integer');
    });
  }
  if (doc.solution !== undefined && (!Array.isArray(doc.solution) || doc.solution.some((s) => typeof s !== 'string'))) bad('solution', 'expected a list of commands');
  const out = doc as unknown as ScenarioDoc;
  if (doc.clock instanceof Date) out.clock = doc.clock.toISOString();
  return out;
}
