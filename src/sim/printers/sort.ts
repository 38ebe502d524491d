/**
 * `kubectl get --sort-by=FIELD` (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go): the field is a
 * JSONPath expression, each object's first result is compared by type (numbers, natural-order
 * strings, quantities when both strings parse as one), and the objects are ordered by Go's
 * sort.Sort. Objects where the field is missing are "less" than everything and end up first.
 *
 * The quantity comparison lives in ./quantity.ts (this module's own helper; src/sim/api/quantity.ts
 * is the API store's approximate one).
 */

import { compileJsonPath, findResults, GoPanic } from './jsonpath.ts';
import type { Val } from './jsonpath.ts';
import type { ListNode } from './jsonpath/parser.ts';
import { goQuote, goSharpV } from './jsonpath/gofmt.ts';
import { relaxedJsonPathExpression } from './custom-columns.ts';
import { compareQuantities } from './quantity.ts';
import { goSort } from './sort/pdqsort.ts';

/**
 * kubectl exits through klog here (klog.Exitf, or klog.Fatalf with a goroutine dump) instead of
 * returning an error: the output is `F<date> … sorter.go:NNN] <message>`, not `error: …`.
 */
export class KlogExitError extends Error {
  readonly fatal: boolean;

  constructor(message: string, fatal: boolean) {
    super(message);
    this.fatal = fatal;
  }
}

/** Options of {@link sortByField}. */
export interface SortByOptions {
  /**
   * Which kubectl path sorts. `table` (default): the human-readable table (`kubectl get pods
   * --sort-by=…`), where a field kubectl cannot relax is used as written and parse errors read
   * `sorting error: …`. `list`: -o json/yaml/name/jsonpath/custom-columns, where an empty list is
   * not checked and errors are the bare ones.
   */
  mode?: 'table' | 'list';
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** sortorder.NaturalLess (github.com/fvbommel/sortorder) over UTF-8 bytes: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const s1 = new TextEncoder().encode(a);
  const s2 = new TextEncoder().encode(b);
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1];
    const c2 = s2[i2];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === 0x30) i1++;
    while (i2 < s2.length && s2[i2] === 0x30) i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1])) i1++;
    while (i2 < s2.length && isDigit(s2[i2])) i2++;
    const len1 = i1 - nz1;
    const len2 = i2 - nz2;
    if (len1 !== len2) return len1 < len2;
    for (let k = 0; k < len1; k++) {
      if (s1[nz1 + k] !== s2[nz2 + k]) return s1[nz1 + k] < s2[nz2 + k];
    }
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}

/** reflect.Kind().String() of a value. */
function kindName(v: Val): string {
  if (v.boxed) return 'interface';
  return v.kind === 'nil' ? 'interface' : v.kind;
}

/** The Go type %T prints for a value held in an interface{}. */
function dynamicType(v: Val): string {
  switch (v.kind) {
    case 'map': return 'map[string]interface {}';
    case 'slice': return '[]interface {}';
    default: return v.kind;
  }
}

function numberOf(j: Val, method: 'Int' | 'Uint' | 'Float'): number {
  const ok = method === 'Int' ? j.kind === 'int' || j.kind === 'int64' : method === 'Uint' ? j.kind === 'uint8' : j.kind === 'float64';
  if (!ok || j.boxed) {
    const on = j.kind === 'invalid' ? 'zero Value' : `${kindName(j)} Value`;
    throw new GoPanic(`reflect: call of reflect.Value.${method} on ${on}`);
  }
  return j.v as number;
}

function stringOf(j: Val): string {
  if (j.kind === 'string' && !j.boxed) return j.v as string;
  // reflect.Value.String of another kind does not panic: it names the type.
  if (j.kind === 'invalid') return '<invalid Value>';
  return `<${j.boxed ? 'interface {}' : dynamicType(j)} Value>`;
}

/** isLess of sorter.go; the error is the one kubectl hands to klog. */
function isLess(i: Val, j: Val): [boolean, string?] {
  if (i.boxed) {
    if (!j.boxed) throw new GoPanic(`reflect: call of reflect.Value.IsNil on ${j.kind === 'invalid' ? 'zero Value' : `${kindName(j)} Value`}`);
    const iNil = i.kind === 'nil';
    const jNil = j.kind === 'nil';
    if (iNil && jNil) return [false];
    if (iNil) return [true];
    if (jNil) return [false];
    switch (i.kind) {
      case 'int64': case 'float64':
        if (j.kind === i.kind) return [(i.v as number) < (j.v as number)];
        break;
      case 'string':
        if (j.kind === 'string') {
          const q = compareQuantities(i.v as string, j.v as string);
          return q === undefined ? [naturalLess(i.v as string, j.v as string)] : [q < 0];
        }
        break;
      default:
        return [false, `unsortable type: ${dynamicType(i)}`];
    }
    return [false, 'unsortable interface: interface'];
  }
  switch (i.kind) {
    case 'int': case 'int64': return [(i.v as number) < numberOf(j, 'Int')];
    case 'uint8': return [(i.v as number) < numberOf(j, 'Uint')];
    case 'float64': return [(i.v as number) < numberOf(j, 'Float')];
    case 'string': return [naturalLess(i.v as string, stringOf(j))];
    case 'slice': {
      if (j.kind !== 'slice' || j.boxed) throw new GoPanic(`reflect: call of reflect.Value.Index on ${kindName(j)} Value`);
      const a = i.v as unknown[];
      const b = j.v as unknown[];
      for (let k = 0; k < Math.min(a.length, b.length); k++) {
        const [lt, err] = isLess(boxedVal(a[k]), boxedVal(b[k]));
        if (err !== undefined || !lt) return [lt, err];
      }
      return [true];
    }
  }
  return [false, `unsortable type: ${i.kind === 'invalid' ? 'invalid' : i.kind}`];
}

function boxedVal(x: unknown): Val {
  const kind: Val['kind'] =
    x === null || x === undefined ? 'nil'
      : typeof x === 'string' ? 'string'
        : typeof x === 'boolean' ? 'bool'
          : typeof x === 'number' ? (Number.isInteger(x) ? 'int64' : 'float64')
            : Array.isArray(x) ? 'slice' : 'map';
  return { kind, v: x, boxed: true };
}

/** %#v of the error value fmt.Errorf returns (an *errors.errorString). */
function errorSharpV(message: string): string {
  return `&errors.errorString{s:${goQuote(message)}}`;
}

function firstValue(values: Val[][]): Val | undefined {
  return values.length === 0 || values[0].length === 0 ? undefined : values[0][0];
}

/**
 * The items ordered as `kubectl get --sort-by=FIELD` prints them (a new array; the input is not
 * changed). FIELD may omit the braces and leading dot (`.metadata.name`, `metadata.name`).
 * Throws an Error whose message is what kubectl prints after `error: ` (e.g. `couldn't find any
 * field with path "{.metadata.nope}" in the list of objects`), or a {@link KlogExitError} where
 * kubectl exits through klog (values of unsortable or mixed types).
 */
export function sortByField(items: unknown[], field: string, options: SortByOptions = {}): unknown[] {
  const table = (options.mode ?? 'table') === 'table';
  if (!table && items.length === 0) return [];

  let path: string;
  try {
    path = relaxedJsonPathExpression(field);
  } catch (e) {
    if (!table) throw e;
    path = field;
  }
  let root: ListNode;
  try {
    root = compileJsonPath(path);
  } catch (e) {
    throw new Error(table ? `sorting error: ${(e as Error).message}` : (e as Error).message);
  }

  const find = (item: unknown): Val[][] | string => {
    try {
      return findResults(root, item, true);
    } catch (e) {
      if (e instanceof GoPanic) throw e;
      return (e as Error).message;
    }
  };

  // The table path evaluates every row up front; the list path stops at the first object that has the field.
  const parsed: (Val[][] | string | undefined)[] = items.map(() => undefined);
  let found = false;
  for (let ix = 0; ix < items.length; ix++) {
    const r = find(items[ix]);
    if (typeof r === 'string') {
      if (table) throw new Error(`Failed to get values for [][]reflect.Value(nil) using ${path} (${errorSharpV(r)})`);
      throw new Error(r);
    }
    parsed[ix] = r;
    if (firstValue(r)) {
      found = true;
      if (!table) break;
    }
  }
  if (items.length > 0 && !found) {
    throw new Error(`couldn't find any field with path ${goQuote(path)} in the list of objects`);
  }

  const order = items.map((_, ix) => ix);
  const valuesOf = (ix: number, which: 'i' | 'j'): Val[][] => {
    let r = parsed[ix];
    if (r === undefined) r = parsed[ix] = find(items[ix]);
    if (typeof r === 'string') {
      // sorter.go prints the i error with %#v and the j error with %v.
      const err = which === 'i' ? errorSharpV(r) : r;
      throw new KlogExitError(
        `Failed to get ${which} values for &unstructured.Unstructured{Object:${goSharpV(items[ix])}} using ${path} (${err})`,
        true,
      );
    }
    return r;
  };
  goSort(
    {
      less(a, b) {
        const iv = firstValue(valuesOf(order[a], 'i'));
        const jv = firstValue(valuesOf(order[b], 'j'));
        if (!iv) return true;
        if (!jv) return false;
        const [lt, err] = isLess(iv, jv);
        if (err !== undefined) {
          const where = table ? '[][][]reflect.Value' : '*unstructured.Unstructured';
          throw new KlogExitError(`Field ${path} in ${where} is an unsortable type: ${kindName(iv)}, err: ${err}`, false);
        }
        return lt;
      },
      swap(a, b) {
        [order[a], order[b]] = [order[b], order[a]];
      },
    },
    order.length,
  );
  return order.map((ix) => items[ix]);
}
