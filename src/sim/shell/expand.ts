import type { Vfs } from '../types.ts';
import { MAX_FILE } from '../limits.ts';
import { HOME, normalize } from './paths.ts';
import { skipQuoted } from './tokenizer.ts';

/** What expansion needs from the shell: variables, `$?`, command substitution and the files. */
export interface ExpandEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  lastStatus: number;
  /** Runs `src` as a command and returns its standard output (stderr goes to the terminal). */
  substitute(src: string): string;
  /** Runs `src` for `<(…)` and returns the path its output can be read from (`/dev/fd/63`). */
  processSubstitution?(src: string): string;
  fs: Vfs;
  cwd: string;
}

/** A word after expansion: a piece of text, whether it was quoted, and whether it came from `$…`. */
interface Piece {
  text: string;
  quoted: boolean;
  fromExpansion: boolean;
}

/** Raised for `${x:?msg}`-style errors and bad arithmetic; the interpreter prints the message. */
export class ExpansionError extends Error {}

// Registered with the compound commands (compound.ts): the line scan loads them with `((`.
let arithmetic: ((expr: string, env: ExpandEnv) => string) | undefined;

/** Registers `$((…))`'s evaluator (arithmetic.ts, through compound.ts). */
export function useArithmetic(fn: (expr: string, env: ExpandEnv) => string): void {
  arithmetic = fn;
}

/**
 * Raised, before the text is built, when an expansion would be longer than MAX_FILE characters;
 * where the shell knows more (an assignment's name), it says so instead of this generic message.
 */
export class ValueTooLargeError extends ExpansionError {
  constructor() {
    super(`kubesim: value too large (max ${MAX_FILE} characters)`);
  }
}

/** The pieces, once their total length is known to fit in MAX_FILE. */
function bounded(pieces: Piece[]): Piece[] {
  let n = 0;
  for (const p of pieces) n += p.text.length;
  if (n > MAX_FILE) throw new ValueTooLargeError();
  return pieces;
}

/** The pieces' text as one string, refused when longer than MAX_FILE (checked before it is built). */
function joined(pieces: Piece[]): string {
  let out = '';
  // `+` makes a rope in O(1) per piece; Array.join would copy every character of `$x$x` again.
  for (const p of bounded(pieces)) out += p.text;
  return out;
}

/** Expands one raw word into fields: parameters, substitutions, splitting, globbing, quote removal. */
export function expandWord(raw: string, env: ExpandEnv): string[] {
  const fields = splitFields(bounded(pieces_(raw, env, false)));
  const out: string[] = [];
  for (const f of fields) {
    const matches = hasGlob(f) ? glob(f, env) : [];
    if (matches.length > 0) out.push(...matches);
    else out.push(f.text);
  }
  return out;
}

/** Expands a word where bash does no splitting or globbing (assignment values, redirection targets). */
export function expandString(raw: string, env: ExpandEnv): string {
  return joined(pieces_(raw, env, false));
}

/** Expands a here-document body: `$VAR`, `$(…)` and backslashes, but quotes are plain text. */
export function expandHereDoc(body: string, env: ExpandEnv): string {
  return joined(pieces_(body, env, true));
}

function pieces_(raw: string, env: ExpandEnv, heredoc: boolean): Piece[] {
  const out: Piece[] = [];
  // Literal text joins the literal piece before it: one piece per character would make a
  // megabyte here-document a million objects.
  const lit = (text: string, quoted: boolean): void => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && !prev.fromExpansion && prev.quoted === quoted && prev.text !== '') prev.text += text;
    else out.push({ text, quoted, fromExpansion: false });
  };
  let i = 0;
  if (!heredoc && (raw === '~' || raw.startsWith('~/'))) {
    lit(HOME, true);
    i = 1;
  }
  let inDouble = false;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === undefined) { lit('\\', inDouble || heredoc); i++; continue; }
      if ((inDouble || heredoc) && !'$`"\\\n'.includes(next)) { lit('\\' + next, true); i += 2; continue; }
      if (heredoc && next === '"') { lit('\\"', true); i += 2; continue; }
      if (next !== '\n') lit(next, true);
      i += 2;
      continue;
    }
    if (!heredoc && c === "'" && !inDouble) {
      const end = raw.indexOf("'", i + 1);
      const stop = end < 0 ? raw.length : end;
      out.push({ text: raw.slice(i + 1, stop), quoted: true, fromExpansion: false });
      i = stop + 1;
      continue;
    }
    if (!heredoc && c === '"') {
      inDouble = !inDouble;
      // An empty "" still makes a field.
      out.push({ text: '', quoted: true, fromExpansion: false });
      i++;
      continue;
    }
    if (c === '$' && raw[i + 1] === "'" && !inDouble && !heredoc) {
      const end = raw.indexOf("'", i + 2);
      const stop = end < 0 ? raw.length : end;
      lit(ansiC(raw.slice(i + 2, stop)), true);
      i = stop + 1;
      continue;
    }
    if (c === '$' || c === '`') {
      const r = dollar(raw, i, env);
      if (r) {
        out.push({ text: r.text, quoted: inDouble || heredoc, fromExpansion: true });
        i = r.next;
        continue;
      }
    }
    if (c === '<' && raw[i + 1] === '(' && !inDouble && !heredoc) {
      // Process substitution: the command's output becomes a file for the command around it.
      const r = skipQuoted('$' + raw.slice(i + 1), 0);
      const inner = raw.slice(i + 2, i + r.next - 1);
      lit(env.processSubstitution?.(inner) ?? '/dev/fd/63', true);
      i += r.next;
      continue;
    }
    // A run of plain characters goes in as one slice: one `+=` per character would build a
    // megabyte here-document out of a million string pieces.
    const special = heredoc ? HEREDOC_SPECIAL : WORD_SPECIAL;
    special.lastIndex = i + 1;
    const stop = special.exec(raw)?.index ?? raw.length;
    lit(raw.slice(i, stop), inDouble || heredoc);
    i = stop;
  }
  return out;
}

/** Characters that end a run of literal text in a word or in a here-document. */
const WORD_SPECIAL = /[\\'"$`<]/g;
const HEREDOC_SPECIAL = /[\\$`]/g;

/** Expands `$…` or a backquote at `i`; undefined when the `$` is just a dollar sign. */
function dollar(raw: string, i: number, env: ExpandEnv): { text: string; next: number } | undefined {
  if (raw[i] === '`') {
    const r = skipQuoted(raw, i);
    const inner = raw.slice(i + 1, r.next - 1).replace(/\\([$`\\])/g, '$1');
    return { text: trimNewlines(env.substitute(inner)), next: r.next };
  }
  const c = raw[i + 1];
  if (c === '(') {
    const r = skipQuoted(raw, i);
    const inner = raw.slice(i + 2, r.next - 1);
    if (inner.startsWith('(') && inner.endsWith(')')) {
      if (!arithmetic) throw new ExpansionError('kubesim: shell arithmetic is not loaded');
      return { text: arithmetic(inner.slice(1, -1), env), next: r.next };
    }
    return { text: trimNewlines(env.substitute(inner)), next: r.next };
  }
  if (c === '{') {
    const end = raw.indexOf('}', i + 2);
    const body = raw.slice(i + 2, end < 0 ? raw.length : end);
    return { text: braced(body, env), next: end < 0 ? raw.length : end + 1 };
  }
  if (c === '?') return { text: String(env.lastStatus), next: i + 2 };
  if (c === '$') return { text: '1', next: i + 2 };
  if (c === '0') return { text: 'bash', next: i + 2 };
  // Positional parameters are variables named 1…9, @, * and # while a function runs (compound.ts).
  if (c !== undefined && '123456789@*#!-'.includes(c)) return { text: env.getVar(c) ?? (c === '#' ? '0' : ''), next: i + 2 };
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
  if (!m) return undefined;
  return { text: env.getVar(m[0]) ?? '', next: i + 1 + m[0].length };
}

function braced(body: string, env: ExpandEnv): string {
  if (body.startsWith('#')) return String((env.getVar(body.slice(1)) ?? '').length);
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?1-9@*#])(?:(:?[-=+?])(.*))?$/s.exec(body);
  if (!m) throw new ExpansionError(`bash: \${${body}}: bad substitution`);
  const [, name, op, word = ''] = m;
  const value = name === '?' ? String(env.lastStatus) : env.getVar(name);
  const unset = op?.startsWith(':') ? !value : value === undefined;
  const arg = (): string => expandString(word, env);
  switch (op?.replace(':', '')) {
    case '-': return unset ? arg() : value ?? '';
    case '=':
      if (unset) env.setVar(name, arg());
      return env.getVar(name) ?? '';
    case '+': return unset ? '' : arg();
    case '?':
      if (unset) throw new ExpansionError(`bash: ${name}: ${word || 'parameter null or not set'}`);
      return value ?? '';
    default: return value ?? '';
  }
}

function trimNewlines(s: string): string {
  return s.replace(/\n+$/, '');
}

function ansiC(s: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', e: '\x1b', '0': '\0' };
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|.)/g, (_m, e: string) =>
    e.startsWith('x') && e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : map[e] ?? '\\' + e);
}


interface Field {
  text: string;
  /** Per character: true when it may act as a glob character (unquoted). */
  active: boolean[];
  keep: boolean;
}

function splitFields(pieces: Piece[]): Field[] {
  const fields: Field[] = [];
  let cur: Field = { text: '', active: [], keep: false };
  const flush = (): void => {
    if (cur.text !== '' || cur.keep) fields.push(cur);
    cur = { text: '', active: [], keep: false };
  };
  for (const p of pieces) {
    if (p.quoted) cur.keep = true;
    if (p.fromExpansion && !p.quoted) {
      const parts = p.text.split(/[ \t\n]+/);
      parts.forEach((part, k) => {
        if (k > 0) flush();
        cur.text += part;
        for (let j = 0; j < part.length; j++) cur.active.push(true);
      });
      continue;
    }
    cur.text += p.text;
    for (let j = 0; j < p.text.length; j++) cur.active.push(!p.quoted);
  }
  flush();
  return fields;
}

function hasGlob(f: Field): boolean {
  for (let i = 0; i < f.text.length; i++) if (f.active[i] && '*?['.includes(f.text[i])) return true;
  return false;
}

/** Matches a field against the virtual fs, one path component at a time; sorted like bash (C.UTF-8). */
function glob(f: Field, env: ExpandEnv): string[] {
  const absolute = f.text.startsWith('/');
  // Split into components, keeping each character's "active" flag.
  const comps: { text: string; active: boolean[] }[] = [];
  let cur = { text: '', active: [] as boolean[] };
  for (let i = 0; i < f.text.length; i++) {
    if (f.text[i] === '/') {
      comps.push(cur);
      cur = { text: '', active: [] };
    } else {
      cur.text += f.text[i];
      cur.active.push(f.active[i]);
    }
  }
  comps.push(cur);
  let paths: string[] = [absolute ? '/' : ''];
  for (const [k, comp] of comps.entries()) {
    if (comp.text === '') {
      if (k > 0 && k === comps.length - 1) paths = paths.filter((p) => env.fs.isDir(toAbs(p, env.cwd))).map((p) => p + '/');
      continue;
    }
    const re = componentRegex(comp);
    const next: string[] = [];
    for (const p of paths) {
      const join = (name: string): string => (p === '' ? name : p.endsWith('/') ? p + name : `${p}/${name}`);
      if (!re) {
        if (env.fs.exists(toAbs(join(comp.text), env.cwd))) next.push(join(comp.text));
        continue;
      }
      for (const name of env.fs.list(toAbs(p || '.', env.cwd)) ?? []) {
        if (name.startsWith('.') && !comp.text.startsWith('.')) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  return paths.sort();
}

function toAbs(p: string, cwd: string): string {
  return normalize(p.startsWith('/') ? p : `${cwd}/${p}`);
}

function componentRegex(comp: { text: string; active: boolean[] }): RegExp | undefined {
  let src = '';
  let any = false;
  for (let i = 0; i < comp.text.length; i++) {
    const c = comp.text[i];
    if (comp.active[i] && c === '*') { src += '.*'; any = true; continue; }
    if (comp.active[i] && c === '?') { src += '.'; any = true; continue; }
    if (comp.active[i] && c === '[') {
      const end = comp.text.indexOf(']', i + 2);
      if (end > 0) {
        let body = comp.text.slice(i + 1, end);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        src += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        any = true;
        i = end;
        continue;
      }
    }
    src += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return any ? new RegExp(`^${src}$`, 's') : undefined;
}
