/**
 * POSIX regular expressions (GNU flavour) translated to JavaScript ones. BRE treats `( ) { } | + ?`
 * as literals and their backslashed forms as operators; ERE the other way round. Bracket
 * expressions keep POSIX classes like [[:space:]].
 */

const CLASS: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

/** Why a pattern is invalid, in GNU grep/sed wording. */
export class RegexError extends Error {}

/** Translates a POSIX pattern (BRE unless `extended`) to JavaScript regex source. */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const atStart = (): boolean => out === '' || out.endsWith('(') || out.endsWith('|') || out.endsWith('(?:');
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '[') {
      const r = bracket(pattern, i);
      out += r.src;
      i = r.next;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new RegexError('Trailing backslash');
      i += 2;
      if (!extended && n === '(') { out += '('; depth++; continue; }
      if (!extended && n === ')') {
        if (depth === 0) throw new RegexError('Unmatched ) or \\)');
        out += ')';
        depth--;
        continue;
      }
      if (!extended && (n === '{' || n === '}')) { out += n; continue; }
      if (!extended && (n === '|' || n === '+' || n === '?')) { out += n; continue; }
      if (n === '<' || n === '>') { out += '\\b'; continue; }
      if (/[1-9wWsSbB]/.test(n)) { out += '\\' + n; continue; }
      out += escapeJs(n);
      continue;
    }
    if (extended) {
      if (c === '(') depth++;
      if (c === ')') {
        if (depth === 0) { out += '\\)'; i++; continue; }
        depth--;
      }
      if ((c === '*' || c === '+' || c === '?') && atStart()) { out += '\\' + c; i++; continue; }
      if (c === '{' && !/^\{\d*(,\d*)?\}/.test(pattern.slice(i))) { out += '\\{'; i++; continue; }
      out += c === '/' ? '\\/' : c;
      i++;
      continue;
    }
    if (c === '*' && atStart()) { out += '\\*'; i++; continue; }
    if (c === '^' && !atStart()) { out += '\\^'; i++; continue; }
    if (c === '$' && i + 1 < pattern.length && !pattern.startsWith('\\)', i + 1) && !pattern.startsWith('\\|', i + 1)) { out += '\\$'; i++; continue; }
    out += '(){}|+?/'.includes(c) ? '\\' + c : c;
    i++;
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

function bracket(p: string, start: number): { src: string; next: number } {
  let i = start + 1;
  let out = '[';
  if (p[i] === '^') { out += '^'; i++; }
  if (p[i] === ']') { out += '\\]'; i++; }
  while (i < p.length && p[i] !== ']') {
    if (p.startsWith('[:', i)) {
      const end = p.indexOf(':]', i + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, end);
      const cls = CLASS[name];
      if (cls === undefined) throw new RegexError('Invalid character class name');
      out += cls;
      i = end + 2;
      continue;
    }
    const c = p[i];
    out += c === '\\' || c === '[' ? '\\' + c : c;
    i++;
  }
  if (i >= p.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
  return { src: out + ']', next: i + 1 };
}

/** Compiles a POSIX pattern; throws RegexError with GNU's message when it is invalid. */
export function compilePosix(pattern: string, extended: boolean, flags: string): RegExp {
  const src = posixToJs(pattern, extended);
  try {
    return new RegExp(src, flags);
  } catch {
    if (/\{[^}]*$/.test(pattern)) throw new RegexError('Unmatched \\{');
    throw new RegexError('Invalid regular expression');
  }
}
