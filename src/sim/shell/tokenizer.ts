/**
 * Splits shell input into words and operators the way bash's reader does: quotes and `$(...)`
 * keep a word together, here-document bodies are read after the line that announced them.
 * Words keep their quotes; expansion (expand.ts) removes them later, as bash does.
 */

/** A here-document body, filled in when the tokenizer reaches the end of its line. */
export interface HereDoc {
  delimiter: string;
  /** False when the delimiter was quoted (`<<'EOF'`): the body is taken literally. */
  expand: boolean;
  stripTabs: boolean;
  body: string;
}

export type Token =
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'redir'; op: string; fd: number | undefined; start: number; end: number; heredoc?: HereDoc }
  | { kind: 'newline'; start: number; end: number };

/** The tokens of an input, or the first error bash would report while reading it. */
export interface TokenizeResult {
  tokens: Token[];
  error?: string;
  /** Warnings bash prints but goes on after (a here-document ended by end of file). */
  warnings: string[];
}

const META = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);
// Longest first: `;;&` and `;&` end a case item (bash 4's fall-through forms).
const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|', '&', ';', '(', ')'];
const OPERATOR_START = new Set(['&', '|', ';', '(', ')']);
/** Word characters that are neither a metacharacter nor the start of a quote, escape or substitution. */
const PLAIN = /[^ \t\n|&;<>()\\'"`$]+/y;
const REDIRS = ['<<<', '<<-', '&>>', '<<', '>>', '>&', '<&', '&>', '>|', '<>', '>', '<'];

/** Reads `src` into tokens. Never throws; an unterminated quote becomes `error`. */
export function tokenize(src: string): TokenizeResult {
  const tokens: Token[] = [];
  const warnings: string[] = [];
  const pending: HereDoc[] = [];
  let expectHeredocWord: { stripTabs: boolean; token: Token & { kind: 'redir' } } | undefined;
  let i = 0;
  let line = 1;
  const n = src.length;

  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; continue; }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      const start = i;
      i++;
      line++;
      for (const doc of pending.splice(0)) {
        const r = readHereDoc(src, i, doc);
        i = r.next;
        line += r.lines;
        if (!r.terminated) {
          warnings.push(`bash: warning: here-document at line ${line - r.lines - 1} delimited by end-of-file (wanted \`${doc.delimiter}')`);
        }
      }
      tokens.push({ kind: 'newline', start, end: i });
      continue;
    }
    // A redirection, possibly with its file descriptor number glued in front (2>, 2>&1). Most
    // tokens are plain words: look for an operator only where one may start.
    const fdMatch = c >= '0' && c <= '9' ? /^[0-9]+(?=[<>])/.exec(src.slice(i, i + 12)) : null;
    const redirAt = fdMatch ? i + fdMatch[0].length : i;
    const r0 = src[redirAt];
    const redirOp = r0 === '<' || r0 === '>' || r0 === '&' ? REDIRS.find((r) => src.startsWith(r, redirAt)) : undefined;
    if (redirOp && !(redirOp === '<' && src[redirAt + 1] === '(')) {
      const tok: Token & { kind: 'redir' } = {
        kind: 'redir', op: redirOp, fd: fdMatch ? Number(fdMatch[0]) : undefined, start: i, end: redirAt + redirOp.length,
      };
      tokens.push(tok);
      i = tok.end;
      if (redirOp === '<<' || redirOp === '<<-') expectHeredocWord = { stripTabs: redirOp === '<<-', token: tok };
      continue;
    }
    const op = OPERATOR_START.has(c) ? OPERATORS.find((o) => src.startsWith(o, i)) : undefined;
    if (op) {
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const w = readWord(src, i);
    if (w.error) return { tokens, error: w.error, warnings };
    const text = src.slice(i, w.next);
    if (text.includes('\n')) line += countNewlines(src, i, w.next);
    tokens.push({ kind: 'word', text, start: i, end: w.next });
    i = w.next;
    if (expectHeredocWord) {
      const raw = src.slice(tokens[tokens.length - 1].start, i);
      const doc: HereDoc = {
        delimiter: removeQuotes(raw),
        expand: !/['"\\]/.test(raw),
        stripTabs: expectHeredocWord.stripTabs,
        body: '',
      };
      expectHeredocWord.token.heredoc = doc;
      pending.push(doc);
      expectHeredocWord = undefined;
    }
  }
  for (const doc of pending) {
    warnings.push(`bash: warning: here-document at line ${line} delimited by end-of-file (wanted \`${doc.delimiter}')`);
  }
  return { tokens, warnings };
}

function countNewlines(src: string, from: number, to: number): number {
  let k = 0;
  for (let j = from; j < to; j++) if (src[j] === '\n') k++;
  return k;
}

/** Newlines in `src` between `from` and `to`, found natively. */
function newlinesIn(src: string, from: number, to: number): number {
  let k = 0;
  for (let j = src.indexOf('\n', from); j !== -1 && j < to; j = src.indexOf('\n', j + 1)) k++;
  return k;
}

/** Where the line that is exactly `delimiter` (a `\r` before its newline allowed) starts, from line start `at`. */
function delimiterLine(src: string, at: number, delimiter: string): number {
  for (;;) {
    if (src.startsWith(delimiter, at)) {
      const after = at + delimiter.length;
      const c = src[after];
      if (c === undefined || c === '\n' || (c === '\r' && (after + 1 === src.length || src[after + 1] === '\n'))) return at;
    }
    const nl = src.indexOf('\n' + delimiter, at);
    if (nl === -1) return -1;
    at = nl + 1;
  }
}

function readHereDoc(src: string, from: number, doc: HereDoc): { next: number; lines: number; terminated: boolean } {
  // Without <<- the body is the text up to the delimiter line: found with native searches rather
  // than line by line, as a pasted manifest of thousands of lines is read before the JIT warms up.
  if (!doc.stripTabs) {
    const at = delimiterLine(src, from, doc.delimiter);
    const stop = at === -1 ? src.length : at;
    let body = src.slice(from, stop);
    if (body.includes('\r')) body = body.replace(/\r\n/g, '\n').replace(/\r$/, '');
    if (body !== '' && !body.endsWith('\n')) body += '\n';
    doc.body = body;
    if (at === -1) return { next: src.length, lines: newlinesIn(src, from, src.length) + (src.endsWith('\n') || from >= src.length ? 0 : 1), terminated: false };
    const end = src.indexOf('\n', at);
    const next = end === -1 ? src.length : end + 1;
    return { next, lines: newlinesIn(src, from, at) + 1, terminated: true };
  }
  let i = from;
  let lines = 0;
  const body: string[] = [];
  while (i < src.length) {
    let end = src.indexOf('\n', i);
    if (end < 0) end = src.length;
    let text = src.slice(i, end);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    i = Math.min(end + 1, src.length);
    lines++;
    const cmp = doc.stripTabs ? text.replace(/^\t+/, '') : text;
    if (cmp === doc.delimiter) {
      doc.body = body.join('');
      return { next: i, lines, terminated: true };
    }
    body.push(cmp + '\n');
  }
  doc.body = body.join('');
  return { next: i, lines, terminated: false };
}

/** Finds where a word starting at `i` ends, skipping over quotes and substitutions. */
function readWord(src: string, start: number): { next: number; error?: string } {
  let i = start;
  while (i < src.length) {
    // A run of plain characters in one native step: a long line is read before the JIT warms up.
    PLAIN.lastIndex = i;
    if (PLAIN.test(src)) {
      i = PLAIN.lastIndex;
      if (i >= src.length) break;
    }
    const c = src[i];
    if (META.has(c)) {
      // `<(cmd)` process substitution stays inside the word.
      if (c === '<' && src[i + 1] === '(') {
        const r = skipParens(src, i + 2);
        if (r.error) return r;
        i = r.next;
        continue;
      }
      // VAR=(...) array assignment is read as one word.
      if (c === '(' && i > start && src[i - 1] === '=') {
        const r = skipParens(src, i + 1);
        if (r.error) return r;
        i = r.next;
        continue;
      }
      break;
    }
    const r = skipQuoted(src, i);
    if (r.error) return r;
    i = r.next;
  }
  return { next: i };
}

/** Skips one unit of a word at `i`: a plain char, an escape, a quoted string or a substitution. */
export function skipQuoted(src: string, i: number): { next: number; error?: string } {
  const c = src[i];
  if (c === '\\') return { next: Math.min(i + 2, src.length) };
  if (c === "'") {
    const end = src.indexOf("'", i + 1);
    if (end < 0) return { next: src.length, error: "bash: unexpected EOF while looking for matching `''" };
    return { next: end + 1 };
  }
  if (c === '"') {
    let j = i + 1;
    while (j < src.length && src[j] !== '"') {
      if (src[j] === '\\') { j += 2; continue; }
      if (src[j] === '$' && src[j + 1] === '(') {
        const r = skipParens(src, j + 2);
        if (r.error) return r;
        j = r.next;
        continue;
      }
      if (src[j] === '`') {
        const r = skipQuoted(src, j);
        if (r.error) return r;
        j = r.next;
        continue;
      }
      j++;
    }
    if (j >= src.length) return { next: src.length, error: 'bash: unexpected EOF while looking for matching `"\'' };
    return { next: j + 1 };
  }
  if (c === '`') {
    let j = i + 1;
    while (j < src.length && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
    if (j >= src.length) return { next: src.length, error: "bash: unexpected EOF while looking for matching ``'" };
    return { next: j + 1 };
  }
  if (c === '$' && src[i + 1] === '(') return skipParens(src, i + 2);
  if (c === '$' && src[i + 1] === '{') {
    const end = src.indexOf('}', i + 2);
    if (end < 0) return { next: src.length, error: "bash: unexpected EOF while looking for matching `}'" };
    return { next: end + 1 };
  }
  return { next: i + 1 };
}

/** Skips to just after the `)` that closes a `(` opened before `i`. */
function skipParens(src: string, i: number): { next: number; error?: string } {
  let depth = 1;
  let j = i;
  while (j < src.length) {
    const c = src[j];
    if (c === '(') { depth++; j++; continue; }
    if (c === ')') {
      depth--;
      j++;
      if (depth === 0) return { next: j };
      continue;
    }
    if (c === "'" || c === '"' || c === '\\' || c === '`') {
      const r = skipQuoted(src, j);
      if (r.error) return r;
      j = r.next;
      continue;
    }
    j++;
  }
  return { next: src.length, error: "bash: unexpected EOF while looking for matching `)'" };
}

/** Quote removal for a here-document delimiter (no expansion happens there). */
function removeQuotes(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
    } else if (c === '"') {
      continue;
    } else if (c === '\\' && i + 1 < raw.length) {
      out += raw[++i];
    } else {
      out += c;
    }
  }
  return out;
}
