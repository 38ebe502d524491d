// Behaviour of staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go (SortObjects, NewTableSorter,
// isLess, RuntimeSort.Less) and get.go's RuntimeSorter; natural order from
// github.com/fvbommel/sortorder; quantities from apimachinery resource.ParseQuantity / Cmp; the
// order of "equal" items from Go's sort.Sort (insertion sort up to 12 items).
import { describe, expect, it } from 'vitest';
import { KlogExitError, naturalLess, sortByField } from '../../../../src/sim/printers/sort.ts';
import { cmpExact, compareQuantities, parseQuantityExact } from '../../../../src/sim/printers/quantity.ts';
import { nodeList, podList } from '../jsonpath/fixtures.ts';

const node = (name: string, cpu: string | undefined, memory: string, created: string) => ({
  kind: 'Node',
  metadata: { name, creationTimestamp: created },
  status: { capacity: cpu === undefined ? { memory } : { cpu, memory } },
});
const nodes = [
  node('node10', '4', '8151040Ki', '2024-05-03T08:00:00Z'),
  node('controlplane', '2', '4015360Ki', '2024-05-01T09:00:00Z'),
  node('node2', '500m', '2Gi', '2024-05-02T10:30:00Z'),
  node('node01', '1500m', '16Gi', '2024-05-02T10:00:00Z'),
];
const names = (items: unknown[]): string[] => items.map((i) => (i as { metadata: { name: string } }).metadata.name);

function caught(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('sortByField', () => {
  it('.metadata.name in natural order', () => {
    expect(names(sortByField(nodes, '.metadata.name'))).toEqual(['controlplane', 'node01', 'node2', 'node10']);
  });
  it('.status.capacity.cpu as quantities (500m < 1500m < 2 < 4)', () => {
    expect(names(sortByField(nodes, '.status.capacity.cpu'))).toEqual(['node2', 'node01', 'controlplane', 'node10']);
  });
  it('{.status.capacity.memory} mixing Ki and Gi', () => {
    expect(names(sortByField(nodes, '{.status.capacity.memory}'))).toEqual(['node2', 'controlplane', 'node10', 'node01']);
  });
  it('.metadata.creationTimestamp (RFC 3339 strings compare in time order)', () => {
    expect(names(sortByField(nodes, '.metadata.creationTimestamp'))).toEqual(['controlplane', 'node01', 'node2', 'node10']);
  });
  it('accepts the relaxed forms', () => {
    for (const f of ['metadata.name', '{metadata.name}', '{.metadata.name}']) {
      expect(names(sortByField(nodes, f))).toEqual(['controlplane', 'node01', 'node2', 'node10']);
    }
  });
  it('integers compare as int64 (restartCount of the first container)', () => {
    const pods = [3, 0, 12, 1].map((n, i) => ({ metadata: { name: `p${i}` }, status: { containerStatuses: [{ restartCount: n }] } }));
    expect(names(sortByField(pods, '.status.containerStatuses[0].restartCount'))).toEqual(['p1', 'p3', 'p0', 'p2']);
  });
  it('does not change its input', () => {
    const copy = [...nodes];
    sortByField(nodes, '.metadata.name');
    expect(nodes).toEqual(copy);
  });
  it('sorts kubectl lists of nodes and pods', () => {
    expect(names(sortByField(nodeList.items, '.status.capacity.cpu'))).toEqual(['controlplane', 'node01']);
    expect(names(sortByField(podList.items, '.metadata.creationTimestamp'))).toEqual(['web-0', 'nginx']);
  });
});

describe('missing values (Less returns true for an item without the field)', () => {
  it('puts items without the field first, in reverse order (insertion sort)', () => {
    const items = [
      { metadata: { name: 'a', labels: { rank: '2' } } },
      { metadata: { name: 'b' } },
      { metadata: { name: 'c', labels: { rank: '1' } } },
      { metadata: { name: 'd' } },
    ];
    expect(names(sortByField(items, '.metadata.labels.rank'))).toEqual(['d', 'b', 'c', 'a']);
  });
  it('keeps equal values in input order for short lists', () => {
    const items = ['x', 'y', 'z'].map((name) => ({ metadata: { name, namespace: 'default' } }));
    expect(names(sortByField(items, '.metadata.namespace'))).toEqual(['x', 'y', 'z']);
  });
  it('orders long lists correctly (pdqsort beyond 12 items)', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ metadata: { name: `pod-${(i * 37) % 60}` } }));
    const sorted = names(sortByField(many, '.metadata.name'));
    expect(sorted).toEqual(Array.from({ length: 60 }, (_, i) => `pod-${i}`));
  });
});

describe('errors as kubectl words them', () => {
  it('a field no object has', () => {
    expect(caught(() => sortByField(nodes, '.metadata.nope')).message).toBe(
      `couldn't find any field with path "{.metadata.nope}" in the list of objects`,
    );
    expect(caught(() => sortByField(nodes.slice(0, 1), '.spec.x', { mode: 'list' })).message).toBe(
      `couldn't find any field with path "{.spec.x}" in the list of objects`,
    );
  });
  it('an empty list is fine', () => {
    expect(sortByField([], '.metadata.nope')).toEqual([]);
    expect(sortByField([], '{{bad', { mode: 'list' })).toEqual([]);
  });
  it('parse errors: "sorting error: …" for tables, bare for other outputs', () => {
    expect(caught(() => sortByField(nodes, '.metadata.name[')).message).toBe('sorting error: unterminated array');
    expect(caught(() => sortByField(nodes, '.metadata.name[', { mode: 'list' })).message).toBe('unterminated array');
  });
  it('fields kubectl cannot relax: used as written for tables, rejected for other outputs', () => {
    expect(names(sortByField(nodes, '{.metadata.name}{.kind}'))).toEqual(['controlplane', 'node01', 'node2', 'node10']);
    expect(caught(() => sortByField(nodes, '{.metadata.name}{.kind}', { mode: 'list' })).message).toBe(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
  it('an evaluation error while the table rows are read', () => {
    expect(caught(() => sortByField(nodes, '.metadata.name[3]')).message).toBe(
      'Failed to get values for [][]reflect.Value(nil) using {.metadata.name[3]} (&errors.errorString{s:"string is not array or slice"})',
    );
  });
  it('unsortable values exit through klog', () => {
    const e = caught(() => sortByField(nodes, '.status.capacity'));
    expect(e).toBeInstanceOf(KlogExitError);
    expect(e.message).toBe(
      'Field {.status.capacity} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    );
    const mixed = [{ v: 1 }, { v: 1.5 }];
    expect(caught(() => sortByField(mixed, '.v', { mode: 'list' })).message).toBe(
      'Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface',
    );
    expect(caught(() => sortByField([{ v: true }, { v: false }], '.v')).message).toBe(
      'Field {.v} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: bool',
    );
  });
});

describe('naturalLess (sortorder.NaturalLess)', () => {
  it.each([
    ['a1', 'a2', true],
    ['a2', 'a10', true],
    ['a10', 'a2', false],
    ['a1', 'a01', true],
    ['a01', 'a1', false],
    ['1a', 'a', true],
    ['node', 'node1', true],
    ['B', 'a', true],
    ['same', 'same', false],
  ])('%s < %s is %s', (a, b, expected) => {
    expect(naturalLess(a, b)).toBe(expected);
  });
});

describe('quantities (src/sim/printers/quantity.ts)', () => {
  it('orders 100m < 1 < 2Gi and equates spellings of one value', () => {
    expect(compareQuantities('100m', '1')).toBe(-1);
    expect(compareQuantities('1', '2Gi')).toBe(-1);
    expect(compareQuantities('1000m', '1')).toBe(0);
    expect(compareQuantities('1Ki', '1024')).toBe(0);
    expect(compareQuantities('1e3', '1k')).toBe(0);
    expect(compareQuantities('1.5Gi', '1536Mi')).toBe(0);
    expect(compareQuantities('-1', '0')).toBe(-1);
    expect(compareQuantities('1E', '1e18')).toBe(0);
  });
  it('rounds values finer than a nano up, and caps binary values at int64', () => {
    expect(compareQuantities('0.1n', '1n')).toBe(0);
    expect(compareQuantities('8Ei', '9223372036854775807')).toBe(0);
    expect(compareQuantities('1e999999999', '1e999999998')).toBe(1);
  });
  it('accepts what ParseQuantity accepts', () => {
    expect(parseQuantityExact('+')).toEqual({ mantissa: 0n, exp: 0 });
    expect(parseQuantityExact('1.')).toEqual({ mantissa: 1n, exp: 0 });
    expect(cmpExact(parseQuantityExact('m')!, parseQuantityExact('0')!)).toBe(0);
  });
  it.each([[''], ['abc'], ['1e'], ['1.5.5'], ['1ki'], ['node1'], ['2024-05-01T09:00:00Z'], ['1 Gi']])('%j is not a quantity', (s) => {
    expect(parseQuantityExact(s)).toBeUndefined();
  });
});
