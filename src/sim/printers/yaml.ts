/**
 * `-o yaml`: sigs.k8s.io/yaml → go-yaml v2 style. Keys sorted with go-yaml's keyList.Less,
 * sequences not indented under their key, strings quoted only when a plain scalar would read
 * back as something else (bools, numbers, null, timestamps) or cannot be plain, long scalars
 * folded at 80 columns, multi-line strings as literal blocks.
 */

const BEST_WIDTH = 80;

/** go-yaml v2's keyList.Less for string keys (letters after non-letters, digit runs numeric). */
export function yamlKeyLess(a: string, b: string): boolean {
  const na = numericKey(a);
  const nb = numericKey(b);
  if (na !== undefined && nb !== undefined && na !== nb) return na < nb;
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--)
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function numericKey(s: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

function isLetter(c: string): boolean {
  return /\p{L}/u.test(c);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

const BOOL_NULL = new Set([
  '', '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE',
  'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '.inf', '.Inf', '.INF', '+.inf', '-.inf', '.nan', '.NaN', '.NAN',
]);

/** Whether go-yaml's resolve() reads a plain scalar as something other than a string. */
function resolvesNonString(s: string): boolean {
  if (BOOL_NULL.has(s)) return true;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?0[0-7_]+$/.test(s) || /^[-+]?0x[0-9a-fA-F_]+$/.test(s) || /^[-+]?0b[01_]+$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true; // base 60
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/.test(s)) return true; // timestamps
  return false;
}

/** Whether the emitter allows the plain style in block context (yaml_emitter_analyze_scalar). */
function plainAllowed(s: string): boolean {
  if (s === '' || s.startsWith('---') || s.startsWith('...')) return false;
  if ('#,[]{}&*!|>\'"%@`'.includes(s[0])) return false;
  if ((s[0] === '-' || s[0] === '?' || s[0] === ':') && (s.length === 1 || s[1] === ' ')) return false;
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #')) return false;
  if (/^\s|\s$/.test(s)) return false;
  return !hasSpecial(s);
}

/** Characters libyaml does not count as printable (they force the double-quoted style). */
function hasSpecial(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x09\x0b-\x1f\x7f]/.test(s);
}

function doubleQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0').toUpperCase();
    else out += ch;
  }
  return out + '"';
}

/** Folds a one-line scalar at spaces once the column passes 80, as the emitter's writers do. */
function fold(text: string, startColumn: number, indent: number): string {
  let out = '';
  let column = startColumn;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ' && i > 0 && chars[i - 1] !== ' ' && i + 1 < chars.length && chars[i + 1] !== ' ' && column > BEST_WIDTH) {
      out += '\n' + ' '.repeat(indent);
      column = indent;
      continue;
    }
    out += ch;
    column++;
  }
  return out;
}

/** The scalar text for a string value at a column, with the indent of continuation lines. */
function stringScalar(s: string, column: number, indent: number): string {
  if (s.includes('\n')) {
    const lines = s.split('\n');
    const trailingSpace = lines.some((l, i) => / $/.test(l) && i < lines.length - 1);
    // eslint-disable-next-line no-control-regex
    if (!trailingSpace && !/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) {
      let chomp = '-';
      let body = s;
      if (s.endsWith('\n')) {
        chomp = s.endsWith('\n\n') || s === '\n' ? '+' : '';
        body = chomp === '+' ? s.slice(0, -1) : s.slice(0, -1);
      }
      const indicator = /^[ \n]/.test(s) ? '2' : '';
      const pad = ' '.repeat(indent);
      const out = body
        .split('\n')
        .map((l) => (l === '' ? '' : pad + l))
        .join('\n');
      return `|${indicator}${chomp}\n${out}`;
    }
    return doubleQuote(s);
  }
  if (resolvesNonString(s)) return doubleQuote(s);
  if (plainAllowed(s)) return fold(s, column, indent);
  if (hasSpecial(s)) return doubleQuote(s);
  return fold(`'${s.replace(/'/g, "''")}'`, column, indent);
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return stringScalar(String(v), column, indent);
}

function isEmptyCollection(v: unknown): string | undefined {
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).length === 0)
    return '{}';
  return undefined;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => (a === b ? 0 : yamlKeyLess(a, b) ? -1 : 1));
}

function keyText(k: string): string {
  return stringScalar(k, 0, 0);
}

function emit(v: unknown, indent: number, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      const pad = ' '.repeat(indent);
      const empty = isEmptyCollection(item);
      if (empty) out.push(`${pad}- ${empty}`);
      else if (Array.isArray(item)) {
        const sub: string[] = [];
        emit(item, indent + 2, sub);
        sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
        out.push(...sub);
      } else if (item && typeof item === 'object') {
        const sub: string[] = [];
        emit(item, indent + 2, sub);
        sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
        out.push(...sub);
      } else out.push(`${pad}- ${scalar(item, indent + 2, indent + 2)}`);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  for (const k of sortedKeys(o)) {
    const val = o[k];
    const pad = ' '.repeat(indent);
    const key = keyText(k);
    const empty = isEmptyCollection(val);
    if (empty) out.push(`${pad}${key}: ${empty}`);
    else if (Array.isArray(val)) {
      out.push(`${pad}${key}:`);
      emit(val, indent, out);
    } else if (val && typeof val === 'object') {
      out.push(`${pad}${key}:`);
      emit(val, indent + 2, out);
    } else out.push(`${pad}${key}: ${scalar(val, indent + key.length + 2, indent + 2)}`);
  }
}

/** YAML text of a value as kubectl prints it, with a trailing newline. */
export function toYaml(v: unknown): string {
  const empty = isEmptyCollection(v);
  if (empty) return empty + '\n';
  if (v === null || typeof v !== 'object') return scalar(v, 0, 0) + '\n';
  const out: string[] = [];
  emit(v, 0, out);
  return out.join('\n') + '\n';
}
