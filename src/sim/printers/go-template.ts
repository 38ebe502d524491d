/** kubectl's go-template printer: a subset of Go text/template (parse + execute, no eval) over decoded JSON. */
import { compareGo, formatFloatG, formatInt, goQuote, sortedKeys } from './jsonpath/gofmt.ts';

/** A Go int (literals, len): kept apart from JSON numbers, which decode to float64. */
class GoInt {
  n: number;
  constructor(n: number) { this.n = n; }
}

/** A template that failed to parse; message is text/template's ("template: output:1: …"). */
export class GoTemplateParseError extends Error {}
/** A template that failed while executing; message is text/template's. */
export class GoTemplateExecError extends Error {
  partial = '';
}

type Arg =
  | { t: 'dot'; pos: number; src: string }
  | { t: 'field'; base: Arg | null; chain: string[]; pos: number; src: string }
  | { t: 'var'; name: string; pos: number; src: string }
  | { t: 'lit'; v: unknown; pos: number; src: string }
  | { t: 'fn'; name: string; pos: number; src: string }
  | { t: 'pipe'; pipe: Pipe; pos: number; src: string };
interface Cmd { args: Arg[]; pos: number; src: string }
interface Pipe { decl: string[]; assign: boolean; cmds: Cmd[]; pos: number }
type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; elseList: Node[] | null }
  | { t: 'end' | 'else'; pos: number; elseIf?: Pipe; elseWith?: Pipe; word: string };

const EXTRA_FUNCS = ['exists', 'base64decode'];
// Sprig's TxtFuncMap is also installed by kubectl; only these of its functions are simulated.
const SPRIG = ['upper', 'lower', 'trim', 'default', 'b64enc', 'b64dec', 'quote', 'join', 'contains', 'hasPrefix', 'hasSuffix', 'replace', 'toString'];
const BUILTINS = ['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'slice', 'html', 'js', 'urlquery'];
const FUNCS = new Set([...BUILTINS, ...EXTRA_FUNCS, ...SPRIG]);

interface Tok { k: 'field' | 'var' | 'str' | 'num' | 'ident' | 'dot' | 'pipe' | 'lp' | 'rp' | 'decl' | 'assign' | 'comma'; v: string; pos: number }

class Parser {
  src: string;
  constructor(src: string) { this.src = src; }
  lineOf(pos: number): number { return 1 + (this.src.slice(0, pos).match(/\n/g)?.length ?? 0); }
  fail(pos: number, msg: string): never { throw new GoTemplateParseError(`template: output:${this.lineOf(pos)}: ${msg}`); }

  /** Splits the source into text and action items, applying {{- -}} trimming. */
  items(): (Node | { t: 'raw'; toks: Tok[]; pos: number })[] {
    const s = this.src;
    const out: (Node | { t: 'raw'; toks: Tok[]; pos: number })[] = [];
    let i = 0;
    let trimNext = false;
    while (i <= s.length) {
      const open = s.indexOf('{{', i);
      let text = open < 0 ? s.slice(i) : s.slice(i, open);
      if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
      if (open < 0) { if (text) out.push({ t: 'text', s: text }); break; }
      let p = open + 2;
      if (s[p] === '-' && /[ \t\r\n]/.test(s[p + 1] ?? '')) { text = text.replace(/[ \t\r\n]+$/, ''); p += 2; }
      if (text) out.push({ t: 'text', s: text });
      if (s.startsWith('/*', p)) {
        const c = s.indexOf('*/', p);
        if (c < 0) this.fail(open, 'unclosed comment');
        let q = c + 2;
        trimNext = false;
        if (s.startsWith(' -}}', q)) { trimNext = true; q += 4; } else if (s.startsWith('}}', q)) q += 2; else this.fail(open, 'comment ends before closing delimiter');
        i = q;
        continue;
      }
      const { toks, end, trim } = this.lexAction(p, open);
      trimNext = trim;
      out.push({ t: 'raw', toks, pos: open });
      i = end;
    }
    return out;
  }

  lexAction(p: number, open: number): { toks: Tok[]; end: number; trim: boolean } {
    const s = this.src;
    const toks: Tok[] = [];
    let depth = 0;
    for (;;) {
      if (p >= s.length) this.fail(open, 'unclosed action');
      const c = s[p];
      if (/[ \t\r\n]/.test(c)) {
        if (s.startsWith(' -}}', p) || (/[ \t\r\n]/.test(c) && s.startsWith('-}}', p + 1))) return { toks, end: p + 4, trim: true };
        if (c === '\n' && depth === 0) { /* newlines are allowed inside actions since Go 1.16 */ }
        p++;
        continue;
      }
      if (s.startsWith('}}', p)) {
        if (depth > 0) this.fail(p, 'unclosed left paren');
        return { toks, end: p + 2, trim: false };
      }
      const start = p;
      if (c === '"') {
        p++;
        while (p < s.length && s[p] !== '"') { if (s[p] === '\\') p++; if (s[p] === '\n') this.fail(start, 'unterminated quoted string'); p++; }
        if (p >= s.length) this.fail(start, 'unterminated quoted string');
        p++;
        toks.push({ k: 'str', v: unquote(s.slice(start + 1, p - 1)), pos: start });
      } else if (c === '`') {
        const e = s.indexOf('`', p + 1);
        if (e < 0) this.fail(start, 'unterminated raw quoted string');
        toks.push({ k: 'str', v: s.slice(p + 1, e), pos: start });
        p = e + 1;
      } else if (c === '|') { toks.push({ k: 'pipe', v: c, pos: p++ }); }
      else if (c === '(') { depth++; toks.push({ k: 'lp', v: c, pos: p++ }); }
      else if (c === ')') { depth--; if (depth < 0) this.fail(p, `unexpected right paren`); toks.push({ k: 'rp', v: c, pos: p++ }); }
      else if (c === ',') { toks.push({ k: 'comma', v: c, pos: p++ }); }
      else if (s.startsWith(':=', p)) { toks.push({ k: 'decl', v: ':=', pos: p }); p += 2; }
      else if (c === '=') { toks.push({ k: 'assign', v: '=', pos: p++ }); }
      else if (c === '.' && !/[A-Za-z_0-9]/.test(s[p + 1] ?? '')) { toks.push({ k: 'dot', v: '.', pos: p++ }); }
      else if (c === '.' || c === '$') {
        p++;
        while (p < s.length && /[A-Za-z_0-9]/.test(s[p])) p++;
        toks.push({ k: c === '.' ? 'field' : 'var', v: s.slice(start, p), pos: start });
        if (c === '.' && s.slice(start + 1, p) === '') this.fail(start, 'bad character');
      } else if (/[-+0-9]/.test(c)) {
        p++;
        while (p < s.length && /[0-9a-fA-FxXoObB._eEp+-]/.test(s[p]) && !(/[+-]/.test(s[p]) && !/[eEpP]/.test(s[p - 1]))) p++;
        toks.push({ k: 'num', v: s.slice(start, p), pos: start });
      } else if (/[A-Za-z_]/.test(c)) {
        while (p < s.length && /[A-Za-z_0-9]/.test(s[p])) p++;
        toks.push({ k: 'ident', v: s.slice(start, p), pos: start });
      } else {
        this.fail(p, `unexpected ${goQuote(c).replace(/^"|"$/g, "'")} in command`);
      }
    }
  }

  parse(): Node[] {
    const items = this.items();
    let i = 0;
    const list = (topLevel: boolean): { nodes: Node[]; stop?: Node & { t: 'end' | 'else' } } => {
      const nodes: Node[] = [];
      while (i < items.length) {
        const it = items[i++];
        if (it.t !== 'raw') { nodes.push(it as Node); continue; }
        const toks = it.toks;
        if (toks.length === 0) this.fail(it.pos, 'missing value for command');
        const head = toks[0];
        if (head.k === 'ident' && (head.v === 'end' || head.v === 'else')) {
          if (topLevel) this.fail(it.pos, `unexpected {{${head.v}}}`);
          if (head.v === 'end') return { nodes, stop: { t: 'end', pos: it.pos, word: 'end' } };
          if (toks.length > 1 && toks[1].k === 'ident' && (toks[1].v === 'if' || toks[1].v === 'with')) {
            const pipe = this.pipeline(toks.slice(2), it.pos);
            return { nodes, stop: toks[1].v === 'if' ? { t: 'else', pos: it.pos, elseIf: pipe, word: 'else' } : { t: 'else', pos: it.pos, elseWith: pipe, word: 'else' } };
          }
          return { nodes, stop: { t: 'else', pos: it.pos, word: 'else' } };
        }
        if (head.k === 'ident' && (head.v === 'if' || head.v === 'with' || head.v === 'range')) {
          nodes.push(this.control(head.v, this.pipeline(toks.slice(1), it.pos), list));
          continue;
        }
        if (head.k === 'ident' && ['define', 'template', 'block', 'break', 'continue'].includes(head.v)) this.fail(it.pos, `{{${head.v}}} is not supported by this simulator`);
        nodes.push({ t: 'action', pipe: this.pipeline(toks, it.pos) });
      }
      if (!topLevel) this.fail(this.src.length, 'unexpected EOF');
      return { nodes };
    };
    return list(true).nodes;
  }

  control(kind: 'if' | 'with' | 'range', pipe: Pipe, list: (top: boolean) => { nodes: Node[]; stop?: Node & { t: 'end' | 'else' } }): Node {
    const body = list(false);
    let elseList: Node[] | null = null;
    const stop = body.stop as { t: 'end' | 'else'; elseIf?: Pipe; elseWith?: Pipe };
    if (stop.t === 'else') {
      if (stop.elseIf || stop.elseWith) {
        // {{else if x}} is sugar for {{else}}{{if x}}…{{end}}{{end}}: the inner control consumes the shared {{end}}.
        elseList = [this.control(stop.elseIf ? 'if' : 'with', (stop.elseIf ?? stop.elseWith) as Pipe, list)];
      } else {
        const rest = list(false);
        if (rest.stop?.t !== 'end') this.fail(rest.stop?.pos ?? this.src.length, 'expected end; found {{else}}');
        elseList = rest.nodes;
      }
    }
    return { t: kind, pipe, list: body.nodes, elseList };
  }

  pipeline(toks: Tok[], pos: number): Pipe {
    let i = 0;
    const decl: string[] = [];
    let assign = false;
    if (toks[0]?.k === 'var' && (toks[1]?.k === 'decl' || toks[1]?.k === 'assign' || (toks[1]?.k === 'comma' && toks[2]?.k === 'var'))) {
      if (toks[1].k === 'comma') { decl.push(toks[0].v, toks[2].v); i = 3; } else { decl.push(toks[0].v); i = 1; }
      if (toks[i]?.k !== 'decl' && toks[i]?.k !== 'assign') this.fail(pos, 'expected :=');
      assign = toks[i].k === 'assign';
      i++;
    }
    const [pipe, next] = this.cmds(toks, i, pos, false);
    if (next < toks.length) this.fail(toks[next].pos, `unexpected ${toks[next].v} in operand`);
    return { decl, assign, cmds: pipe, pos };
  }

  cmds(toks: Tok[], i: number, pos: number, inParen: boolean): [Cmd[], number] {
    const cmds: Cmd[] = [];
    for (;;) {
      const args: Arg[] = [];
      const start = toks[i]?.pos ?? pos;
      while (i < toks.length && toks[i].k !== 'pipe' && toks[i].k !== 'rp') {
        const [a, n] = this.operand(toks, i, pos);
        args.push(a);
        i = n;
      }
      if (args.length === 0) this.fail(pos, 'missing value for command');
      cmds.push({ args, pos: start, src: args.map((a) => a.src).join(' ') });
      if (toks[i]?.k === 'pipe') { i++; continue; }
      if (toks[i]?.k === 'rp' && !inParen) this.fail(toks[i].pos, 'unexpected right paren');
      return [cmds, i];
    }
  }

  operand(toks: Tok[], i: number, pos: number): [Arg, number] {
    const t = toks[i];
    let a: Arg;
    switch (t.k) {
      case 'dot': a = { t: 'dot', pos: t.pos, src: '.' }; break;
      case 'field': a = { t: 'field', base: null, chain: [t.v.slice(1)], pos: t.pos, src: t.v }; break;
      case 'var': a = { t: 'var', name: t.v, pos: t.pos, src: t.v }; break;
      case 'str': a = { t: 'lit', v: t.v, pos: t.pos, src: goQuote(t.v) }; break;
      case 'num': a = { t: 'lit', v: parseNumber(t.v) ?? this.fail(t.pos, `illegal number syntax: ${goQuote(t.v)}`), pos: t.pos, src: t.v }; break;
      case 'lp': {
        const [cmds, n] = this.cmds(toks, i + 1, pos, true);
        if (toks[n]?.k !== 'rp') this.fail(pos, 'unclosed left paren');
        const src = '(' + cmds.map((c) => c.src).join(' | ') + ')';
        a = { t: 'pipe', pipe: { decl: [], assign: false, cmds, pos: t.pos }, pos: t.pos, src };
        i = n;
        break;
      }
      case 'ident':
        if (t.v === 'true' || t.v === 'false') a = { t: 'lit', v: t.v === 'true', pos: t.pos, src: t.v };
        else if (t.v === 'nil') a = { t: 'lit', v: null, pos: t.pos, src: 'nil' };
        else if (!FUNCS.has(t.v)) this.fail(t.pos, `function ${goQuote(t.v)} not defined`);
        else a = { t: 'fn', name: t.v, pos: t.pos, src: t.v };
        break;
      default: this.fail(t.pos, `unexpected ${goQuote(t.v)} in operand`);
    }
    i++;
    // Field chains after a variable or a parenthesised pipeline: $x.a.b, (index . 0).name.
    while (toks[i]?.k === 'field' && toks[i].pos === toks[i - 1].pos + toks[i - 1].v.length + (toks[i - 1].k === 'rp' ? 0 : 0)) {
      const f = toks[i].v.slice(1);
      if (a.t === 'field') { a.chain.push(f); a.src += '.' + f; }
      else if (a.t === 'var' || a.t === 'pipe' || a.t === 'dot') a = { t: 'field', base: a, chain: [f], pos: a.pos, src: a.src + '.' + f };
      else break;
      i++;
    }
    return [a, i];
  }
}

function parseNumber(s: string): unknown {
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return new GoInt(Number(s.replace(/_/g, '')));
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(s)) return new GoInt(parseInt(s, 16));
  const f = Number(s);
  return Number.isNaN(f) ? undefined : f;
}

function unquote(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'x': case 'u': return String.fromCharCode(parseInt(e.slice(1), 16));
      default: return e;
    }
  });
}

/** Parses a template as kubectl's NewGoTemplatePrinter does; throws GoTemplateParseError. */
export function parseGoTemplate(src: string): Node[] {
  return new Parser(src).parse();
}

const MISSING = Symbol('no value');

/** fmt's %v of a decoded JSON value (numbers are float64). */
function goV(v: unknown, top = true): string {
  if (v === MISSING) return '<no value>';
  if (v === null || v === undefined) return top ? '<no value>' : '<nil>';
  if (v instanceof GoInt) return formatInt(v.n);
  if (typeof v === 'number') return formatFloatG(v);
  if (Array.isArray(v)) return '[' + v.map((x) => goV(x, false)).join(' ') + ']';
  if (typeof v === 'object') {
    const m = v as Record<string, unknown>;
    return 'map[' + sortedKeys(m).map((k) => `${k}:${goV(m[k], false)}`).join(' ') + ']';
  }
  return String(v);
}

function truth(v: unknown): boolean {
  if (v === MISSING || v === null || v === undefined || v === false || v === '' || v === 0) return false;
  if (v instanceof GoInt) return v.n !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function kindOf(v: unknown): string {
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'slice';
  if (v && typeof v === 'object') return 'map';
  return 'nil';
}

function num(v: unknown): number { return v instanceof GoInt ? v.n : (v as number); }

class FnError extends Error {}

function compare(name: string, a: unknown, b: unknown): number {
  const ka = kindOf(a), kb = kindOf(b);
  if (!['int', 'float64', 'string', 'bool'].includes(ka) || (name !== 'eq' && name !== 'ne' && ka === 'bool')) {
    if (name === 'eq' || name === 'ne') {
      if (ka === 'nil' && kb === 'nil') return 0;
      throw new FnError('incompatible types for comparison');
    }
    throw new FnError('invalid type for comparison');
  }
  if (ka !== kb) throw new FnError('incompatible types for comparison');
  if (ka === 'string') return compareGo(a as string, b as string);
  if (ka === 'bool') return a === b ? 0 : 1;
  return num(a) < num(b) ? -1 : num(a) > num(b) ? 1 : 0;
}

/** fmt.Sprintf for the verbs templates commonly use: %s %v %d %q %f %x %%, with width/precision. */
export function goSprintf(format: string, args: unknown[]): string {
  let ai = 0;
  return format.replace(/%([-+# 0]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (_, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (ai >= args.length) return `%!${verb}(MISSING)`;
    const a = args[ai++];
    let s: string;
    switch (verb) {
      case 'd': s = kindOf(a) === 'int' ? formatInt(num(a)) : `%!d(${kindOf(a)}=${goV(a)})`; break;
      case 'f': s = typeof a === 'number' || a instanceof GoInt ? (kindOf(a) === 'int' ? `%!f(int=${goV(a)})` : num(a).toFixed(prec === undefined ? 6 : Number(prec))) : `%!f(${kindOf(a)}=${goV(a)})`; break;
      case 'q': s = typeof a === 'string' ? goQuote(a) : goV(a, false); break;
      case 'x': s = typeof a === 'string' ? [...new TextEncoder().encode(a)].map((b) => b.toString(16).padStart(2, '0')).join('') : a instanceof GoInt ? a.n.toString(16) : goV(a, false); break;
      case 't': s = typeof a === 'boolean' ? String(a) : `%!t(${kindOf(a)}=${goV(a)})`; break;
      default: s = goV(a, false); if (verb === 's' && prec !== undefined) s = s.slice(0, Number(prec));
    }
    const w = Number(width || 0);
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    return s;
  }) + (ai < args.length ? `%!(EXTRA ${args.slice(ai).map((a) => `${kindOf(a) === 'nil' ? '<nil>' : kindOf(a) === 'map' ? 'map[string]interface {}' : kindOf(a) === 'slice' ? '[]interface {}' : kindOf(a)}=${goV(a, false)}`).join(', ')})` : '');
}

function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goV(a, false);
  });
  return out;
}

function b64decode(v: string): string {
  const clean = v;
  for (let i = 0; i < clean.length; i++) {
    if (!/[A-Za-z0-9+/=]/.test(clean[i]) || (clean[i] === '=' && !/^=*$/.test(clean.slice(i)))) throw new FnError(`base64 decode failed: illegal base64 data at input byte ${i}`);
  }
  if (clean.length % 4 !== 0) throw new FnError(`base64 decode failed: illegal base64 data at input byte ${clean.length - (clean.length % 4)}`);
  const bin = atob(clean);
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

function callFn(name: string, args: unknown[]): unknown {
  const str = (v: unknown): string => (typeof v === 'string' ? v : goV(v, false));
  switch (name) {
    case 'and': { for (const a of args) if (!truth(a)) return a; return args[args.length - 1]; }
    case 'or': { for (const a of args) if (truth(a)) return a; return args[args.length - 1]; }
    case 'not': return !truth(args[0]);
    case 'len': {
      const a = args[0];
      if (typeof a === 'string') return new GoInt(new TextEncoder().encode(a).length);
      if (Array.isArray(a)) return new GoInt(a.length);
      if (a && typeof a === 'object' && !(a instanceof GoInt)) return new GoInt(Object.keys(a).length);
      throw new FnError(`len of ${a === null || a === MISSING ? 'nil pointer' : 'type ' + kindOf(a)}`);
    }
    case 'index': {
      let v = args[0];
      for (const k of args.slice(1)) {
        if (Array.isArray(v)) {
          if (!(k instanceof GoInt) && typeof k !== 'number') throw new FnError('cannot index slice/array with type ' + kindOf(k));
          const n = num(k);
          if (n < 0 || n >= v.length) throw new FnError(`index out of range: ${n}`);
          v = v[n];
        } else if (v && typeof v === 'object' && !(v instanceof GoInt)) {
          if (typeof k !== 'string') throw new FnError(`value has type ${kindOf(k)}; should be string`);
          const m = v as Record<string, unknown>;
          v = Object.hasOwn(m, k) ? m[k] : null;
        } else if (v === null || v === MISSING) throw new FnError('index of untyped nil');
        else throw new FnError(`can't index item of type ${kindOf(v)}`);
      }
      return v;
    }
    case 'print': return sprint(args);
    case 'println': return args.map((a) => goV(a, false)).join(' ') + '\n';
    case 'printf': return goSprintf(str(args[0]), args.slice(1));
    case 'eq': return args.slice(1).some((b) => compare('eq', args[0], b) === 0);
    case 'ne': return compare('ne', args[0], args[1]) !== 0;
    case 'lt': return compare('lt', args[0], args[1]) < 0;
    case 'le': return compare('le', args[0], args[1]) <= 0;
    case 'gt': return compare('gt', args[0], args[1]) > 0;
    case 'ge': return compare('ge', args[0], args[1]) >= 0;
    case 'base64decode':
      if (typeof args[0] !== 'string') throw new FnError(`wrong type for value; expected string; got ${kindOf(args[0]) === 'nil' ? 'interface {}' : kindOf(args[0])}`);
      return b64decode(args[0]);
    case 'exists': {
      let v = args[0];
      for (const k of args.slice(1)) {
        if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, k as string)) return false;
        v = (v as Record<string, unknown>)[k as string];
      }
      return true;
    }
    case 'b64dec': try { return b64decode(str(args[0])); } catch (e) { return (e as Error).message.replace('base64 decode failed: ', ''); }
    case 'b64enc': return btoa(String.fromCharCode(...new TextEncoder().encode(str(args[0]))));
    case 'upper': return str(args[0]).toUpperCase();
    case 'lower': return str(args[0]).toLowerCase();
    case 'trim': return str(args[0]).trim();
    case 'quote': return args.map((a) => goQuote(str(a))).join(' ');
    case 'toString': return str(args[0]);
    case 'default': return truth(args[1]) ? args[1] : args[0];
    case 'join': return Array.isArray(args[1]) ? args[1].map((x) => str(x)).join(str(args[0])) : str(args[1]);
    case 'contains': return str(args[1]).includes(str(args[0]));
    case 'hasPrefix': return str(args[1]).startsWith(str(args[0]));
    case 'hasSuffix': return str(args[1]).endsWith(str(args[0]));
    case 'replace': return str(args[2]).split(str(args[0])).join(str(args[1]));
    case 'html': case 'js': case 'urlquery': return sprint(args);
    default: throw new FnError(`function ${name} not implemented`);
  }
}

interface ExecOptions { allowMissingKeys?: boolean }

/** Executes a parsed template against data and returns the output; throws GoTemplateExecError. */
export function executeGoTemplate(src: string, nodes: Node[], data: unknown, options: ExecOptions = {}): string {
  const allowMissing = options.allowMissingKeys !== false;
  const vars: [string, unknown][] = [['$', data]];
  let out = '';
  const fail = (pos: number, ctx: string, msg: string): never => {
    const before = src.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = nl < 0 ? pos : pos - nl - 1;
    const c = ctx.length > 20 ? ctx.slice(0, 20) + '...' : ctx;
    throw new GoTemplateExecError(`template: output:${line}:${col}: executing "output" at <${c}>: ${msg}`);
  };
  const lookupVar = (a: { name: string; pos: number; src: string }): unknown => {
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i][0] === a.name) return vars[i][1];
    return fail(a.pos, a.src, `undefined variable: ${a.name}`);
  };
  const field = (recv: unknown, name: string, a: Arg): unknown => {
    if (recv && typeof recv === 'object' && !Array.isArray(recv) && !(recv instanceof GoInt)) {
      const m = recv as Record<string, unknown>;
      if (Object.hasOwn(m, name)) return m[name];
      if (!allowMissing) fail(a.pos, a.src, `map has no entry for key ${goQuote(name)}`);
      return MISSING;
    }
    if (recv === null || recv === MISSING) fail(a.pos, a.src, `nil pointer evaluating interface {}.${name}`);
    return fail(a.pos, a.src, `can't evaluate field ${name} in type ${kindOf(recv) === 'slice' ? '[]interface {}' : kindOf(recv)}`);
  };
  const evalArg = (a: Arg, dot: unknown): unknown => {
    switch (a.t) {
      case 'dot': return dot;
      case 'lit': return a.v;
      case 'var': return lookupVar(a);
      case 'pipe': return evalPipe(a.pipe, dot);
      case 'fn': return callCmd({ args: [a], pos: a.pos, src: a.src }, dot, undefined);
      case 'field': {
        let v = a.base ? evalArg(a.base, dot) : dot;
        for (const f of a.chain) v = field(v, f, a);
        return v;
      }
    }
  };
  const callCmd = (cmd: Cmd, dot: unknown, final: unknown): unknown => {
    const [head, ...rest] = cmd.args;
    if (head.t !== 'fn') {
      if (rest.length > 0 || final !== undefined) fail(cmd.pos, cmd.src, `can't give argument to non-function ${head.src}`);
      return evalArg(head, dot);
    }
    const args = rest.map((r) => evalArg(r, dot));
    if (final !== undefined) args.push(final);
    const arity: Record<string, [number, number]> = { not: [1, 1], len: [1, 1], index: [1, 99], printf: [1, 99], eq: [1, 99], ne: [2, 2], lt: [2, 2], le: [2, 2], gt: [2, 2], ge: [2, 2], and: [1, 99], or: [1, 99], base64decode: [1, 1] };
    const [lo, hi] = arity[head.name] ?? [0, 99];
    if (args.length < lo || args.length > hi) fail(cmd.pos, cmd.src, `wrong number of args for ${head.name}: want ${lo === hi ? lo : 'at least ' + lo} got ${args.length}`);
    try {
      return callFn(head.name, args.map((x) => (x === MISSING ? null : x)));
    } catch (e) {
      if (e instanceof FnError) return fail(cmd.pos, cmd.src, `error calling ${head.name}: ${e.message}`);
      throw e;
    }
  };
  const evalPipe = (p: Pipe, dot: unknown): unknown => {
    let v: unknown = undefined;
    for (const c of p.cmds) v = callCmd(c, dot, v);
    if (p.decl.length === 1) {
      if (p.assign) { for (let i = vars.length - 1; i >= 0; i--) if (vars[i][0] === p.decl[0]) { vars[i][1] = v; return v; } fail(p.pos, p.decl[0], `undefined variable: ${p.decl[0]}`); }
      vars.push([p.decl[0], v]);
    }
    return v;
  };
  const walk = (nodes: Node[], dot: unknown): void => {
    for (const n of nodes) {
      switch (n.t) {
        case 'text': out += n.s; break;
        case 'action': { const v = evalPipe(n.pipe, dot); if (n.pipe.decl.length === 0) out += goV(v); break; }
        case 'if': case 'with': {
          const mark = vars.length;
          const v = evalPipe(n.pipe, dot);
          if (truth(v)) walk(n.list, n.t === 'with' ? v : dot);
          else if (n.elseList) walk(n.elseList, dot);
          vars.length = mark;
          break;
        }
        case 'range': {
          const mark = vars.length;
          const p = n.pipe;
          const v = evalPipe({ ...p, decl: [] }, dot);
          let entries: [unknown, unknown][] = [];
          if (Array.isArray(v)) entries = v.map((x, i) => [new GoInt(i), x]);
          else if (v && typeof v === 'object' && !(v instanceof GoInt)) entries = sortedKeys(v as Record<string, unknown>).map((k) => [k, (v as Record<string, unknown>)[k]]);
          else if (v instanceof GoInt) entries = Array.from({ length: v.n }, (_, i) => [new GoInt(i), new GoInt(i)]);
          else if (v !== null && v !== MISSING) fail(p.cmds[0].pos, p.cmds[0].src, `range can't iterate over ${goV(v)}`);
          if (entries.length === 0) { if (n.elseList) walk(n.elseList, dot); }
          for (const [k, e] of entries) {
            const inner = vars.length;
            if (p.decl.length === 1) vars.push([p.decl[0], e]);
            if (p.decl.length === 2) vars.push([p.decl[0], k], [p.decl[1], e]);
            walk(n.list, e);
            vars.length = inner;
          }
          vars.length = mark;
          break;
        }
        default: break;
      }
    }
  };
  try {
    walk(nodes, data);
  } catch (e) {
    if (e instanceof GoTemplateExecError) e.partial = out;
    throw e;
  }
  return out;
}

/** Parses and executes a template the way kubectl's GoTemplatePrinter does, errors in its wording. */
export function goTemplate(src: string, data: unknown, options: ExecOptions = {}): { out: string; err?: string } {
  let nodes: Node[];
  try {
    nodes = parseGoTemplate(src);
  } catch (e) {
    if (e instanceof GoTemplateParseError) return { out: '', err: `error: error parsing template ${src}, ${e.message}\n` };
    throw e;
  }
  // JSON round trip, as PrintObj marshals the object and unmarshals it into interface{}.
  const json = JSON.stringify(data);
  const decoded: unknown = JSON.parse(json);
  try {
    return { out: executeGoTemplate(src, nodes, decoded, options) };
  } catch (e) {
    if (!(e instanceof GoTemplateExecError)) throw e;
    // Partial output stays; PrintObj then writes its debugging block to the same writer (stdout).
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${src}\n\traw data was:\n\t\t${json}\n\tobject given to template engine was:\n\t\t${goV(decoded)}\n\n`;
    return { out: e.partial + debug, err: `error: error executing template ${goQuote(src)}: ${e.message}\n` };
  }
}
