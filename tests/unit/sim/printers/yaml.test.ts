import { describe, expect, it } from 'vitest';
import { toYaml, yamlKeyLess } from '../../../../src/sim/printers/yaml.ts';
import { toJson } from '../../../../src/sim/printers/json.ts';

// kubectl -o yaml goes through sigs.k8s.io/yaml → gopkg.in/yaml.v2 (encode.go, emitterc.go,
// resolve.go, sorter.go): sorted keys, sequences at the key's indent, quoting only when a plain
// scalar would resolve to a non-string.
describe('toYaml', () => {
  it('sorts keys, does not indent sequences and prints empty collections inline', () => {
    const text = toYaml({ spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], volumes: [] }, apiVersion: 'v1', kind: 'Pod' });
    expect(text).toBe(`apiVersion: v1
kind: Pod
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  volumes: []
`);
  });

  it('quotes strings that would read back as other types (resolve.go)', () => {
    const text = toYaml({ a: 'true', b: '3600', c: '2026-03-01T09:00:00Z', d: '', e: 'null', f: '1.5', g: 'yes', h: 'nginx:1.27', i: '0x1F', j: '~' });
    expect(text).toBe(`a: "true"
b: "3600"
c: "2026-03-01T09:00:00Z"
d: ""
e: "null"
f: "1.5"
g: "yes"
h: nginx:1.27
i: "0x1F"
j: "~"
`);
  });

  it('single-quotes strings that cannot be plain, keeps plain ones', () => {
    expect(toYaml({ a: '{"VNI":1}', b: '*.example.com', c: 'a: b', d: "it's", e: '/var/run' })).toBe(`a: '{"VNI":1}'
b: '*.example.com'
c: 'a: b'
d: it's
e: /var/run
`);
  });

  it('uses literal blocks for multi-line strings with the right chomping', () => {
    expect(toYaml({ a: 'x\ny\n', b: 'x\ny' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\n');
  });

  it('folds long plain scalars past column 80 (yaml_emitter_write_plain_scalar)', () => {
    const msg = 'word '.repeat(30).trim();
    const out = toYaml({ message: msg });
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1].startsWith('  word')).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(`message: ${msg}`);
  });

  it('orders keys like go-yaml keyList.Less (digits numerically)', () => {
    expect(yamlKeyLess('a2', 'a10')).toBe(true);
    expect(yamlKeyLess('apiVersion', 'kind')).toBe(true);
    expect(Object.keys({ b: 1, a10: 1, a2: 1 }).sort((x, y) => (yamlKeyLess(x, y) ? -1 : 1))).toEqual(['a2', 'a10', 'b']);
  });
});

// kubectl's JSONPrinter: json.MarshalIndent with four spaces over unstructured maps (sorted keys).
describe('toJson', () => {
  it('sorts keys and indents with four spaces', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x' } })).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {\n        "name": "x"\n    }\n}\n',
    );
  });
  it('escapes HTML characters as Go does', () => {
    expect(toJson({ a: '<b>&' })).toBe('{\n    "a": "\\u003cb\\u003e\\u0026"\n}\n');
  });
});
