/**
 * Go's text renderings of decoded JSON values, as kubectl's Go code produces them: `%v`
 * (fmt.Sprint), `%#v`, `%q`, `%#U`, and encoding/json's Marshal. The values are what
 * unstructured decoding yields: map[string]interface{}, []interface{}, string, int64 (integral
 * numbers), float64, bool and nil.
 */

const hex = '0123456789abcdef';

/** Compares two strings in UTF-8 byte order (= code point order), as Go's sort.Strings and fmt do. */
export function compareGo(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (astral code point) is above every BMP unit in code point order.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Object keys in Go's map printing order. */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).filter((k) => m[k] !== undefined).sort(compareGo);
}

/** Whether a JSON number decodes to int64 in unstructured content (else float64). */
export function isInt64(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) <= 9223372036854775807;
}

/** strconv.FormatInt of an integral float64 that unstructured decoding turned into int64. */
export function formatInt(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (Math.abs(n) < 1e21) return String(n);
  return BigInt(n).toString();
}

/** Shortest round-trip digits and decimal exponent of a finite non-zero float. */
function shortest(f: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(f).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/** strconv.FormatFloat(f, 'g', -1, 64): what fmt's %v prints for a float64 (1e+06, 0.5, 1.5e-05). */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const sign = f < 0 ? '-' : '';
  const { digits, exp } = shortest(f);
  // With the shortest precision Go's %g switches to %e from exponent 6 (1e+06), not 21.
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ea = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ea < 10 ? '0' : ''}${ea}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Go's unicode.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}

function hex4(n: number, width: number): string {
  let s = n.toString(16);
  while (s.length < width) s = '0' + s;
  return s;
}

/** strconv.Quote: what %q prints. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // A lone surrogate is not valid UTF-8: Go sees a bad byte and quotes U+FFFD's escape.
      out += '\\ufffd';
      continue;
    }
    if (ch === '"' || ch === '\\') { out += '\\' + ch; continue; }
    if (isPrint(cp)) { out += ch; continue; }
    switch (ch) {
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex[cp >> 4] + hex[cp & 15];
    else if (cp < 0x10000) out += '\\u' + hex4(cp, 4);
    else out += '\\U' + hex4(cp, 8);
  }
  return out + '"';
}

/** fmt's %#U of a rune: U+0023 '#' (the quoted glyph only when printable). */
export function goRuneU(cp: number): string {
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(cp) ? `${u} '${String.fromCodePoint(cp)}'` : u;
}

/** How one of Go's printers spells containers; scalars are left to `scalar`. */
interface Style {
  scalar(v: unknown): string;
  map: [open: string, sep: string, close: string];
  key(k: string): string;
  slice: [open: string, sep: string, close: string];
}

/** Renders nested maps and slices without recursion, so deep objects cannot overflow the stack. */
function render(root: unknown, style: Style): string {
  let out = '';
  const stack: { entries: [string, unknown][]; i: number; sep: string; close: string }[] = [];
  let pending: [string, unknown] | undefined = ['', root];
  for (;;) {
    if (pending) {
      const [prefix, v] = pending;
      pending = undefined;
      out += prefix;
      if (v !== null && typeof v === 'object') {
        const isSlice = Array.isArray(v);
        const [open, sep, close] = isSlice ? style.slice : style.map;
        out += open;
        const entries: [string, unknown][] = isSlice
          ? (v as unknown[]).map((x) => ['', x])
          : sortedKeys(v as Record<string, unknown>).map((k) => [style.key(k), (v as Record<string, unknown>)[k]]);
        stack.push({ entries, i: 0, sep, close });
      } else {
        out += style.scalar(v);
      }
    }
    const top = stack[stack.length - 1];
    if (!top) return out;
    if (top.i < top.entries.length) {
      const [k, v] = top.entries[top.i];
      pending = [(top.i > 0 ? top.sep : '') + k, v];
      top.i++;
    } else {
      out += top.close;
      stack.pop();
    }
  }
}

function goNumber(n: number): string {
  return isInt64(n) ? formatInt(n) : formatFloatG(n);
}

const vStyle: Style = {
  scalar: (v) => (v === null || v === undefined ? '<nil>' : typeof v === 'number' ? goNumber(v) : String(v)),
  map: ['map[', ' ', ']'],
  key: (k) => `${k}:`,
  slice: ['[', ' ', ']'],
};

const sharpVStyle: Style = {
  scalar: (v) =>
    v === null || v === undefined ? 'interface {}(nil)' : typeof v === 'string' ? goQuote(v) : typeof v === 'number' ? goNumber(v) : String(v),
  map: ['map[string]interface {}{', ', ', '}'],
  key: (k) => `${goQuote(k)}:`,
  slice: ['[]interface {}{', ', ', '}'],
};

/** fmt.Sprint / %v of a decoded JSON value: map[a:1 b:[x y]], <nil> for null. */
export function goV(v: unknown): string {
  return render(v, vStyle);
}

/** %#v of a decoded JSON value held in an interface{}: map[string]interface {}{"a":1}, interface {}(nil). */
export function goSharpV(v: unknown): string {
  return render(v, sharpVStyle);
}

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { out += s[i] + s[i + 1]; i++; continue; }
    }
    if (c >= 0xd800 && c <= 0xdfff) { out += '\\ufffd'; continue; }
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      // encoding/json escapes HTML-significant characters and the JS line separators.
      case 0x3c: case 0x3e: case 0x26: case 0x2028: case 0x2029:
        out += '\\u' + hex4(c, 4); continue;
    }
    out += c < 0x20 ? '\\u00' + hex[c >> 4] + hex[c & 15] : s[i];
  }
  return out + '"';
}

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${formatFloatG(f)}`);
  // Go's float64 encoding (%f below 1e21, %e from 1e21 or under 1e-6) matches JS's shortest form.
  return String(f);
}

const jsonStyle: Style = {
  scalar: (v) =>
    v === null || v === undefined ? 'null'
      : typeof v === 'string' ? jsonString(v)
        : typeof v === 'number' ? (isInt64(v) ? formatInt(v) : jsonFloat(v))
          : typeof v === 'boolean' ? String(v) : 'null',
  map: ['{', ',', '}'],
  key: (k) => `${jsonString(k)}:`,
  slice: ['[', ',', ']'],
};

/** json.Marshal of a decoded JSON value: compact, keys sorted, HTML characters escaped. */
export function goJson(v: unknown): string {
  return render(v, jsonStyle);
}
