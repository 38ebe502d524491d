/**
 * bash's shell arithmetic (expr.c), for `$((…))`, `((…))`, `let` and `for ((…))`: 64-bit
 * integers that wrap, C's operators and precedence with `**`, assignments and `++`/`--`,
 * short-circuit `&&`, `||` and `?:`, constants in any base (`0x1f`, `017`, `2#101`), and
 * variables whose values are themselves expressions. Errors read as bash 5.2's, with the
 * expression and the token where it went wrong.
 */

/** A failed evaluation: bash's message without its `bash: ` prefix. */
export class ArithmeticError extends Error {}

/** Where variables are read and assigned. */
export interface ArithmeticVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { kind: 'num'; text: string; start: number } | { kind: 'id'; text: string; start: number } | { kind: 'op'; text: string; start: number };

// Longest first, so that `<<=` is read before `<<` and `<`.
const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '?', ':', ',', '(', ')'];
const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
/** Binary operators by precedence level, loosest first (below `?:`). */
const LEVELS = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
const MAX_RECURSION = 1024;

const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

/** Evaluates `expr` as bash does; throws ArithmeticError with bash's message. */
export function evaluate(expr: string, vars: ArithmeticVars, depth = 0): bigint {
  if (depth > MAX_RECURSION) throw new ArithmeticError(`${expr.trimStart()}: expression recursion level exceeded (error token is "${expr.trimStart()}")`);
  const toks = tokens(expr);
  let p = 0;
  // bash's lasttp: where the last token read starts; its error messages quote from there on.
  let last = 0;
  // Inside the branch `&&`, `||` or `?:` does not take, nothing is assigned and no error of value is raised.
  let noeval = 0;

  const fail = (msg: string, from = last): never => {
    throw new ArithmeticError(`${expr.trimStart()}: ${msg} (error token is "${expr.slice(from)}")`);
  };
  const peek = (): Tok | undefined => toks[p];
  const next = (): Tok | undefined => {
    const t = toks[p++];
    if (t) last = t.start;
    return t;
  };
  const isOp = (t: Tok | undefined, ...ops: string[]): boolean => t?.kind === 'op' && ops.includes(t.text);

  const valueOf = (name: string): bigint => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0n;
    return evaluate(v, vars, depth + 1);
  };
  const assign = (name: string, value: bigint): bigint => {
    if (!noeval) vars.set(name, String(value));
    return value;
  };

  const binary = (op: string, a: bigint, b: bigint): bigint => {
    switch (op) {
      case '*': return wrap(a * b);
      case '/': case '%':
        if (b === 0n) {
          if (noeval) return 0n;
          return fail('division by 0');
        }
        return wrap(op === '/' ? a / b : a % b);
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '<<': return wrap(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
      case '**':
        if (b < 0n) return noeval ? 0n : fail('exponent less than 0');
        return wrap(a ** b);
    }
    return 0n;
  };

  const comma = (): bigint => {
    let v = assignment();
    while (isOp(peek(), ',')) {
      next();
      v = assignment();
    }
    return v;
  };

  const assignment = (): bigint => {
    const t = peek();
    const op = toks[p + 1];
    if (t?.kind === 'id' && op?.kind === 'op' && ASSIGN.has(op.text)) {
      next();
      next();
      const rhs = assignment();
      const value = op.text === '=' ? rhs : binary(op.text.slice(0, -1), valueOf(t.text), rhs);
      return assign(t.text, value);
    }
    const v = conditional();
    const after = peek();
    if (after?.kind === 'op' && ASSIGN.has(after.text)) {
      next();
      fail('attempted assignment to non-variable');
    }
    return v;
  };

  const conditional = (): bigint => {
    const cond = level(0);
    if (!isOp(peek(), '?')) return cond;
    next();
    if (!cond) noeval++;
    const yes = comma();
    if (!cond) noeval--;
    if (!isOp(peek(), ':')) {
      next();
      fail("`:' expected for conditional expression");
    }
    next();
    if (cond) noeval++;
    const no = conditional();
    if (cond) noeval--;
    return cond ? yes : no;
  };

  const level = (n: number): bigint => {
    if (n === LEVELS.length) return power();
    let v = level(n + 1);
    for (let t = peek(); t?.kind === 'op' && LEVELS[n].includes(t.text); t = peek()) {
      next();
      if (t.text === '&&' || t.text === '||') {
        const decided = t.text === '&&' ? v === 0n : v !== 0n;
        if (decided) noeval++;
        const r = level(n + 1);
        if (decided) noeval--;
        v = decided ? (t.text === '||' ? 1n : 0n) : r !== 0n ? 1n : 0n;
      } else v = binary(t.text, v, level(n + 1));
    }
    return v;
  };

  const power = (): bigint => {
    const base = unary();
    if (!isOp(peek(), '**')) return base;
    next();
    return binary('**', base, power());
  };

  const unary = (): bigint => {
    const t = peek();
    if (isOp(t, '-', '+', '!', '~')) {
      next();
      const v = unary();
      return t!.text === '-' ? wrap(-v) : t!.text === '+' ? v : t!.text === '!' ? (v === 0n ? 1n : 0n) : ~v;
    }
    if (isOp(t, '++', '--')) {
      next();
      const id = next();
      if (id?.kind !== 'id') return fail('syntax error: operand expected');
      return assign(id.text, wrap(valueOf(id.text) + (t!.text === '++' ? 1n : -1n)));
    }
    return postfix();
  };

  const postfix = (): bigint => {
    const t = next();
    if (!t) return fail('syntax error: operand expected');
    if (t.kind === 'num') return constant(t);
    if (t.kind === 'id') {
      const v = valueOf(t.text);
      if (isOp(peek(), '++', '--')) {
        const op = next()!;
        assign(t.text, wrap(v + (op.text === '++' ? 1n : -1n)));
      }
      return v;
    }
    if (t.text === '(') {
      const v = comma();
      if (!isOp(next(), ')')) fail("missing `)'");
      return v;
    }
    return fail('syntax error: operand expected');
  };

  const constant = (t: Tok): bigint => {
    const text = t.text;
    let base = 10;
    let digits = text;
    const hash = text.indexOf('#');
    if (hash > 0) {
      base = Number(text.slice(0, hash));
      digits = text.slice(hash + 1);
      if (base < 2 || base > 64) fail('invalid arithmetic base', t.start);
    } else if (/^0[xX]/.test(text)) {
      base = 16;
      digits = text.slice(2);
    } else if (text.length > 1 && text.startsWith('0')) base = 8;
    let v = 0n;
    for (const c of digits) {
      // Digits past 9: a–z, then A–Z (or, up to base 36, either case), then @ and _.
      const d = /\d/.test(c) ? Number(c) : /[a-z]/.test(c) ? c.charCodeAt(0) - 87 : /[A-Z]/.test(c) ? c.charCodeAt(0) - (base <= 36 ? 55 : 29) : c === '@' ? 62 : c === '_' ? 63 : 99;
      if (d >= base) fail('value too great for base', t.start);
      v = wrap(v * BigInt(base) + BigInt(d));
    }
    if (digits === '' && hash > 0) fail('invalid number', t.start);
    return v;
  };

  if (toks.length === 0) return 0n;
  const v = comma();
  if (p < toks.length) {
    next();
    fail('syntax error in expression');
  }
  return v;
}

function tokens(expr: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = expr.slice(i);
    const num = /^\d[\w@#]*/.exec(rest);
    const id = /^[A-Za-z_]\w*/.exec(rest);
    const op = OPS.find((o) => rest.startsWith(o));
    const m = num?.[0] ?? id?.[0] ?? op;
    if (m === undefined) throw new ArithmeticError(`${expr.trimStart()}: syntax error: invalid arithmetic operator (error token is "${rest}")`);
    out.push({ kind: num ? 'num' : id ? 'id' : 'op', text: m, start: i });
    i += m.length;
  }
  return out;
}
