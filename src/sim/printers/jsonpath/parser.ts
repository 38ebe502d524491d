/**
 * The JSONPath template parser of k8s.io/client-go/util/jsonpath (parser.go), ported token for
 * token so that the same templates parse into the same nodes and fail with the same messages.
 * Upstream recurses once per token; this port loops instead, so long templates cannot overflow
 * the stack.
 */

import { goRuneU } from './gofmt.ts';

/** One bound of an array slice `[start:end:step]`, as upstream's ParamsEntry. */
export interface ParamsEntry {
  value: number;
  known: boolean;
  /** The end bound was derived from the start (`[i]` means `[i:i+1]`). */
  derived: boolean;
}

export interface ListNode { type: 'list'; nodes: Node[] }
/** A node of a parsed template (upstream node.go). */
export type Node =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

const EOF = -1;
const dictKeyRex = /^'([^']*)'$/;
const sliceOperatorRex = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
// Go's `.` stops only at \n, hence [^\n] for the right operand.
const filterRex = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/u;

function isDigit(r: number): boolean {
  return r >= 0x30 && r <= 0x39 ? true : r > 0x7f && /^\p{Nd}$/u.test(String.fromCodePoint(r));
}
function isLetter(r: number): boolean {
  if ((r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a)) return true;
  return r > 0x7f && /^\p{L}$/u.test(String.fromCodePoint(r));
}
function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || isLetter(r) || isDigit(r);
}
function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}
function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}
/** Characters that end a field name or identifier. */
function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  switch (r) {
    case EOF: case 0x2e: case 0x2c: case 0x5b: case 0x5d: case 0x24: case 0x40: case 0x7b: case 0x7d:
      return true;
  }
  return false;
}

/** strconv.Atoi: ASCII decimal with an optional sign, within int64; undefined when it fails. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const b = BigInt(s);
  if (b > 9223372036854775807n || b < -9223372036854775808n) return undefined;
  return Number(b);
}

/** strconv.ParseFloat on the digits-and-dots text parseNumber collects. */
function parseFloatGo(s: string): number | undefined {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return undefined;
  return Number(s);
}

const simpleEscapes: Record<string, number> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c,
};

/** UnquoteExtend: strconv.Unquote that also accepts single-quoted strings; undefined on bad syntax. */
export function unquoteExtend(s: string): string | undefined {
  const n = s.length;
  if (n < 2) return undefined;
  const quote = s[0];
  if (quote !== s[n - 1]) return undefined;
  if (quote !== '"' && quote !== "'") return undefined;
  const body = s.slice(1, n - 1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  // Escapes may produce raw bytes (\xff, \377): collect UTF-8 bytes and decode once.
  const bytes: number[] = [];
  const enc = new TextEncoder();
  let i = 0;
  while (i < body.length) {
    const cp = body.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (ch === quote) return undefined;
    if (ch !== '\\') {
      for (const b of enc.encode(ch)) bytes.push(b);
      i += ch.length;
      continue;
    }
    if (i + 1 >= body.length) return undefined;
    const c = body[i + 1];
    i += 2;
    if (c in simpleEscapes) { bytes.push(simpleEscapes[c]); continue; }
    if (c === "'" || c === '"') {
      if (c !== quote) return undefined;
      bytes.push(c.charCodeAt(0));
      continue;
    }
    if (c === 'x' || c === 'u' || c === 'U') {
      const len = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const digits = body.slice(i, i + len);
      if (digits.length < len || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
      i += len;
      const v = parseInt(digits, 16);
      if (c === 'x') { bytes.push(v); continue; }
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      for (const b of enc.encode(String.fromCodePoint(v))) bytes.push(b);
      continue;
    }
    if (c >= '0' && c <= '7') {
      const digits = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(digits)) return undefined;
      const v = parseInt(digits, 8);
      if (v > 255) return undefined;
      i += 2;
      bytes.push(v);
      continue;
    }
    return undefined;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

type Next = 'text' | 'inside';

/** Parses one template into its root list of text and action nodes. */
class Parser {
  readonly root: ListNode = { type: 'list', nodes: [] };
  private pos = 0;
  private start = 0;
  private width = 0;
  private readonly input: string;

  constructor(input: string) {
    this.input = input;
  }

  parse(): ListNode {
    let state: Next = 'text';
    let cur: ListNode = this.root;
    for (;;) {
      if (state === 'text') {
        const action = this.parseText();
        if (!action) return this.root;
        cur = action;
        state = 'inside';
      } else {
        state = this.parseInsideAction(cur);
      }
    }
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) as number;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  /** Literal text up to the next `{`; returns the new action list, or undefined at the end. */
  private parseText(): ListNode | undefined {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const list: ListNode = { type: 'list', nodes: [] };
        this.root.nodes.push(list);
        return list;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
    return undefined;
  }

  private parseInsideAction(cur: ListNode): Next {
    const rest = this.input.slice(this.pos, this.pos + 3);
    if (rest.startsWith('}')) {
      this.pos += 1;
      this.consumeText();
      return 'text';
    }
    if (rest === '[?(') return this.parseFilter(cur);
    if (rest.startsWith('..')) return this.parseRecursive(cur);

    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new Error('unclosed action');
    if (r === 0x20 || r === 0x40 || r === 0x24) {
      // ' ', '@' (current object) and '$' (root) add no node.
      this.consumeText();
      return 'inside';
    }
    if (r === 0x5b) return this.parseArray(cur);
    if (r === 0x22 || r === 0x27) return this.parseQuote(cur, r);
    if (r === 0x2e) return this.parseField(cur);
    if (r === 0x2b || r === 0x2d || isDigit(r)) {
      this.backup();
      return this.parseNumber(cur);
    }
    if (isAlphaNumeric(r)) {
      this.backup();
      return this.parseIdentifier(cur);
    }
    throw new Error(`unrecognized character in action: ${goRuneU(r)}`);
  }

  private parseIdentifier(cur: ListNode): Next {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    return 'inside';
  }

  private parseRecursive(cur: ListNode): Next {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    return 'inside';
  }

  private parseNumber(cur: ListNode): Next {
    const r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) {
      const d = this.next();
      if (d !== 0x2e && !isDigit(d)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== undefined) {
      cur.nodes.push({ type: 'int', value: i });
      return 'inside';
    }
    const f = parseFloatGo(value);
    if (f !== undefined) {
      cur.nodes.push({ type: 'float', value: f });
      return 'inside';
    }
    throw new Error(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): Next {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new Error('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consumeText();
    text = text.slice(1, text.length - 1);
    if (text === '*') text = ':';

    const strs = text.split(',');
    if (strs.length > 1) {
      const union: ListNode[] = [];
      for (const str of strs) union.push(parseAction(`[${trimSpaces(str)}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return 'inside';
    }

    const dict = dictKeyRex.exec(text);
    if (dict) {
      for (const node of parseAction(`.${dict[1]}`).nodes) cur.nodes.push(node);
      return 'inside';
    }

    const slice = sliceOperatorRex.exec(text);
    if (!slice) throw new Error(`invalid array index ${text}`);
    const parts = [slice[1] ?? '', slice[2] ?? '', slice[3] ?? ''];
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      let part = parts[i];
      const entry: ParamsEntry = { value: 0, known: false, derived: false };
      if (part !== '') {
        if (i > 0) part = part.slice(1);
        if (!(i > 0 && part === '')) {
          const v = atoi(part);
          if (v === undefined) throw new Error(`array index ${part} is not a number`);
          entry.known = true;
          entry.value = v;
        }
      } else if (i === 1) {
        entry.known = true;
        entry.value = params[0].value + 1;
        entry.derived = true;
      }
      params.push(entry);
    }
    cur.nodes.push({ type: 'array', params: [params[0], params[1], params[2]] });
    return 'inside';
  }

  private parseFilter(cur: ListNode): Next {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new Error('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29) {
        // Quotes may appear once, paired, in the right operand; a `)` inside them does not close.
        if (begin === end) break;
      }
    }
    if (this.next() !== 0x5d) throw new Error('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, text.length - 2);
    const m = filterRex.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    } else {
      const left = parseAction(m[1]);
      const right = parseAction(m[3]);
      cur.nodes.push({ type: 'filter', left, right, op: m[2] });
    }
    return 'inside';
  }

  private parseQuote(cur: ListNode, end: number): Next {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new Error('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new Error(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text: s });
    return 'inside';
  }

  private parseField(cur: ListNode): Next {
    this.consumeText();
    while (this.advance()) { /* scan the name */ }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') });
    return 'inside';
  }

  /** Steps over one character of a field name, or stops before an unescaped terminator. */
  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

/** Parses the inside of one action (upstream parseAction): the first list of `{text}`. */
function parseAction(text: string): ListNode {
  const root = new Parser(`{${text}}`).parse();
  return root.nodes[0] as ListNode;
}

/** Parses a whole template; throws an Error with upstream's message when it is malformed. */
export function parseTemplate(text: string): ListNode {
  return new Parser(text).parse();
}
