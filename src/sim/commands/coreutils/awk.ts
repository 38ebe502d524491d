import type { CommandFn } from '../../types.ts';
import { lines, readInputs } from './common.ts';
import { getopt, last } from '../getopt.ts';
import { compilePosix } from './regex.ts';
import { toFixed } from './echo.ts';
import { MAX_FILE, MAX_OUTPUT } from '../../limits.ts';

/**
 * A small awk (mawk is Ubuntu's awk): `{print $1, $NF}`, patterns (/re/, NR==2, $3>1), BEGIN/END,
 * -F, variables with = += ++, print and printf. Anything else is a syntax error as mawk reports it.
 */

type Val = string | number;
type Tok = { t: 'num' | 'str' | 're' | 'name' | 'op'; v: string };

class AwkSyntax extends Error {}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const prevAllowsRegex = (): boolean => {
    const p = toks[toks.length - 1];
    return !p || (p.t === 'op' && !')]'.includes(p.v)) ;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\n' || c === ';') { toks.push({ t: 'op', v: ';' }); i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(e[-+]?\d+)?/i.exec(src.slice(i))!;
      toks.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          i++;
          continue;
        }
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntax('runaway string constant "' + s.slice(0, 10) + ' ...');
      i++;
      toks.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && prevAllowsRegex()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') { s += '/'; i += 2; continue; }
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntax('runaway regular expression /' + s.slice(0, 10) + ' ...');
      i++;
      toks.push({ t: 're', v: s });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: 'name', v: m[0] });
      i += m[0].length;
      continue;
    }
    const op = ['&&', '||', '==', '!=', '<=', '>=', '+=', '-=', '++', '--', '!~'].find((o) => src.startsWith(o, i)) ?? c;
    if (!'{}()$,+-*/%<>=!~&|'.includes(op[0])) throw new AwkSyntax(`syntax error at or near ${op}`);
    toks.push({ t: 'op', v: op });
    i += op.length;
  }
  return toks;
}

type Node = (r: Rec) => Val;
interface Rec { fields: string[]; line: string; nr: number; vars: Map<string, Val>; out: Out }

/**
 * What awk prints, up to MAX_FILE characters: a printf of a wide field on every line of a long
 * input would otherwise build gigabytes before the pipe could cut it. Past it, a RangeError that
 * the shell reports as `awk: kubesim: out of memory (output over N characters)`.
 */
class Out {
  private readonly parts: string[] = [];
  private size = 0;

  push(text: string): void {
    this.size += text.length;
    if (this.size > MAX_FILE) throw new RangeError(`output over ${MAX_FILE} characters`);
    this.parts.push(text);
  }

  text(): string {
    return this.parts.join('');
  }
}
type Stmt = (r: Rec) => void;
interface Rule { kind: 'begin' | 'end' | 'main'; pattern?: Node; body?: Stmt[] }

const num = (v: Val): number => (typeof v === 'number' ? v : Number.parseFloat(v) || 0);
const str = (v: Val): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);
const looksNum = (v: Val): boolean => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v);

function field(r: Rec, n: number): string {
  if (n === 0) return r.line;
  return r.fields[n - 1] ?? '';
}

class AwkParser {
  private p = 0;
  private readonly toks: Tok[];
  constructor(toks: Tok[]) {
    this.toks = toks;
  }
  private peek(): Tok | undefined { return this.toks[this.p]; }
  private is(v: string): boolean { const t = this.peek(); return t?.t === 'op' && t.v === v; }
  private expect(v: string): void {
    if (!this.is(v)) this.fail();
    this.p++;
  }
  fail(): never {
    const t = this.peek();
    throw new AwkSyntax(`syntax error at or near ${t ? (t.t === 'str' ? `"${t.v}"` : t.v) : 'end of file'}`);
  }
  private skipSemis(): void { while (this.is(';')) this.p++; }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipSemis();
    while (this.peek()) {
      const t = this.peek()!;
      if (t.t === 'name' && (t.v === 'BEGIN' || t.v === 'END')) {
        this.p++;
        rules.push({ kind: t.v === 'BEGIN' ? 'begin' : 'end', body: this.block() });
      } else if (this.is('{')) {
        rules.push({ kind: 'main', body: this.block() });
      } else {
        const pattern = this.expr();
        rules.push({ kind: 'main', pattern, body: this.is('{') ? this.block() : undefined });
      }
      this.skipSemis();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.expect('{');
    const out: Stmt[] = [];
    this.skipSemis();
    while (!this.is('}')) {
      if (!this.peek()) this.fail();
      out.push(this.stmt());
      if (!this.is('}')) this.expect(';');
      this.skipSemis();
    }
    this.p++;
    return out;
  }

  private stmt(): Stmt {
    const t = this.peek()!;
    if (t.t === 'name' && (t.v === 'print' || t.v === 'printf')) {
      this.p++;
      const args: Node[] = [];
      if (!this.is(';') && !this.is('}')) {
        args.push(this.expr());
        while (this.is(',')) {
          this.p++;
          args.push(this.expr());
        }
      }
      if (t.v === 'print') return (r) => r.out.push((args.length ? args.map((a) => str(a(r))).join(' ') : r.line) + '\n');
      return (r) => {
        const [fmt, ...rest] = args.map((a) => a(r));
        let k = 0;
        r.out.push(str(fmt ?? '').replace(/%(-?\d*)(\.\d+)?([sdif%])/g, (_m, w: string, prec: string | undefined, conv: string) => {
          if (conv === '%') return '%';
          const v = rest[k++] ?? '';
          let s = conv === 's' ? str(v) : conv === 'f' ? toFixed(num(v), prec ? Number(prec.slice(1)) : 6) : String(Math.trunc(num(v)));
          const width = Math.min(Number(w.replace('-', '')) || 0, MAX_OUTPUT);
          s = w.startsWith('-') ? s.padEnd(width) : s.padStart(width);
          return s;
        }));
      };
    }
    const e = this.expr();
    return (r) => void e(r);
  }

  expr(): Node {
    return this.orExpr();
  }

  private orExpr(): Node {
    let l = this.andExpr();
    while (this.is('||')) {
      this.p++;
      const a = l;
      const b = this.andExpr();
      l = (r) => (truthy(a(r)) || truthy(b(r)) ? 1 : 0);
    }
    return l;
  }

  private andExpr(): Node {
    let l = this.cmp();
    while (this.is('&&')) {
      this.p++;
      const a = l;
      const b = this.cmp();
      l = (r) => (truthy(a(r)) && truthy(b(r)) ? 1 : 0);
    }
    return l;
  }

  private cmp(): Node {
    const l = this.concat();
    const t = this.peek();
    if (t?.t === 'op' && ['==', '!=', '<', '<=', '>', '>=', '~', '!~'].includes(t.v)) {
      this.p++;
      if (t.v === '~' || t.v === '!~') {
        const rt = this.peek();
        const right: Node = rt?.t === 're' ? (this.p++, () => rt.v) : this.concat();
        return (r) => {
          const m = compilePosix(str(right(r)), true, '').test(str(l(r)));
          return (m === (t.v === '~')) ? 1 : 0;
        };
      }
      const rhs = this.concat();
      return (r) => {
        const a = l(r);
        const b = rhs(r);
        const c = looksNum(a) && looksNum(b) ? num(a) - num(b) : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        const res = { '==': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[t.v as '=='];
        return res ? 1 : 0;
      };
    }
    return l;
  }

  private concat(): Node {
    const parts = [this.additive()];
    for (;;) {
      const t = this.peek();
      if (!t || (t.t === 'op' && !['$', '(', '-', '!'].includes(t.v)) || (t.t === 'name' && ['print', 'printf'].includes(t.v))) break;
      if (t.t === 'op' && t.v === '-') break;
      parts.push(this.additive());
    }
    return parts.length === 1 ? parts[0] : (r) => parts.map((p) => str(p(r))).join('');
  }

  private additive(): Node {
    let l = this.term();
    while (this.is('+') || this.is('-')) {
      const op = this.toks[this.p++].v;
      const a = l;
      const b = this.term();
      l = (r) => (op === '+' ? num(a(r)) + num(b(r)) : num(a(r)) - num(b(r)));
    }
    return l;
  }

  private term(): Node {
    let l = this.factor();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.toks[this.p++].v;
      const a = l;
      const b = this.factor();
      l = (r) => {
        const x = num(a(r));
        const y = num(b(r));
        return op === '*' ? x * y : op === '/' ? x / y : x % y;
      };
    }
    return l;
  }

  private factor(): Node {
    const t = this.peek();
    if (!t) this.fail();
    this.p++;
    if (t.t === 'num') return () => Number(t.v);
    if (t.t === 'str') return () => t.v;
    if (t.t === 're') {
      const re = compilePosix(t.v, true, '');
      return (r) => (re.test(r.line) ? 1 : 0);
    }
    if (t.t === 'op' && t.v === '$') {
      const idx = this.factor();
      return (r) => field(r, Math.trunc(num(idx(r))));
    }
    if (t.t === 'op' && t.v === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.t === 'op' && t.v === '-') {
      const e = this.factor();
      return (r) => -num(e(r));
    }
    if (t.t === 'op' && t.v === '!') {
      const e = this.factor();
      return (r) => (truthy(e(r)) ? 0 : 1);
    }
    if (t.t === 'name') {
      const name = t.v;
      if (name === 'length') {
        if (this.is('(')) {
          this.p++;
          const e = this.is(')') ? undefined : this.expr();
          this.expect(')');
          return (r) => [...str(e ? e(r) : r.line)].length;
        }
        return (r) => [...r.line].length;
      }
      if (name === 'toupper' || name === 'tolower') {
        this.expect('(');
        const e = this.expr();
        this.expect(')');
        return (r) => (name === 'toupper' ? str(e(r)).toUpperCase() : str(e(r)).toLowerCase());
      }
      const op = this.peek();
      if (op?.t === 'op' && ['=', '+=', '-=', '++', '--'].includes(op.v) && !['NR', 'NF'].includes(name)) {
        this.p++;
        if (op.v === '++' || op.v === '--') {
          return (r) => {
            const old = num(r.vars.get(name) ?? 0);
            r.vars.set(name, op.v === '++' ? old + 1 : old - 1);
            return old;
          };
        }
        const e = this.expr();
        return (r) => {
          const v = e(r);
          const next = op.v === '=' ? v : op.v === '+=' ? num(r.vars.get(name) ?? 0) + num(v) : num(r.vars.get(name) ?? 0) - num(v);
          r.vars.set(name, next);
          return next;
        };
      }
      if (name === 'NR') return (r) => r.nr;
      if (name === 'NF') return (r) => r.fields.length;
      return (r) => r.vars.get(name) ?? '';
    }
    this.p--;
    return this.fail();
  }
}

const truthy = (v: Val): boolean => (typeof v === 'number' ? v !== 0 : v !== '');

/** awk [-F SEP] [-v VAR=VAL] 'PROGRAM' [FILE]…. */
export const awk: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'awk', 'F:v:f:', {});
  if (o.error) return { stdout: '', stderr: o.error, exitCode: 2 };
  const progText = o.args.shift();
  if (progText === undefined) return { stdout: '', stderr: 'usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n', exitCode: 2 };
  let rules: Rule[];
  try {
    rules = new AwkParser(lex(progText)).program();
  } catch (e) {
    if (e instanceof AwkSyntax) return { stdout: '', stderr: `awk: line 1: ${e.message}\n`, exitCode: 2 };
    return { stdout: '', stderr: 'awk: line 1: regular expression compile failed (missing operand)\n', exitCode: 2 };
  }
  const fsArg = last(o, 'F');
  const sep = fsArg === undefined || fsArg === ' ' ? undefined : fsArg === '\\t' || fsArg === 't' ? '\t' : fsArg;
  const split = (line: string): string[] => {
    if (sep === undefined) return line.split(/[ \t]+/).filter(Boolean);
    if (sep.length === 1) return line.split(sep);
    try {
      return line.split(compilePosix(sep, true, ''));
    } catch {
      return line.split(sep);
    }
  };
  const rec: Rec = { fields: [], line: '', nr: 0, vars: new Map(), out: new Out() };
  for (const v of o.values.get('v') ?? []) {
    const eq = v.indexOf('=');
    if (eq > 0) rec.vars.set(v.slice(0, eq), v.slice(eq + 1));
  }
  const { inputs, errors } = readInputs(ctx, o.args, 'awk');
  try {
    for (const r of rules.filter((x) => x.kind === 'begin')) for (const s of r.body ?? []) s(rec);
    for (const input of inputs) {
      for (const line of lines(input.text)) {
        rec.nr++;
        rec.line = line;
        rec.fields = split(line);
        for (const r of rules.filter((x) => x.kind === 'main')) {
          if (r.pattern && !truthy(r.pattern(rec))) continue;
          if (r.body) for (const s of r.body) s(rec);
          else rec.out.push(line + '\n');
        }
      }
    }
    for (const r of rules.filter((x) => x.kind === 'end')) for (const s of r.body ?? []) s(rec);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    return { stdout: rec.out.text(), stderr: 'awk: run time error: regular expression compile failed\n', exitCode: 2 };
  }
  const stderr = errors.replace(/^awk: (.*): No such file or directory$/gm, "awk: cannot open \"$1\" (No such file or directory)");
  return { stdout: rec.out.text(), stderr, exitCode: stderr ? 2 : 0 };
};
