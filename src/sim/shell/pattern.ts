/**
 * Pattern words as bash reads them in `case` and `[[ … == … ]]` (globs) and `[[ … =~ … ]]`
 * (extended regular expressions): the unquoted parts are patterns after expansion, the quoted
 * parts and backslash-escaped characters match themselves.
 */
import { expandString, type ExpandEnv } from './expand.ts';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A glob (`*`, `?`, `[…]`, `[!…]`) as a regular expression source. */
function globSource(glob: string): string {
  let src = '';
  const bracket = /\[(?:[!^])?\]?(?:\[:\w+:\]|[^\]])*\]/y;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    bracket.lastIndex = i;
    const end = c === '[' && bracket.test(glob) ? bracket.lastIndex - 1 : -1;
    if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (end > 0) {
      const body = glob.slice(i + 1, end);
      const negate = /^[!^]/.test(body);
      const inner = (negate ? body.slice(1) : body).replace(/\\|\^/g, '\\$&').replace(/^\]/, '\\]');
      src += `[${negate ? '^' : ''}${posixClasses(inner)}]`;
      i = end;
    } else src += escapeRegex(c);
  }
  return src;
}

/** POSIX character classes inside a bracket expression, for JavaScript. */
function posixClasses(body: string): string {
  const classes: Record<string, string> = {
    alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', digit: '0-9', lower: 'a-z', upper: 'A-Z', space: ' \\t\\n\\r\\f\\v',
    blank: ' \\t', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', word: '\\w',
  };
  return body.replace(/\[:(\w+):\]/g, (m, name: string) => classes[name] ?? m);
}

/**
 * Splits a raw word into the parts a pattern reads as pattern (unquoted, expanded) and the parts
 * it reads as text (quoted or escaped); a word with a substitution is expanded whole, as pattern.
 */
function parts(raw: string, env: ExpandEnv): { text: string; quoted: boolean }[] {
  if (/\$[({]|`/.test(raw)) return [{ text: expandString(raw, env), quoted: false }];
  const out: { text: string; quoted: boolean }[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) out.push({ text: expandString(plain, env), quoted: false });
    plain = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      flush();
      out.push({ text: raw[++i], quoted: true });
    } else if (c === "'" || c === '"') {
      const end = raw.indexOf(c, i + 1);
      const stop = end < 0 ? raw.length : end;
      flush();
      out.push({ text: c === "'" ? raw.slice(i + 1, stop) : expandString(raw.slice(i, stop + 1), env), quoted: true });
      i = stop;
    } else plain += c;
  }
  flush();
  return out;
}

/** Whether `value` matches the glob pattern word `raw` (`case`, `[[ == ]]`). */
export function matchesGlob(value: string, raw: string, env: ExpandEnv): boolean {
  const src = parts(raw, env).map((p) => (p.quoted ? escapeRegex(p.text) : globSource(p.text))).join('');
  return new RegExp(`^${src}$`, 's').test(value);
}

/** The match of the extended regular expression word `raw` in `value` (`[[ =~ ]]`), null for none, undefined for a bad expression. */
export function matchRegex(value: string, raw: string, env: ExpandEnv): RegExpExecArray | null | undefined {
  const src = parts(raw, env).map((p) => (p.quoted ? escapeRegex(p.text) : posixClasses(p.text))).join('');
  try {
    return new RegExp(src).exec(value);
  } catch {
    return undefined;
  }
}
