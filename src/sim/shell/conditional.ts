/**
 * bash's conditional command `[[ … ]]`: `!`, `( )`, `&&` and `||` inside it, words neither split
 * nor globbed, `==`/`!=` against a glob pattern, `=~` against an extended regular expression
 * (BASH_REMATCH), `<`/`>` on strings, and arithmetic operands for `-eq` and its kin.
 */
import { ArithmeticError, evaluate } from './arithmetic.ts';
import { expandString, ExpansionError } from './expand.ts';
import type { Shell } from './interpreter.ts';
import type { Parser } from './parser.ts';
import { matchesGlob, matchRegex } from './pattern.ts';
import { shellProbe, testCommand } from './test-expr.ts';
import type { Token } from './tokenizer.ts';

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; node: Node }
  | { kind: 'unary'; op: string; word: string }
  | { kind: 'binary'; op: string; left: string; right: string }
  | { kind: 'word'; word: string };

const UNARY = new Set('abcdefghknoprstuvwxzGLNORS'.split('').map((c) => `-${c}`));
const BINARY = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** What a token is inside `[[ ]]`: a word's text, an operator, or the `<`/`>` the tokenizer took for a redirection. */
function text(t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'word') return t.text;
  if (t.kind === 'op') return t.op;
  if (t.kind === 'redir' && (t.op === '<' || t.op === '>') && t.fd === undefined) return t.op;
  return undefined;
}

/** Parses `[[ … ]]` from the parser's position (at `[[`) to after `]]`. */
export function parseConditional(p: Parser): (sh: Shell) => number {
  p.pos++;
  const peek = (): string | undefined => text(p.peek());
  // The input ended inside `[[`: in a terminal it asks for more first (needsMoreInput).
  const eof = (): never => p.error("bash: unexpected EOF while looking for `]]'\nbash: syntax error: unexpected end of file");
  const isEnd = (): boolean => p.peek()?.kind === 'word' && peek() === ']]';
  const operand = (): string => {
    const t = p.peek();
    if (!t) eof();
    if (t?.kind !== 'word' || isEnd()) return p.error(`bash: unexpected argument \`${peek() ?? 'newline'}' to conditional binary operator\nbash: syntax error near \`${peek() ?? 'newline'}'`);
    p.pos++;
    return t.text;
  };
  // The right side of =~ runs to the next blank: parentheses and bars are the expression's own.
  const regexOperand = (): string => {
    const first = p.peek();
    if (!first || isEnd()) return operand();
    let last = first;
    p.pos++;
    for (let t = p.peek(); t && t.start === last.end && !(t.kind === 'word' && t.text === ']]'); t = p.peek()) {
      last = t;
      p.pos++;
    }
    return p.src.slice(first.start, last.end);
  };

  const term = (): Node => {
    const t = p.peek();
    if (!t) return eof();
    if (t.kind === 'newline') return p.fail(t);
    const w = peek();
    if (w === undefined || isEnd() || w === '&&' || w === '||' || w === ')') return p.error(`bash: syntax error in conditional expression\nbash: syntax error near \`${w ?? t.kind}'`);
    if (t.kind === 'word' && w === '!') {
      p.pos++;
      return { kind: 'not', node: term() };
    }
    if (w === '(') {
      p.pos++;
      const node = or();
      if (!p.peek()) eof();
      if (peek() !== ')') return p.error(`bash: syntax error in conditional expression: unexpected token \`${peek() ?? 'newline'}'`);
      p.pos++;
      return node;
    }
    p.pos++;
    const next = p.peek();
    const nextText = text(next);
    if (UNARY.has(w) && next?.kind === 'word' && !isEnd()) {
      p.pos++;
      return { kind: 'unary', op: w, word: next.text };
    }
    if (nextText !== undefined && BINARY.has(nextText) && !(next?.kind === 'word' && nextText === ']]')) {
      p.pos++;
      return { kind: 'binary', op: nextText, left: w, right: nextText === '=~' ? regexOperand() : operand() };
    }
    if (!next) eof();
    if (!isEnd() && nextText !== '&&' && nextText !== '||' && nextText !== ')') {
      return p.error(`bash: conditional binary operator expected\nbash: syntax error near \`${nextText ?? 'newline'}'`);
    }
    return { kind: 'word', word: w };
  };
  const and = (): Node => {
    let node = term();
    while (peek() === '&&') {
      p.pos++;
      p.skipNewlines();
      node = { kind: 'and', left: node, right: term() };
    }
    return node;
  };
  const or = (): Node => {
    let node = and();
    while (peek() === '||') {
      p.pos++;
      p.skipNewlines();
      node = { kind: 'or', left: node, right: and() };
    }
    return node;
  };

  if (isEnd()) p.fail(p.peek());
  const tree = or();
  if (!p.peek()) eof();
  if (!isEnd()) p.error(`bash: syntax error in conditional expression\nbash: syntax error near \`${peek() ?? 'newline'}'`);
  p.pos++;
  return (sh) => {
    try {
      return evaluateNode(sh, tree) ? 0 : 1;
    } catch (e) {
      if (!(e instanceof ExpansionError || e instanceof ArithmeticError)) throw e;
      sh.write('stderr', `${e instanceof ArithmeticError ? 'bash: ' : ''}${e.message}\n`);
      return 1;
    }
  };
}

function evaluateNode(sh: Shell, node: Node): boolean {
  const env = sh.expandEnv();
  const word = (raw: string): string => expandString(raw, env);
  const number = (raw: string): bigint => evaluate(word(raw), { get: env.getVar, set: env.setVar });
  switch (node.kind) {
    case 'and': return evaluateNode(sh, node.left) && evaluateNode(sh, node.right);
    case 'or': return evaluateNode(sh, node.left) || evaluateNode(sh, node.right);
    case 'not': return !evaluateNode(sh, node.node);
    case 'word': return word(node.word) !== '';
    case 'unary': return testCommand('[[', [node.op, word(node.word)], shellProbe(sh)).status === 0;
    case 'binary': {
      const { op, left, right } = node;
      switch (op) {
        case '==': case '=': return matchesGlob(word(left), right, env);
        case '!=': return !matchesGlob(word(left), right, env);
        case '=~': {
          const m = matchRegex(word(left), right, env);
          // BASH_REMATCH is an array in bash; here its element 0, what `$BASH_REMATCH` shows.
          if (m) sh.frame.vars.set('BASH_REMATCH', m[0]);
          else sh.frame.vars.delete('BASH_REMATCH');
          return !!m;
        }
        case '<': return word(left) < word(right);
        case '>': return word(left) > word(right);
        case '-nt': case '-ot': case '-ef': return false;
      }
      const [a, b] = [number(left), number(right)];
      return op === '-eq' ? a === b : op === '-ne' ? a !== b : op === '-lt' ? a < b : op === '-le' ? a <= b : op === '-gt' ? a > b : a >= b;
    }
  }
}
