/**
 * YAML for the kubelet's static pod manifests. The simulator's own manifests (kubeadm's, written
 * as block mappings and sequences of plain or quoted scalars) are read by a small parser of that
 * subset, so that the worker builds its world before js-yaml (34 KB, 11 KB gzip without its
 * dumper) is loaded. Anything outside
 * the subset goes to the full parser (js-yaml), registered once it is loaded: the result is the
 * same either way, since the small parser only accepts what it reads exactly as js-yaml does.
 */

import type { YamlReader } from '../api/yaml-reader.ts';

/** js-yaml, once registered; its type only is imported here, so the worker's core does not carry it. */
let fullYaml: YamlReader | undefined;

/**
 * Registers js-yaml, the full YAML reader: the kubelet's manifests outside the subset and kubectl's
 * `-f` manifests (manifests.ts) read with it. all.ts in Node at once; the YAML chunk in the browser.
 */
export function useFullYaml(lib: YamlReader): void {
  fullYaml = lib;
}

/** js-yaml if registered (kubectl's manifest reader). */
export function registeredYaml(): YamlReader | undefined {
  return fullYaml;
}

/** Thrown when the subset parser meets something it does not read. */
class Unsupported extends Error {}

/**
 * Parses a manifest as js-yaml's `load` would. Throws js-yaml's error for invalid YAML; before the
 * full parser is registered, text outside the subset throws a plain error instead (the scenarios'
 * own manifests stay inside it: tests/unit/sim/ops/manifest-yaml.test.ts).
 */
export function loadManifestYaml(text: string): unknown {
  try {
    return parseSubset(text);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
  }
  if (fullYaml) return fullYaml.load(text);
  throw new Error('YAML outside the subset kubesim reads before js-yaml is loaded');
}

/** The subset parser alone: the document, or `undefined` for text it leaves to the full parser (tests). */
export function parseManifestSubset(text: string): { value: unknown } | undefined {
  try {
    return { value: parseSubset(text) };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

interface Line {
  indent: number;
  /** The line without its indentation (and without a trailing comment for `# …` lines). */
  text: string;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.\/-]*$/;
/** Keys js-yaml would not keep as written (booleans, nulls, the merge key, prototype names). */
const ODD_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__', 'constructor', 'prototype']);
/** What js-yaml's core schema and timestamps could read as other than a string (a superset). */
const TYPED = [
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
];

function fail(): never {
  throw new Unsupported();
}

function parseSubset(text: string): unknown {
  if (text.includes('\r') || text.includes('\t')) fail();
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    if (body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) fail();
    lines.push({ indent: raw.length - body.length, text: body.trimEnd() });
  }
  if (lines.length === 0) return undefined;
  if (lines[0].indent !== 0 || lines[0].text.startsWith('- ') || lines[0].text === '-') fail();
  const at = { i: 0 };
  const doc = mapping(lines, at, 0, undefined);
  if (at.i !== lines.length) fail();
  return doc;
}

/**
 * A block mapping whose keys sit at column `indent`. `first` is the text of its first entry when
 * that entry follows `- ` on a sequence line (already consumed).
 */
function mapping(lines: Line[], at: { i: number }, indent: number, first: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let entry = first;
  for (;;) {
    if (entry === undefined) {
      const line = lines[at.i];
      if (!line || line.indent < indent) return out;
      if (line.indent > indent || line.text.startsWith('- ') || line.text === '-') fail();
      entry = line.text;
      at.i++;
    }
    const colon = entry.indexOf(':');
    if (colon <= 0) fail();
    const key = entry.slice(0, colon);
    if (!KEY.test(key) || ODD_KEYS.has(key) || Object.hasOwn(out, key)) fail();
    const rest = entry.slice(colon + 1);
    if (rest !== '' && !rest.startsWith(' ')) fail();
    const value = rest.trim();
    if (value === '' || value.startsWith('#')) {
      out[key] = nested(lines, at, indent, true);
    } else {
      out[key] = scalar(value);
    }
    entry = undefined;
  }
}

/** A block sequence whose dashes sit at column `indent`. */
function sequence(lines: Line[], at: { i: number }, indent: number): unknown[] {
  const out: unknown[] = [];
  for (;;) {
    const line = lines[at.i];
    if (!line || line.indent < indent) return out;
    if (line.indent > indent) fail();
    if (line.text === '-') {
      at.i++;
      out.push(nested(lines, at, indent, false));
      continue;
    }
    if (!line.text.startsWith('- ')) return out;
    at.i++;
    const item = line.text.slice(2);
    const pad = item.length - item.trimStart().length;
    const body = item.trimStart();
    if (body.startsWith('- ') || body === '-' || body.startsWith('#')) fail();
    if (/^[A-Za-z_][A-Za-z0-9_.\/-]*:( |$)/.test(body)) out.push(mapping(lines, at, indent + 2 + pad, body));
    else out.push(scalar(body));
  }
}

/**
 * The value of `key:` (or of a lone `-`) that continues on the next lines: a deeper block, a
 * sequence at the key's own column (`key:` then `- item`, as kubectl writes it), or null.
 */
function nested(lines: Line[], at: { i: number }, indent: number, sameColumnSequence: boolean): unknown {
  const next = lines[at.i];
  if (!next || next.indent < indent) return null;
  const dash = next.text.startsWith('- ') || next.text === '-';
  if (next.indent === indent) return sameColumnSequence && dash ? sequence(lines, at, indent) : null;
  return dash ? sequence(lines, at, next.indent) : mapping(lines, at, next.indent, undefined);
}

/** A scalar on one line: quoted, `{}`, `[]`, or plain (resolved as js-yaml's default schema would). */
function scalar(text: string): unknown {
  const c = text[0];
  if (c === '"' || c === "'") return quoted(text);
  const comment = text.indexOf(' #');
  const plain = (comment >= 0 ? text.slice(0, comment) : text).trimEnd();
  if (plain === '{}') return {};
  if (plain === '[]') return [];
  if (/^[[\]{},#&*!|>%@`?:]/.test(plain) || plain.startsWith('- ') || plain === '-') fail();
  if (plain.includes(': ') || plain.endsWith(':')) fail();
  switch (plain) {
    case 'null': case 'Null': case 'NULL': case '~':
      return null;
    case 'true': case 'True': case 'TRUE':
      return true;
    case 'false': case 'False': case 'FALSE':
      return false;
  }
  if (TYPED.some((r) => r.test(plain))) {
    if (/^(?:0|-?[1-9][0-9]{0,14})$/.test(plain)) return Number(plain);
    fail();
  }
  return plain;
}

/** A single- or double-quoted scalar that ends on its line (no escapes but `''`). */
function quoted(text: string): string {
  const q = text[0];
  let out = '';
  let i = 1;
  for (;;) {
    const end = text.indexOf(q, i);
    if (end < 0) fail();
    out += text.slice(i, end);
    if (q === "'" && text[end + 1] === "'") {
      out += "'";
      i = end + 2;
      continue;
    }
    i = end + 1;
    break;
  }
  if (q === '"' && out.includes('\\')) fail();
  const rest = text.slice(i);
  if (rest !== '' && !/^ +(#.*)?$/.test(rest)) fail();
  return out;
}
