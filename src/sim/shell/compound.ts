/**
 * bash's compound commands: `if`/`elif`/`else`, `while`, `until`, `for NAME [in WORDS]`,
 * `for ((…))`, `case`, `{ …; }`, `((…))`, `[[ … ]]` (conditional.ts) and function definitions,
 * with `break`, `continue`, `return`, `local`, `let`, `read` and `test`/`[`; and `$((…))`
 * (arithmetic.ts). A chunk of its own in the browser (the line scan loads it with the first line
 * that holds one of these words or `((`); installCompound() hooks it into the parser, expansion
 * and the builtins.
 */
import { MAX_FUNCTION_NESTING } from '../limits.ts';
import type { RunResult } from '../types.ts';
import { BUILTINS, type Builtin } from './builtins.ts';
import { ArithmeticError, evaluate } from './arithmetic.ts';
import { ExpansionError, expandString, expandWord, useArithmetic, type ExpandEnv } from './expand.ts';
import { useProcessSubstitution, type Shell } from './interpreter.ts';
import { useCompound, type AndOr, type CompoundCommand, type CompoundGrammar, type Parser } from './parser.ts';
import { read } from './read.ts';
import { shellProbe, testCommand } from './test-expr.ts';
import { parseConditional } from './conditional.ts';
import { matchesGlob } from './pattern.ts';
import type { Token } from './tokenizer.ts';

/** Words that open a compound command where a command word stands. */
const OPENERS: Record<string, string> = { if: 'fi', while: 'done', until: 'done', for: 'done', case: 'esac', '{': '}', '[[': ']]' };
/** Reserved words that only continue or close one: a syntax error where a command starts. */
const INNER = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const POSITIONAL = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '*', '#'];

/** What `break`, `continue` and `return` throw to the loop or function they leave. */
class Jump {
  readonly kind: 'break' | 'continue' | 'return';
  levels: number;
  readonly status: number;
  constructor(kind: Jump['kind'], levels: number, status: number) {
    this.kind = kind;
    this.levels = levels;
    this.status = status;
  }
}

// Runs are synchronous: counters of the loops and function calls under way are enough to tell
// whether `break` or `return` has anywhere to go.
let loops = 0;
/** Each function call under way: its arguments, and the variables to restore when it returns. */
const calls: { args: string[]; saved: Map<string, string | undefined> }[] = [];

const isWord = (t: Token | undefined, text?: string): t is Token & { kind: 'word' } => t?.kind === 'word' && (text === undefined || t.text === text);

function expect(p: Parser, text: string): void {
  if (!isWord(p.peek(), text)) p.fail(p.peek());
  p.pos++;
}

/**
 * Evaluates shell arithmetic on the session's variables, after the expansions bash does first (as
 * inside double quotes: `$x`, `${#s}`, `$(…)`); ArithmeticError carries bash's message.
 */
function arith(expr: string, env: ExpandEnv): bigint {
  return evaluate(expandString(expr, env), { get: env.getVar, set: env.setVar });
}

/** `((`, as two parentheses with nothing between them. */
const isDoubleParen = (p: Parser): boolean => p.isOp(p.peek(), '(') && p.isOp(p.tokens[p.pos + 1], '(') && p.tokens[p.pos + 1].start === p.peek()!.end;

/** Reads `(( … ))` from the parser's position: the text between the parentheses. */
function doubleParen(p: Parser): string {
  const open = p.tokens[p.pos + 1];
  let depth = 0;
  for (let k = p.pos + 2; k < p.tokens.length; k++) {
    const t = p.tokens[k];
    if (p.isOp(t, '(')) depth++;
    if (!p.isOp(t, ')')) continue;
    if (depth > 0) {
      depth--;
      continue;
    }
    const close = p.tokens[k + 1];
    if (!p.isOp(close, ')') || close.start !== t.end) p.fail(close);
    p.pos = k + 2;
    return p.src.slice(open.end, t.start);
  }
  return p.fail(undefined);
}

/** An arithmetic command's value, or undefined after printing its error as `((` or `let` does. */
function arithValue(sh: Shell, who: string, expr: string): bigint | undefined {
  try {
    return arith(expr, sh.expandEnv());
  } catch (e) {
    if (e instanceof ExpansionError) sh.write('stderr', `${e.message}\n`);
    else if (e instanceof ArithmeticError) sh.write('stderr', `bash: ${who}: ${e.message}\n`);
    else throw e;
    return undefined;
  }
}

/** `(( EXPR ))`'s status: 0 when the value is not zero, 1 when it is or when it fails. */
const arithStatus = (sh: Shell, who: string, expr: string): number => (arithValue(sh, who, expr) ? 0 : 1);

/** What ends a case item: `;;` stops, `;&` runs the next item's body too, `;;&` tests the next patterns. */
const CASE_ENDS = [';;', ';&', ';;&'] as const;

/**
 * Commands up to one of the reserved words `ends` (or `;;`, when listed), which is left to the
 * caller; bash wants at least one command there unless `emptyOk` (a `case` item).
 */
function listUntil(p: Parser, ends: readonly string[], emptyOk = false): AndOr[] {
  const out: AndOr[] = [];
  for (;;) {
    p.skipNewlines();
    const t = p.peek();
    if (!t) p.fail(undefined);
    if ((isWord(t) && ends.includes(t.text)) || (ends.includes(';;') && p.isOp(t, ...CASE_ENDS))) {
      if (out.length === 0 && !emptyOk) p.fail(t);
      return out;
    }
    out.push(p.andOr());
    const sep = p.peek();
    if (p.isOp(sep, ';', '&') || sep?.kind === 'newline') p.pos++;
    else if (sep && !(ends.includes(';;') && p.isOp(sep, ...CASE_ENDS))) p.fail(sep);
  }
}

type Run = (sh: Shell) => number;

/** The status a list leaves, after running it. */
function runBody(sh: Shell, body: AndOr[]): number {
  sh.runList(body);
  return sh.lastStatus;
}

/** Expands words as a command's arguments are expanded; a failed expansion prints bash's message. */
function expandAll(sh: Shell, words: string[]): string[] | undefined {
  try {
    return words.flatMap((w) => expandWord(w, sh.expandEnv()));
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    sh.write('stderr', e.message + '\n');
    return undefined;
  }
}

/** Runs a loop's body once: false when a `break` ends the loop. */
function iteration(sh: Shell, body: AndOr[]): boolean {
  try {
    runBody(sh, body);
    return !sh.exited;
  } catch (e) {
    if (!(e instanceof Jump) || e.kind === 'return') throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind === 'continue';
  }
}

function loop(sh: Shell, each: (body: () => boolean) => void, body: AndOr[]): number {
  let status = 0;
  loops++;
  try {
    each(() => {
      const goOn = iteration(sh, body);
      status = goOn ? sh.lastStatus : 0;
      return goOn;
    });
  } finally {
    loops--;
  }
  return status;
}

function parseIf(p: Parser): Run {
  p.pos++;
  const clauses: { cond: AndOr[]; body: AndOr[] }[] = [];
  let otherwise: AndOr[] | undefined;
  for (;;) {
    const cond = listUntil(p, ['then']);
    expect(p, 'then');
    clauses.push({ cond, body: listUntil(p, ['elif', 'else', 'fi']) });
    const t = p.peek() as Token & { kind: 'word' };
    p.pos++;
    if (t.text === 'elif') continue;
    if (t.text === 'else') {
      otherwise = listUntil(p, ['fi']);
      expect(p, 'fi');
    }
    break;
  }
  return (sh) => {
    for (const { cond, body } of clauses) {
      if (runBody(sh, cond) === 0 && !sh.exited) return runBody(sh, body);
      if (sh.exited) return sh.lastStatus;
    }
    return otherwise ? runBody(sh, otherwise) : 0;
  };
}

function parseWhile(p: Parser, until: boolean): Run {
  p.pos++;
  const cond = listUntil(p, ['do']);
  expect(p, 'do');
  const body = listUntil(p, ['done']);
  expect(p, 'done');
  return (sh) => loop(sh, (next) => {
    while ((runBody(sh, cond) === 0) !== until && !sh.exited && next());
  }, body);
}

function parseFor(p: Parser): Run {
  p.pos++;
  if (isDoubleParen(p)) return parseArithFor(p);
  const name = p.peek();
  if (!isWord(name)) p.fail(name);
  p.pos++;
  let words: string[] | undefined;
  if (p.isOp(p.peek(), ';')) p.pos++;
  else {
    p.skipNewlines();
    if (isWord(p.peek(), 'in')) {
      p.pos++;
      words = [];
      for (let t = p.peek(); isWord(t); t = p.peek()) {
        words.push(t.text);
        p.pos++;
      }
      const sep = p.peek();
      if (!(p.isOp(sep, ';') || sep?.kind === 'newline')) p.fail(sep);
      p.pos++;
    }
  }
  p.skipNewlines();
  expect(p, 'do');
  const body = listUntil(p, ['done']);
  expect(p, 'done');
  return (sh) => {
    if (!NAME.test(name.text)) {
      sh.write('stderr', `bash: \`${name.text}': not a valid identifier\n`);
      return 1;
    }
    const list = words ? expandAll(sh, words) : positional();
    if (!list) return 1;
    return loop(sh, (next) => {
      for (const w of list) {
        sh.frame.vars.set(name.text, w);
        if (!next()) break;
      }
    }, body);
  };
}

/** `for (( INIT; COND; STEP )); do …; done`: an empty COND is true. */
function parseArithFor(p: Parser): Run {
  const parts = doubleParen(p).split(';');
  if (parts.length !== 3) p.fail(p.tokens[p.pos - 1]);
  if (p.isOp(p.peek(), ';')) p.pos++;
  p.skipNewlines();
  expect(p, 'do');
  const body = listUntil(p, ['done']);
  expect(p, 'done');
  const [init, cond, step] = parts;
  return (sh) => {
    // An empty part counts as 1; a part that fails ends the loop with status 1.
    const value = (expr: string): bigint | undefined => (expr.trim() === '' ? 1n : arithValue(sh, '((', expr));
    let failed = value(init) === undefined;
    const status = failed ? 1 : loop(sh, (next) => {
      for (;;) {
        const go = value(cond);
        failed = go === undefined;
        if (!go || !next()) return;
        failed = value(step) === undefined;
        if (failed) return;
      }
    }, body);
    return failed ? 1 : status;
  };
}

/** The running function's arguments, for `for NAME` without `in`. */
function positional(): string[] {
  return calls[calls.length - 1]?.args ?? [];
}

function parseCase(p: Parser): Run {
  p.pos++;
  const subject = p.peek();
  if (!isWord(subject)) p.fail(subject);
  p.pos++;
  p.skipNewlines();
  expect(p, 'in');
  const items: { patterns: string[]; body: AndOr[]; end: string }[] = [];
  for (;;) {
    p.skipNewlines();
    if (isWord(p.peek(), 'esac')) break;
    if (p.isOp(p.peek(), '(')) p.pos++;
    const patterns: string[] = [];
    for (;;) {
      const t = p.peek();
      if (!isWord(t)) p.fail(t);
      patterns.push(t.text);
      p.pos++;
      if (!p.isOp(p.peek(), '|')) break;
      p.pos++;
    }
    if (!p.isOp(p.peek(), ')')) p.fail(p.peek());
    p.pos++;
    const body = listUntil(p, [';;', 'esac'], true);
    const end = p.peek();
    const isEnd = p.isOp(end, ...CASE_ENDS);
    items.push({ patterns, body, end: isEnd ? end.op : ';;' });
    if (isEnd) p.pos++;
  }
  p.pos++;
  return (sh) => {
    try {
      const env = sh.expandEnv();
      const word = expandString(subject.text, env);
      let status = 0;
      let fallInto = false;
      for (const { patterns, body, end } of items) {
        if (!fallInto && !patterns.some((pat) => matchesGlob(word, pat, env))) continue;
        status = body.length ? runBody(sh, body) : 0;
        if (end === ';;') return status;
        fallInto = end === ';&';
      }
      return status;
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      sh.write('stderr', e.message + '\n');
      return 1;
    }
  };
}

function parseGroup(p: Parser): Run {
  p.pos++;
  const body = listUntil(p, ['}']);
  expect(p, '}');
  return (sh) => runBody(sh, body);
}

/** `name () BODY` or `function name [()] BODY`, BODY being a compound command. */
function parseFunction(p: Parser): Run {
  if (isWord(p.peek(), 'function')) p.pos++;
  const name = p.peek() as Token & { kind: 'word' };
  if (!isWord(name)) p.fail(name);
  p.pos++;
  if (p.isOp(p.peek(), '(')) {
    p.pos++;
    if (!p.isOp(p.peek(), ')')) p.fail(p.peek());
    p.pos++;
  }
  p.skipNewlines();
  const first = p.peek();
  if (!isWord(first) || !Object.hasOwn(OPENERS, first.text)) p.fail(first);
  const body = parseCompound(p);
  return (sh) => {
    sh.functions.set(name.text, (shell, argv, stdin) => call(shell, body, argv, stdin));
    return 0;
  };
}

/** Sets $1 … $9, $@, $* and $# to `args`. */
function setPositional(sh: Shell, args: string[]): void {
  POSITIONAL.forEach((k, i) => {
    const value = i < 9 ? args[i] : k === '#' ? String(args.length) : args.join(' ');
    if (value === undefined) sh.frame.vars.delete(k);
    else sh.frame.vars.set(k, value);
  });
}

/** Runs a function: its arguments are $1 … $9, $@, $* and $#, restored afterwards with its `local` variables. */
function call(sh: Shell, body: CompoundCommand, argv: string[], stdin: string): RunResult {
  // Read as running out of stack (Shell.run's message), whatever the engine's own depth.
  if (calls.length >= MAX_FUNCTION_NESTING) throw new RangeError('Maximum call stack size exceeded');
  const vars = sh.frame.vars;
  const saved = new Map<string, string | undefined>();
  const args = argv.slice(1);
  for (const k of POSITIONAL) saved.set(k, vars.get(k));
  setPositional(sh, args);
  calls.push({ args, saved });
  try {
    return sh.withInput(stdin, () => {
      try {
        return body.run(sh);
      } catch (e) {
        if (e instanceof Jump && e.kind === 'return') return e.status;
        throw e;
      }
    });
  } finally {
    calls.pop();
    // The session's variables now, not `vars`: a subshell puts back a copy of the map it saved.
    for (const [name, value] of saved) {
      if (value === undefined) sh.frame.vars.delete(name);
      else sh.frame.vars.set(name, value);
    }
  }
}

/** Parses the compound command at the parser's position, with its redirections. */
function parseCompound(p: Parser): CompoundCommand {
  const tok = p.peek()!;
  const word = tok.kind === 'op' ? tok.op : (tok as { text: string }).text;
  let run: Run;
  switch (word) {
    case 'if': run = parseIf(p); break;
    case 'while': case 'until': run = parseWhile(p, word === 'until'); break;
    case 'for': run = parseFor(p); break;
    case 'case': run = parseCase(p); break;
    case '{': run = parseGroup(p); break;
    case '[[': run = parseConditional(p); break;
    case '(': {
      const expr = doubleParen(p);
      run = (sh) => arithStatus(sh, '((', expr);
      break;
    }
    default:
      if (isWord(tok) && INNER.has(tok.text)) p.fail(tok);
      run = parseFunction(p);
  }
  const redirects = [];
  while (p.peek()?.kind === 'redir') redirects.push(p.redirect());
  if (isWord(p.peek()) || p.isOp(p.peek(), '(')) p.fail(p.peek());
  return { kind: 'compound', run, redirects };
}

/**
 * Counts the compound commands a stream of tokens leaves open, reading reserved words only where
 * a command word stands (`echo done` closes nothing) and `case` patterns as patterns.
 */
function walker(): (tok: Token) => number {
  const open: string[] = [];
  let command = true;
  let pattern = false;
  let caseIn = false;
  let skip = false;
  return (tok) => {
    // A redirection's target is no command word.
    if (skip || tok.kind === 'redir') {
      skip = !skip;
      return open.length;
    }
    if (tok.kind !== 'word') {
      if (tok.kind === 'op' && (CASE_ENDS as readonly string[]).includes(tok.op)) pattern = true;
      else if (tok.kind === 'op' && tok.op === ')' && pattern) pattern = false;
      else if (pattern) return open.length;
      command = !pattern;
      return open.length;
    }
    const w = tok.text;
    // `]]` closes `[[` wherever it stands: what is between them are operands.
    if (w === ']]' && open[open.length - 1] === ']]') {
      open.pop();
      command = false;
      return open.length;
    }
    if (pattern) {
      if (w === 'esac' && open[open.length - 1] === 'esac') {
        open.pop();
        pattern = false;
        command = false;
      }
      return open.length;
    }
    if (!command) {
      if (caseIn && w === 'in') {
        caseIn = false;
        pattern = true;
      }
      return open.length;
    }
    if (Object.hasOwn(OPENERS, w)) {
      open.push(OPENERS[w]);
      caseIn = w === 'case';
      command = !['for', 'case', '[['].includes(w);
    } else if (['then', 'else', 'elif', 'do', '!', 'function'].includes(w)) {
      command = w !== 'function';
    } else {
      if (open[open.length - 1] === w) open.pop();
      command = false;
    }
    return open.length;
  };
}

const grammar: CompoundGrammar = {
  starts: (tok, next) => tok.kind === 'op'
    ? tok.op === '(' && next?.kind === 'op' && next.op === '(' && next.start === tok.end
    : tok.kind === 'word' && (Object.hasOwn(OPENERS, tok.text) || INNER.has(tok.text) || tok.text === 'function' || (next?.kind === 'op' && next.op === '(' && NAME.test(tok.text))),
  parse: parseCompound,
  walker,
};

const jump = (kind: 'break' | 'continue'): Builtin => (_sh, argv) => {
  const n = argv[1] === undefined ? 1 : /^\d+$/.test(argv[1]) ? Number(argv[1]) : NaN;
  if (Number.isNaN(n)) return { stdout: '', stderr: `bash: ${kind}: ${argv[1]}: numeric argument required\n`, exitCode: 1 };
  if (n < 1) return { stdout: '', stderr: `bash: ${kind}: ${argv[1]}: loop count out of range\n`, exitCode: 1 };
  if (loops === 0) return { stdout: '', stderr: `bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`, exitCode: 0 };
  throw new Jump(kind, Math.min(n, loops), 0);
};

const returnB: Builtin = (sh, argv) => {
  if (calls.length === 0) return { stdout: '', stderr: "bash: return: can only `return' from a function or sourced script\n", exitCode: 1 };
  let status = argv[1] === undefined ? sh.lastStatus : ((Number(argv[1]) % 256) + 256) % 256;
  if (argv[1] !== undefined && !/^-?\d+$/.test(argv[1])) {
    sh.write('stderr', `bash: return: ${argv[1]}: numeric argument required\n`);
    status = 2;
  }
  throw new Jump('return', 1, status);
};

const local: Builtin = (sh, argv) => {
  const scope = calls[calls.length - 1]?.saved;
  if (!scope) return { stdout: '', stderr: 'bash: local: can only be used in a function\n', exitCode: 1 };
  let status = 0;
  let stderr = '';
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      stderr += `bash: local: \`${arg}': not a valid identifier\n`;
      status = 1;
      continue;
    }
    if (!scope.has(name)) scope.set(name, sh.frame.vars.get(name));
    if (eq >= 0) sh.frame.vars.set(name, arg.slice(eq + 1));
    else sh.frame.vars.delete(name);
  }
  return { stdout: '', stderr, exitCode: status };
};

const test: Builtin = (sh, argv) => {
  const { status, stderr } = testCommand(argv[0], argv.slice(1), shellProbe(sh));
  return { stdout: '', stderr, exitCode: status };
};

/** `shift [N]`: drops the running function's first N arguments; status 1 when it has fewer. */
const shift: Builtin = (sh, argv) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!/^\d*$/.test(argv[1] ?? '')) return { stdout: '', stderr: `bash: shift: ${argv[1]}: numeric argument required\n`, exitCode: 1 };
  const call = calls[calls.length - 1];
  if (!call || n > call.args.length) return { stdout: '', stderr: '', exitCode: 1 };
  call.args = call.args.slice(n);
  setPositional(sh, call.args);
  return { stdout: '', stderr: '', exitCode: 0 };
};

/** `let EXPR…`: each argument an arithmetic expression; status 0 when the last is not zero. */
const let_: Builtin = (sh, argv) => {
  if (argv.length < 2) return { stdout: '', stderr: 'bash: let: expression expected\n', exitCode: 1 };
  let status = 1;
  for (const expr of argv.slice(1)) status = arithStatus(sh, 'let', expr);
  return { stdout: '', stderr: '', exitCode: status };
};

/**
 * `<(cmd)`: cmd runs in a subshell and its output becomes /dev/fd/N on the host, for the command
 * around it; the shell removes the file (and the directories made for it) when the line ends.
 */
function processSubstitution(sh: Shell, src: string, fd: number): string {
  const r = sh.capture(() => sh.subshell(() => sh.runSource(src)));
  sh.out.write('stderr', r.stderr);
  const fs = sh.frame.host.fs;
  for (const dir of ['/dev', '/dev/fd']) if (!fs.exists(dir) && fs.mkdir(dir)) sh.substituted.push({ fs, path: dir });
  const path = `/dev/fd/${fd}`;
  fs.writeFile(path, r.stdout);
  sh.substituted.push({ fs, path });
  return path;
}

/** Hooks compound commands and `$((…))` into the shell and adds their builtins (the browser's compound chunk, or Node at once). */
export function installCompound(): void {
  useCompound(grammar);
  useProcessSubstitution(processSubstitution);
  useArithmetic((expr, env) => {
    try {
      return String(arith(expr, env));
    } catch (e) {
      if (e instanceof ArithmeticError) throw new ExpansionError(`bash: ${e.message}`);
      throw e;
    }
  });
  Object.assign(BUILTINS, { break: jump('break'), continue: jump('continue'), return: returnB, local, read, test, '[': test, let: let_, shift });
}
