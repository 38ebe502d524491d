import type { HereDoc, Token } from './tokenizer.ts';
import type { Shell } from './interpreter.ts';
import { tokenize } from './tokenizer.ts';
import { MAX_NESTING, nestedTooDeeply } from '../limits.ts';

/** One redirection of a command: `2>&1`, `> file`, `<<EOF`… `target` is a raw (unexpanded) word. */
export interface Redirect {
  fd: number;
  op: string;
  target: string;
  heredoc?: HereDoc;
}

/** `VAR=value cmd args > file`, with words still raw. */
export interface SimpleCommand {
  kind: 'simple';
  assigns: string[];
  words: string[];
  redirects: Redirect[];
}

/** `( list )`: runs in a copy of the shell state. */
export interface Subshell {
  kind: 'subshell';
  body: AndOr[];
  redirects: Redirect[];
}

/** `if`, `for`, `while`, `case`, `{ …; }` or a function definition: compound.ts parses and runs it. */
export interface CompoundCommand {
  kind: 'compound';
  /** Runs it in `sh` (its output captured by the caller), returning its status. */
  run(sh: Shell): number;
  redirects: Redirect[];
}

export type Command = SimpleCommand | Subshell | CompoundCommand;

/** What compound.ts adds to the grammar; registered by its chunk, which the line scan loads with the first reserved word. */
export interface CompoundGrammar {
  /** Whether a command starting with `tok` (then `next`) is compound: a reserved word, `((`, or `name (`. */
  starts(tok: Token, next: Token | undefined): boolean;
  parse(p: Parser): CompoundCommand;
  /** A reader of a command's tokens in order: after each, how many compound commands are open. */
  walker(): (tok: Token) => number;
}

let grammar: CompoundGrammar | undefined;

/** Registers compound commands (compound.ts); without them `if` is a command bash cannot find. */
export function useCompound(g: CompoundGrammar): void {
  grammar = g;
}

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

/** `a && b || c`: the first pipeline and the ones after it with their operator. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** A parsed complete command (one logical line), or bash's syntax error message. */
export type ParseResult = { ok: true; list: AndOr[]; warnings: string[] } | { ok: false; error: string; warnings: string[] };

const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** Parses shell source (usually one complete command from `splitCommands`). */
export function parse(src: string): ParseResult {
  const t = tokenize(src);
  if (t.error) return { ok: false, error: t.error, warnings: t.warnings };
  const p = new Parser(t.tokens, src);
  try {
    const list = p.list(false);
    if (p.peek()) p.fail(p.peek());
    return { ok: true, list, warnings: t.warnings };
  } catch (e) {
    if (e instanceof SyntaxFault) return { ok: false, error: e.message, warnings: t.warnings };
    // Refused by count rather than by overflowing the stack, which takes a phone tens of milliseconds.
    if (e instanceof NestingFault) return { ok: false, error: nestedTooDeeply().trimEnd(), warnings: t.warnings };
    throw e;
  }
}

class SyntaxFault extends Error {}
class NestingFault extends Error {}

/** The reader of one complete command; compound.ts parses with its methods. */
export class Parser {
  pos = 0;
  private nesting = 0;
  readonly tokens: Token[];
  /** The text the tokens come from (`((…))` is read as text). */
  readonly src: string;
  constructor(tokens: Token[], src: string) {
    this.tokens = tokens;
    this.src = src;
  }

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  fail(tok: Token | undefined): never {
    if (!tok) throw new SyntaxFault('bash: syntax error: unexpected end of file');
    const text = tok.kind === 'newline' ? 'newline' : tok.kind === 'word' ? tok.text : tok.op;
    throw new SyntaxFault(`bash: syntax error near unexpected token \`${text}'`);
  }

  /** Ends the parse with bash's `message` (several lines, for `[[`'s errors). */
  error(message: string): never {
    throw new SyntaxFault(message);
  }

  /** Whether `tok` is one of the operators `ops`. */
  isOp(tok: Token | undefined, ...ops: string[]): tok is Extract<Token, { kind: 'op' }> {
    return tok?.kind === 'op' && ops.includes(tok.op);
  }

  skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.pos++;
  }

  /** Commands separated by `;`, `&` or newlines, up to the end or (inside parentheses) `)`. */
  list(inParens: boolean): AndOr[] {
    const out: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (!tok) {
        if (inParens) this.fail(undefined);
        return out;
      }
      if (inParens && this.isOp(tok, ')')) {
        if (out.length === 0) this.fail(tok);
        return out;
      }
      out.push(this.andOr());
      const sep = this.peek();
      if (!sep) continue;
      if (this.isOp(sep, ';', '&') || sep.kind === 'newline') {
        this.pos++;
        continue;
      }
      if (inParens && this.isOp(sep, ')')) continue;
      this.fail(sep);
    }
  }

  andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp(this.peek(), '&&', '||')) {
      const op = (this.tokens[this.pos++] as { op: '&&' | '||' }).op;
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const tok = this.peek();
    if (tok?.kind === 'word' && tok.text === '!') {
      negate = true;
      this.pos++;
    }
    const commands = [this.command()];
    while (this.isOp(this.peek(), '|')) {
      this.pos++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const tok = this.peek();
    if (tok && grammar?.starts(tok, this.tokens[this.pos + 1])) {
      if (++this.nesting > MAX_NESTING) throw new NestingFault();
      const c = grammar.parse(this);
      this.nesting--;
      return c;
    }
    if (this.isOp(tok, '(')) {
      this.pos++;
      if (++this.nesting > MAX_NESTING) throw new NestingFault();
      const body = this.list(true);
      this.nesting--;
      this.pos++; // the `)`
      const redirects: Redirect[] = [];
      while (this.peek()?.kind === 'redir') redirects.push(this.redirect());
      const next = this.peek();
      if (next?.kind === 'word' || this.isOp(next, '(')) this.fail(next);
      return { kind: 'subshell', body, redirects };
    }
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'word') {
        this.pos++;
        if (cmd.words.length === 0 && ASSIGN.test(t.text)) cmd.assigns.push(t.text);
        else cmd.words.push(t.text);
      } else if (t?.kind === 'redir') {
        cmd.redirects.push(this.redirect());
      } else if (this.isOp(t, '(')) {
        this.fail(t);
      } else {
        break;
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) this.fail(this.peek());
    return cmd;
  }

  redirect(): Redirect {
    const r = this.tokens[this.pos++] as Token & { kind: 'redir' };
    const target = this.peek();
    if (target?.kind !== 'word') this.fail(target);
    this.pos++;
    const defaultFd = r.op.startsWith('<') ? 0 : 1;
    return { fd: r.fd ?? defaultFd, op: r.op, target: target.text, heredoc: r.heredoc };
  }
}

/**
 * Splits a script into complete commands (what bash reads and runs one at a time): at newlines,
 * except after `|`, `&&`, `||` and inside parentheses. Each piece keeps its here-documents.
 * A piece with a reading error (unterminated quote) runs to the end of the input.
 */
export function splitCommands(src: string): string[] {
  const t = tokenize(src);
  const pieces: string[] = [];
  let start = 0;
  let depth = 0;
  let prev: Token | undefined;
  // A compound command's lines are one complete command.
  const compoundsOpen = grammar?.walker();
  for (const tok of t.tokens) {
    const inCompound = compoundsOpen?.(tok);
    if (tok.kind === 'op' && tok.op === '(') depth++;
    if (tok.kind === 'op' && tok.op === ')') depth = Math.max(0, depth - 1);
    if (tok.kind === 'newline') {
      const continues = prev?.kind === 'op' && ['|', '&&', '||', '('].includes(prev.op);
      if (depth === 0 && !continues && !inCompound) {
        const piece = src.slice(start, tok.end);
        if (piece.trim() !== '') pieces.push(piece.replace(/\n$/, ''));
        start = tok.end;
      }
    }
    prev = tok.kind === 'newline' && prev && prev.kind === 'op' ? prev : tok;
  }
  const rest = src.slice(start);
  if (rest.trim() !== '') pieces.push(rest.replace(/\n$/, ''));
  return pieces;
}

/**
 * Whether a terminal should ask for more lines before running `src`: an open quote, a
 * here-document without its delimiter, a line ending in `|`, `&&`, `||` or `\\`, or an
 * open compound command (`for …; do`).
 */
export function needsMoreInput(src: string): boolean {
  if (/\\$/.test(src)) return true;
  const t = tokenize(src);
  if (t.error?.includes('unexpected EOF')) return true;
  if (t.warnings.some((w) => w.includes('here-document'))) return true;
  const last = t.tokens.filter((k) => k.kind !== 'newline').pop();
  const compoundsOpen = grammar?.walker();
  return (last?.kind === 'op' && ['|', '&&', '||'].includes(last.op)) || (!!compoundsOpen && t.tokens.reduce((_, tok) => compoundsOpen(tok), 0) > 0);
}
