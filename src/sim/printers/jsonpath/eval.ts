/**
 * The JSONPath evaluator of k8s.io/client-go/util/jsonpath (jsonpath.go): FindResults and
 * PrintResults over decoded JSON. Go walks reflect.Values; what matters of them here is the
 * value's Go kind and whether it is still wrapped in an interface{} (a map entry or slice
 * element) or already concrete (the root, a range item, a `..` container), because printing,
 * comparing and sorting look at that.
 */

import type { ListNode, Node, ParamsEntry } from './parser.ts';
import { compareGo, formatFloatG, formatInt, goJson, goV, isInt64, sortedKeys } from './gofmt.ts';

/** The Go kind of a value: JSON kinds plus the ones the template itself makes (int, uint8 bytes). */
export type GoKind = 'invalid' | 'nil' | 'map' | 'slice' | 'string' | 'int64' | 'float64' | 'bool' | 'int' | 'uint8';

/** A reflect.Value over decoded JSON. */
export interface Val {
  kind: GoKind;
  v: unknown;
  /** Whether the value is an interface{} holding `v` (reflect.Interface kind). */
  boxed: boolean;
}

/** The zero reflect.Value (reflect.ValueOf(nil)). */
export const INVALID: Val = { kind: 'invalid', v: undefined, boxed: false };

/** Limits that keep one evaluation bounded; kubectl has none, the simulator must never hang. */
export const LIMITS = { values: 250_000, rangeDepth: 200 };

function jsonKind(x: unknown): GoKind {
  if (x === null || x === undefined) return 'nil';
  switch (typeof x) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return isInt64(x) ? 'int64' : 'float64';
    case 'object': return Array.isArray(x) ? 'slice' : 'map';
  }
  return 'string';
}

/** reflect.ValueOf(x) for a decoded JSON value. */
export function concrete(x: unknown): Val {
  const kind = jsonKind(x);
  return kind === 'nil' ? INVALID : { kind, v: x, boxed: false };
}

/** An element of a map or slice: an interface{} that may hold nil. */
function boxed(x: unknown): Val {
  return { kind: jsonKind(x), v: x, boxed: true };
}

/** template.Indirect: unwraps the interface; reports a nil interface. */
function indirect(val: Val): [Val, boolean] {
  if (!val.boxed) return [val, false];
  if (val.kind === 'nil') return [val, true];
  return [{ kind: val.kind, v: val.v, boxed: false }, false];
}

/** value.Interface() fed back to reflect.ValueOf: the concrete value, the zero Value for nil. */
function unwrap(val: Val): Val {
  if (val.kind === 'nil' || val.kind === 'invalid') return INVALID;
  return val.boxed ? { kind: val.kind, v: val.v, boxed: false } : val;
}

/** Thrown where Go would panic rather than return an error. */
export class GoPanic extends Error {}

/** reflect's Type().String() of a concrete value. */
export function goTypeName(val: Val): string {
  switch (val.kind) {
    case 'map': return 'map[string]interface {}';
    case 'slice': return '[]interface {}';
    case 'nil': return 'interface {}';
    case 'invalid': throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
    default: return val.kind;
  }
}

/** fmt's %v of a reflect.Value. */
export function goVOfVal(val: Val): string {
  if (val.kind === 'invalid') return '<invalid reflect.Value>';
  return goV(val.kind === 'nil' ? null : val.v);
}

/** fmt.Sprint(value.Interface()), as custom-columns prints a cell. */
export function sprintVal(val: Val): string {
  if (val.kind === 'invalid') throw new GoPanic('reflect: call of reflect.Value.Interface on zero Value');
  if (val.kind === 'nil') return '<nil>';
  return goV(val.v);
}

/** What PrintResults writes for one value: JSON for maps and slices, fmt.Print for the rest. */
export function textOf(val: Val): string {
  switch (val.kind) {
    case 'invalid': return '<no value>';
    case 'nil': return '<nil>';
    case 'map': case 'slice': return goJson(val.v);
    case 'string': return val.v as string;
    case 'bool': return val.v ? 'true' : 'false';
    case 'float64': return formatFloatG(val.v as number);
    default: return formatInt(val.v as number);
  }
}

/** PrintResults: the values of one result set joined by single spaces. */
export function printResults(results: Val[]): string {
  return results.map(textOf).join(' ');
}

interface Walked {
  vals: Val[];
  err?: string;
}

type CmpKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(val: Val): CmpKind | undefined {
  switch (val.kind) {
    case 'bool': return 'bool';
    case 'int': case 'int64': return 'int';
    case 'uint8': return 'uint';
    case 'float64': return 'float';
    case 'string': return 'string';
  }
  return undefined;
}

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';

/** template.Equal of the forked text/template funcs.go. */
function equal(a: Val, b: Val): [boolean, string?] {
  const k1 = basicKind(a);
  if (!k1) return [false, errBadComparisonType];
  const k2 = basicKind(b);
  if (!k2) return [false, errBadComparisonType];
  if (k1 !== k2) {
    // int and uint compare across signedness; every other mix is an error.
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return [a.v === b.v];
    return [false, errBadComparison];
  }
  return [a.v === b.v];
}

/** template.Less. */
function less(a: Val, b: Val): [boolean, string?] {
  const k1 = basicKind(a);
  if (!k1) return [false, errBadComparisonType];
  const k2 = basicKind(b);
  if (!k2) return [false, errBadComparisonType];
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return [(a.v as number) < 0 || (a.v as number) < (b.v as number)];
    if (k1 === 'uint' && k2 === 'int') return [(b.v as number) >= 0 && (a.v as number) < (b.v as number)];
    return [false, errBadComparison];
  }
  if (k1 === 'bool') return [false, errBadComparisonType];
  if (k1 === 'string') return [compareGo(a.v as string, b.v as string) < 0];
  return [(a.v as number) < (b.v as number)];
}

function compare(op: string, a: Val, b: Val): [boolean, string?] | undefined {
  switch (op) {
    case '<': return less(a, b);
    case '>': {
      const [lt, err] = less(a, b);
      if (err) return [false, err];
      if (lt) return [false];
      const [eq, err2] = equal(a, b);
      return err2 ? [false, err2] : [!eq];
    }
    case '==': return equal(a, b);
    case '!=': {
      const [eq, err] = equal(a, b);
      return [!eq, err];
    }
    case '<=': {
      const [lt, err] = less(a, b);
      if (lt || err) return [lt, err];
      return equal(a, b);
    }
    case '>=': {
      const [lt, err] = less(a, b);
      return err ? [false, err] : [!lt];
    }
  }
  return undefined;
}

/** The children a wildcard or `..` visits: map values, slice elements, string bytes. */
function children(val: Val): Val[] {
  if (val.kind === 'map') {
    const m = val.v as Record<string, unknown>;
    // Go visits map keys in random order; sorted keys keep the simulator deterministic.
    return sortedKeys(m).map((k) => boxed(m[k]));
  }
  if (val.kind === 'slice') return (val.v as unknown[]).map((x) => boxed(x));
  if (val.kind === 'string') {
    return Array.from(new TextEncoder().encode(val.v as string), (b) => ({ kind: 'uint8' as const, v: b, boxed: false }));
  }
  return [];
}

function hasChildren(val: Val): boolean {
  if (val.kind === 'map') {
    const m = val.v as Record<string, unknown>;
    for (const k in m) if (Object.prototype.hasOwnProperty.call(m, k) && m[k] !== undefined) return true;
    return false;
  }
  if (val.kind === 'slice' || val.kind === 'string') return (val.v as unknown[] | string).length > 0;
  return false;
}

/** One evaluation of a parsed template, with upstream's range bookkeeping. */
export class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private produced = 0;
  private readonly nodes: Node[];
  private readonly allowMissingKeys: boolean;

  constructor(root: ListNode, allowMissingKeys: boolean) {
    this.nodes = root.nodes;
    this.allowMissingKeys = allowMissingKeys;
  }

  /** FindResults: one result set per action, ranges expanded; throws Error(message) on failure. */
  findResults(data: Val, start = 0, depth = 0): Val[][] {
    if (depth > LIMITS.rangeDepth) throw new Error(`jsonpath: ranges nested deeper than ${LIMITS.rangeDepth}`);
    const cur = [data];
    const full: Val[][] = [];
    const nodes = this.nodes;
    for (let i = start; i < nodes.length; i++) {
      const { vals: results, err } = this.walk(cur, nodes[i]);
      if (err !== undefined) throw new Error(err);

      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(unwrap(value), i + 1, depth + 1));
        } else {
          // An empty range still walks its body so that the position moves past its end.
          this.findResults(INVALID, i + 1, depth + 1);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private count(n: number): void {
    this.produced += n;
    if (this.produced > LIMITS.values) {
      throw new Error(`jsonpath: template produces more than ${LIMITS.values} values`);
    }
  }

  private walk(input: Val[], node: Node): Walked {
    switch (node.type) {
      case 'list': return this.evalList(input, node);
      case 'text': return { vals: [{ kind: 'string', v: node.text, boxed: false }] };
      case 'field': return this.evalField(input, node.name);
      case 'array': return this.evalArray(input, node.params);
      case 'filter': return this.evalFilter(input, node);
      case 'int': return { vals: input.map(() => ({ kind: 'int' as const, v: node.value, boxed: false })) };
      case 'float': return { vals: input.map(() => ({ kind: 'float64' as const, v: node.value, boxed: false })) };
      case 'bool': return { vals: input.map(() => ({ kind: 'bool' as const, v: node.value, boxed: false })) };
      case 'wildcard': return this.evalWildcard(input);
      case 'recursive': return this.evalRecursive(input);
      case 'union': return this.evalUnion(input, node.nodes);
      case 'identifier': return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Val[], list: ListNode): Walked {
    let cur = input;
    for (const node of list.nodes) {
      const r = this.walk(cur, node);
      if (r.err !== undefined) return r;
      cur = r.vals;
    }
    return { vals: cur };
  }

  private evalIdentifier(input: Val[], name: string): Walked {
    switch (name) {
      case 'range':
        this.beginRange++;
        return { vals: input };
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return { vals: [] };
        }
        return { vals: [], err: 'not in range, nothing to end' };
    }
    return { vals: input, err: `unrecognized identifier ${name}` };
  }

  private evalField(input: Val[], name: string): Walked {
    const results: Val[] = [];
    if (input.length === 0) return { vals: results };
    for (const value of input) {
      const [v, isNil] = indirect(value);
      if (isNil || v.kind !== 'map') continue;
      const m = v.v as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(m, name) && m[name] !== undefined) results.push(boxed(m[name]));
    }
    this.count(results.length);
    if (results.length === 0 && !this.allowMissingKeys) return { vals: results, err: `${name} is not found` };
    return { vals: results };
  }

  private evalArray(input: Val[], params: [ParamsEntry, ParamsEntry, ParamsEntry]): Walked {
    const result: Val[] = [];
    for (const value of input) {
      const [v, isNil] = indirect(value);
      if (isNil) continue;
      if (v.kind !== 'slice') return { vals: input, err: `${goTypeName(v)} is not array or slice` };
      const arr = v.v as unknown[];
      const len = arr.length;
      let from = params[0].known ? params[0].value : 0;
      if (from < 0) from += len;
      let to = params[1].known ? params[1].value : len;
      if (to < 0 || (to === 0 && params[1].derived)) to += len;
      if (to === from) continue; // an empty selection is allowed (and no longer stops later inputs)
      if (from >= len || from < 0) return { vals: input, err: `array index out of bounds: index ${from}, length ${len}` };
      if (to > len || to < 0) return { vals: input, err: `array index out of bounds: index ${to - 1}, length ${len}` };
      if (from > to) return { vals: input, err: `starting index ${from} is greater than ending index ${to}` };
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) return { vals: input, err: 'step must be > 0' };
        step = params[2].value;
      }
      const before = result.length;
      for (let i = from; i < to; i += step) result.push(boxed(arr[i]));
      this.count(result.length - before);
    }
    return { vals: result };
  }

  private evalUnion(input: Val[], lists: ListNode[]): Walked {
    const result: Val[] = [];
    for (const list of lists) {
      const r = this.evalList(input, list);
      if (r.err !== undefined) return { vals: input, err: r.err };
      result.push(...r.vals);
    }
    return { vals: result };
  }

  private evalWildcard(input: Val[]): Walked {
    const results: Val[] = [];
    for (const value of input) {
      const [v, isNil] = indirect(value);
      if (isNil) continue;
      const ch = children(v);
      this.count(ch.length);
      results.push(...ch);
    }
    return { vals: results };
  }

  /** `..`: every container under the inputs, themselves included, depth first. */
  private evalRecursive(input: Val[]): Walked {
    const result: Val[] = [];
    const stack: Val[] = [...input].reverse();
    while (stack.length > 0) {
      const [v, isNil] = indirect(stack.pop() as Val);
      if (isNil || !hasChildren(v)) continue;
      result.push(v);
      this.count(1);
      // A string's bytes have no children of their own, so they never reach the result.
      if (v.kind === 'string') continue;
      const ch = children(v);
      for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
    }
    return { vals: result };
  }

  private evalFilter(input: Val[], node: { left: ListNode; right: ListNode; op: string }): Walked {
    const results: Val[] = [];
    for (const value of input) {
      const [v] = indirect(value);
      if (v.kind !== 'slice') return { vals: input, err: `${goVOfVal(v)} is not array or slice and cannot be filtered` };
      for (const x of v.v as unknown[]) {
        const elem = boxed(x);
        const lefts = this.evalList([elem], node.left);
        if (node.op === 'exists') {
          if (lefts.vals.length > 0) {
            results.push(elem);
            this.count(1);
          }
          continue;
        }
        if (lefts.err !== undefined) return { vals: input, err: lefts.err };
        if (lefts.vals.length === 0) continue;
        if (lefts.vals.length > 1) return { vals: input, err: 'can only compare one element at a time' };
        const rights = this.evalList([elem], node.right);
        if (rights.err !== undefined) return { vals: input, err: rights.err };
        if (rights.vals.length === 0) continue;
        if (rights.vals.length > 1) return { vals: input, err: 'can only compare one element at a time' };
        const outcome = compare(node.op, unwrap(lefts.vals[0]), unwrap(rights.vals[0]));
        if (!outcome) return { vals: results, err: `unrecognized filter operator ${node.op}` };
        const [pass, err] = outcome;
        if (err !== undefined) return { vals: results, err };
        if (pass) {
          results.push(elem);
          this.count(1);
        }
      }
    }
    return { vals: results };
  }
}
