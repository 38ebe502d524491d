// Expected outputs come from k8s.io/client-go/util/jsonpath/jsonpath_test.go and
// empty_array_test.go (kubernetes/kubernetes staging), run over JSON-decoded inputs the way
// kubectl's unstructured objects are, and from cli-runtime printers/jsonpath.go for the wrapping.
import { describe, expect, it } from 'vitest';
import { compileJsonPath, findResults, jsonpath } from '../../../../src/sim/printers/jsonpath.ts';
import { docsInput, nodeList, podList } from './fixtures.ts';

/** Output with kubectl's --allow-missing-template-keys value (upstream tests mostly use false). */
const run = (template: string, data: unknown, allowMissingKeys = false): string => jsonpath(template, data, { allowMissingKeys });

/** The bare engine error (what jsonpath_test.go's testFailJSONPath compares). */
function engineError(template: string, data: unknown, allowMissingKeys = false): string {
  try {
    findResults(compileJsonPath(template), data, allowMissingKeys);
  } catch (e) {
    return (e as Error).message;
  }
  return 'nil';
}

describe('TestTypesInput (jsonpath_test.go), JSON-decoded', () => {
  const types = {
    bools: [true, false, true, false],
    integers: [1, 2, 3, 4],
    floats: [1.0, 2.2, 3.3, 4.0],
    strings: ['one', 'two', 'three', 'four'],
    interfaces: [true, 'one', 1, 1.1],
    maps: [
      { name: 'one', value: 1 },
      { name: 'two', value: 2.02 },
      { name: 'three', value: 3.03 },
      { name: 'four', value: 4.04 },
    ],
  };
  const cases: [string, string, string][] = [
    ['boolSlice', '{ .bools }', '[true,false,true,false]'],
    ['boolSliceIndex', '{ .bools[0] }', 'true'],
    ['boolSliceIndex', '{ .bools[-1] }', 'false'],
    ['boolSubSlice', '{ .bools[0:2] }', 'true false'],
    ['boolSubSliceFirst2', '{ .bools[:2] }', 'true false'],
    ['boolSubSliceStep2', '{ .bools[:4:2] }', 'true true'],
    ['integerSlice', '{ .integers }', '[1,2,3,4]'],
    ['integerSliceIndexReverse', '{ .integers[-2] }', '3'],
    ['integerSubSliceStep2', '{ .integers[:4:2] }', '1 3'],
    ['floatSlice', '{ .floats }', '[1,2.2,3.3,4]'],
    ['floatSliceIndex', '{ .floats[0] }', '1'],
    ['floatSliceIndexReverse', '{ .floats[-2] }', '3.3'],
    ['floatSubSliceStep2', '{ .floats[:4:2] }', '1 3.3'],
    ['stringSlice', '{ .strings }', '["one","two","three","four"]'],
    ['stringSliceIndexReverse', '{ .strings[-2] }', 'three'],
    ['stringSubSliceStep2', '{ .strings[:4:2] }', 'one three'],
    ['interfaceSlice', '{ .interfaces }', '[true,"one",1,1.1]'],
    ['interfaceSubSliceFirst2', '{ .interfaces[0:2] }', 'true one'],
    ['interfaceSubSliceStep2', '{ .interfaces[:4:2] }', 'true 1'],
    ['mapSlice', '{ .maps }', '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
    ['mapSliceIndex', '{ .maps[0] }', '{"name":"one","value":1}'],
    ['mapSubSliceFirst2', '{ .maps[0:2] }', '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ['mapSubSliceStepOdd', '{ .maps[::2] }', '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['mapSubSliceStepEven', '{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ];
  it.each(cases)('%s %s', (_name, template, expected) => {
    expect(run(template, types)).toBe(expected);
  });
});

describe('TestStructInput cases that apply to JSON (jsonpath_test.go)', () => {
  const store = {
    Name: 'jsonpath',
    Book: [
      { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
      { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
      { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
    ],
    Bicycle: [
      { Color: 'red', Price: 19.95, IsNew: true },
      { Color: 'green', Price: 20.01, IsNew: false },
    ],
    Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
    Employees: { jason: 'manager', dan: 'clerk' },
  };
  it.each([
    ['plain', 'hello jsonpath', null, 'hello jsonpath'],
    ['recursive', '{..}', [1, 2, 3], '[1,2,3]'],
    ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
    ['quote', '{"{"}', null, '{'],
    ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['variable', 'hello {.Name}', store, 'hello jsonpath'],
    ['dict/', '{$.Labels.web/html}', store, '15'],
    ['dict/', '{$.Employees.jason}', store, 'manager'],
    ['dict-', '{.Labels.k8s-app}', store, '20'],
    ['nest', '{.Bicycle[*].Color}', store, 'red green'],
    ['allarray', '{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
    // A map's fields come out in key order here (Go's struct keeps declaration order).
    ['allfields', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', store, '{red true 19.95} {green false 20.01} '],
    // Upstream's struct visits Book before Bicycle; map keys (random order in Go) come sorted here.
    ['recurfields', '{..Price}', store, '19.95 20.01 8.95 12.99 8.99'],
    ['recurdotfields', '{...Price}', store, '19.95 20.01 8.95 12.99 8.99'],
    ['lastarray', '{.Book[-1:]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['recurarray', '{..Book[2]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['bool', '{.Bicycle[?(@.IsNew==true)]}', store, '{"Color":"red","IsNew":true,"Price":19.95}'],
  ])('%s %s', (_name, template, input, expected) => {
    expect(run(template as string, input)).toBe(expected);
  });

  it('missing keys print nothing when allowed (missingKeyTests)', () => {
    expect(run('{.hello}', store, true)).toBe('');
    expect(run('before-{.hello}after', store, true)).toBe('before-after');
  });

  it('fails like failStoreTests', () => {
    expect(engineError('{hello}', store)).toBe('unrecognized identifier hello');
    expect(engineError('{.hello}', store)).toBe('hello is not found');
    expect(engineError('{.Labels[0]}', store)).toBe('map[string]interface {} is not array or slice');
    expect(engineError('{.Book[?(@.Price<>10)]}', store)).toBe('unrecognized filter operator <>');
    expect(engineError('{range .Labels.*}{@}{end}{end}', store)).toBe('not in range, nothing to end');
  });

  it('superrecurfields is a parse error', () => {
    expect(() => compileJsonPath('{............................................................Price}')).toThrow(
      'invalid multiple recursive descent',
    );
  });
});

describe('TestJSONInput (jsonpath_test.go)', () => {
  const points = [
    { id: 'i1', x: 4, y: -5 },
    { id: 'i2', x: -2, y: -5, z: 1 },
    { id: 'i3', x: 8, y: 3 },
    { id: 'i4', x: -6, y: -1 },
    { id: 'i5', x: 0, y: 2, z: 1 },
    { id: 'i6', x: 1, y: 4 },
  ];
  it('exists filter and bracket key', () => {
    expect(run('{[?(@.z)].id}', points)).toBe('i2 i5');
    expect(run("{[0]['id']}", points)).toBe('i1');
  });
  it('compares numbers with < > <= >= and literal ints', () => {
    expect(run('{[?(@.x>0)].id}', points)).toBe('i1 i3 i6');
    expect(run('{[?(@.x<=0)].id}', points)).toBe('i2 i4 i5');
    expect(run('{[?(@.y>=3)].id}', points)).toBe('i3 i6');
    expect(run('{[?(@.x!=0)].id}', points, true)).toBe('i1 i2 i3 i4 i6');
  });
});

describe('TestKubernetes (jsonpath_test.go) and the kubectl JSONPath reference page', () => {
  it.each([
    ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List'],
    ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', '127.0.0.1\t127.0.0.2\t'],
    ['range addresss', '{.items[*].status.addresses[*].address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['item name', '{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['union nodes capacity', "{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['range nodes capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['user password', '{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['hostname filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', 'None'],
    ['bool item', '{.items[?(@..ready==true)].metadata.name}', '127.0.0.1'],
    // Reference page rows; its `[a b]` and `map[cpu:4]` forms are outdated: kubectl prints JSON.
    ['docs text', 'kind is {.kind}', 'kind is List'],
    ['docs child', "{['kind']}", 'List'],
    ['docs subscript', '{.users[0].name}', 'myself'],
    ['docs single-quoted tab', "{range .items[*]}{.metadata.name}{'\\t'}{end}", '127.0.0.1\t127.0.0.2\t'],
  ])('%s', (_name, template, expected) => {
    expect(run(template, docsInput)).toBe(expected);
  });

  it('recursive name (map order is random upstream; sorted keys here)', () => {
    expect(run('{..name}', docsInput)).toBe('127.0.0.1 127.0.0.2 myself e2e');
  });

  it('{@} prints the whole input as compact JSON with sorted keys', () => {
    expect(run('{@}', { b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });
});

describe('ranges (TestEmptyRange, TestNestedRanges)', () => {
  const nested = {
    items: [
      {
        metadata: { name: 'pod1' },
        spec: {
          containers: [
            { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
            { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
          ],
        },
      },
      { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
    ],
  };
  it('empty range and empty nested range print nothing', () => {
    expect(run('{range .items[*]}{.metadata.name}{end}', { items: [] }, true)).toBe('');
    expect(
      run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, true),
    ).toBe('');
  });
  it('nested range with a trailing newline', () => {
    expect(run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', nested)).toBe(
      'pod1:foo,bar,+pod2:baz,+',
    );
  });
  it('nested range within another nested range', () => {
    const t =
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}';
    expect(run(t, nested)).toBe('pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#');
  });
  it('two nested ranges at the same level', () => {
    const t =
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}';
    expect(run(t, nested)).toBe('pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n');
  });
  it('an empty range over missing keys fails when keys must exist (the body is walked once over nil)', () => {
    expect(engineError('{range .items[*]}{.metadata.name}{end}', { items: [] })).toBe('metadata is not found');
  });
});

describe('filters (TestFilterPartialMatchesSometimesMissingAnnotations, TestRunningPodsJSONPathOutput)', () => {
  const data = {
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
      { kind: 'Pod', metadata: { name: 'pod2' } },
      { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
      { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ],
  };
  it('tolerates items without the field when missing keys are allowed', () => {
    expect(run('{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', data, true)).toBe('pod1 pod4');
  });
  it('errors on them otherwise', () => {
    expect(engineError('{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', data)).toBe('annotations is not found');
  });
  it('a filter without @ ranges over matching pods', () => {
    const pods = {
      kind: 'List',
      items: [
        { kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } },
        { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } },
        { kind: 'Pod', metadata: { name: 'pod3' }, status: { phase: 'Running' } },
        { resourceVersion: '', selfLink: '' },
      ],
    };
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', pods, true)).toBe(
      'pod1 is Running\npod2 is Running\npod3 is Running\n',
    );
  });
  it('comparison errors come from text/template funcs (funcs.go)', () => {
    expect(engineError('{[?(@.a=="x")]}', [{ a: 1 }])).toBe('incompatible types for comparison');
    expect(engineError('{[?(@.a<true)]}', [{ a: true }])).toBe('invalid type for comparison');
    expect(engineError('{[?(@.a==1)]}', [{ a: null }])).toBe('invalid type for comparison');
    expect(engineError('{[?(@.a[*]==1)]}', [{ a: [1, 2] }])).toBe('can only compare one element at a time');
    expect(engineError('{.a[?(@.b)]}', { a: { b: 1 } })).toBe('map[b:1] is not array or slice and cannot be filtered');
  });
  it('parentheses and quotes inside the compared string (parser_test.go)', () => {
    const nodes = [{ status: { nodeInfo: { osImage: '()' } } }, { status: { nodeInfo: { osImage: "'Linux'" } } }];
    expect(run('{[?(@.status.nodeInfo.osImage == "()")].status.nodeInfo.osImage}', nodes)).toBe('()');
    expect(run('{[?(@.status.nodeInfo.osImage == "\'Linux\'")].status.nodeInfo.osImage}', nodes)).toBe("'Linux'");
  });
});

describe('array indexes (TestNegativeIndex, TestStep, empty_array_test.go)', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    spec: { containers: ['fake0', 'fake1', 'fake2', 'fake3'].map((name) => ({ image: 'radial/busyboxplus:curl', name })) },
  };
  it.each([
    ['{.spec.containers[0].name}', 'fake0'],
    ['{.spec.containers[0:0].name}', ''],
    ['{.spec.containers[0:-1].name}', 'fake0 fake1 fake2'],
    ['{.spec.containers[-1].name}', 'fake3'],
    ['{.spec.containers[-1:].name}', 'fake3'],
    ['{.spec.containers[-2].name}', 'fake2'],
    ['{.spec.containers[-2:].name}', 'fake2 fake3'],
    ['{.spec.containers[-3].name}', 'fake1'],
    ['{.spec.containers[-4].name}', 'fake0'],
    ['{.spec.containers[-4:].name}', 'fake0 fake1 fake2 fake3'],
    ['{.spec.containers[5:5].name}', ''],
    ['{.spec.containers[-5:-5].name}', ''],
  ])('%s', (template, expected) => {
    expect(run(template, pod)).toBe(expected);
  });
  it.each([
    ['{.spec.containers[-1:0].name}', 'starting index 3 is greater than ending index 0'],
    ['{.spec.containers[-5].name}', 'array index out of bounds: index -1, length 4'],
    ['{.spec.containers[3:1].name}', 'starting index 3 is greater than ending index 1'],
    ['{.spec.containers[-1:-2].name}', 'starting index 3 is greater than ending index 2'],
    ['{.spec.containers[4].name}', 'array index out of bounds: index 4, length 4'],
    ['{.spec.containers[1:9].name}', 'array index out of bounds: index 8, length 4'],
    ['{.spec.containers[0:4:0].name}', 'step must be > 0'],
    ['{.spec.containers[0:4:-1].name}', 'step must be > 0'],
    ['{.kind[0]}', 'string is not array or slice'],
  ])('%s fails with %s', (template, message) => {
    expect(engineError(template, pod)).toBe(message);
  });

  const six = { spec: { containers: [0, 1, 2, 3, 4, 5].map((i) => ({ name: `fake${i}` })) } };
  it.each([
    ['{.spec.containers[0:].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[1:4:2].name}', 'fake1 fake3'],
    ['{.spec.containers[1:4:3].name}', 'fake1'],
    ['{.spec.containers[1:4:4].name}', 'fake1'],
    ['{.spec.containers[0:6:3].name}', 'fake0 fake3'],
    ['{.spec.containers[0:6:5].name}', 'fake0 fake5'],
  ])('step %s', (template, expected) => {
    expect(run(template, six)).toBe(expected);
  });

  it.each([
    [[[], ['second']], '{[*][*]}', 'second'],
    [[['first'], [], ['third']], '{[*][*]}', 'first third'],
    [[['first'], []], '{[*][:]}', 'first'],
    [[[], []], '{[*][*]}', ''],
    [[['first'], ['second', 'third']], '{[*][0:-1]}', 'second'],
  ])('an empty selection does not stop later inputs: %j %s', (input, template, expected) => {
    expect(run(template, input)).toBe(expected);
  });
});

describe('printing values (PrintResults / evalToText)', () => {
  it('prints strings raw, numbers as Go does, null as <nil>, containers as JSON', () => {
    const data = { s: 'a "b"', i: 42, f: 0.25, big: 1234567.5, tiny: 0.00001, b: false, n: null, m: { z: 1, a: '<x>' }, l: [] };
    expect(run('{.s}|{.i}|{.f}|{.big}|{.tiny}|{.b}|{.n}|{.m}|{.l}', data)).toBe(
      'a "b"|42|0.25|1.2345675e+06|1e-05|false|<nil>|{"a":"\\u003cx\\u003e","z":1}|[]',
    );
  });
  it('integral numbers are int64 in unstructured content; beyond int64 they are float64', () => {
    expect(run('{.a} {.b}', { a: 1.5e6, b: 1e20 })).toBe('1500000 1e+20');
  });
  it('text outside braces is literal and there is no trailing newline', () => {
    expect(run('name: {.metadata.name}\n', { metadata: { name: 'x' } })).toBe('name: x\n');
  });
  it('wildcard over a string yields its bytes', () => {
    expect(run('{.a.*}', { a: 'hi' })).toBe('104 105');
  });
  it('escapes in quoted literals follow strconv.Unquote, single quotes included', () => {
    expect(run('{"a\\tb\\n"}{\'\\u00e9\'}{"\\x41"}{"\\101"}', {})).toBe('a\tb\néAA');
  });
});

describe('kubectl examples over realistic lists', () => {
  it('{ .items[0].spec.containers[0].image } (spaces inside braces)', () => {
    expect(jsonpath('{ .items[0].spec.containers[0].image }', podList)).toBe('nginx:1.27');
  });
  it('capacity is a node field: over pods the second action prints nothing (missing keys allowed by default)', () => {
    expect(jsonpath('{ .items[*].metadata.name }{"\\n"}{ .items[*].status.capacity.cpu }', podList)).toBe('nginx web-0\n');
  });
  it('range over nodes printing name and cpu', () => {
    expect(jsonpath('{range .items[*]}{.metadata.name}{"\\t"}{.status.capacity.cpu}{"\\n"}{end}', nodeList)).toBe(
      'controlplane\t2\nnode01\t4\n',
    );
  });
  it('filter on conditions', () => {
    expect(jsonpath('{.items[?(@.status.conditions[-1].status=="True")].metadata.name}', nodeList)).toBe('controlplane');
    expect(
      jsonpath('{range .items[*]}{.metadata.name}{": "}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}', nodeList),
    ).toBe('controlplane: True\nnode01: False\n');
    expect(jsonpath('{.items[?(@.status.phase != "Running")].metadata.name}', podList)).toBe('web-0');
  });
  it('internal IPs, taint keys and labels with escaped dots', () => {
    expect(jsonpath('{.items[*].status.addresses[?(@.type=="InternalIP")].address}', nodeList)).toBe('192.168.121.10 192.168.121.11');
    expect(jsonpath('{.items[*].spec.taints[*].key}', nodeList)).toBe('node-role.kubernetes.io/control-plane');
    expect(jsonpath('{.items[*].metadata.labels.kubernetes\\.io/hostname}', nodeList)).toBe('controlplane node01');
  });
  it('numbers from containers and exists-filters', () => {
    expect(jsonpath('{.items[*].spec.containers[*].ports[*].containerPort}', podList)).toBe('80');
    expect(jsonpath('{.items[*].spec.containers[?(@.resources)].name}', podList)).toBe('app');
    expect(jsonpath('{.items[?(@.status.containerStatuses[0].restartCount>0)].metadata.name}', podList)).toBe('web-0');
  });
});

describe("kubectl's wrapping of errors (cli-runtime printers/jsonpath.go, genericclioptions/jsonpath_flags.go)", () => {
  it('a parse error', () => {
    expect(() => jsonpath('{.items[0', podList)).toThrow('error parsing jsonpath {.items[0, unterminated array');
    expect(() => jsonpath('{#}', podList)).toThrow("error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'");
  });
  it('an empty template', () => {
    expect(() => jsonpath('', podList)).toThrow('template format specified but no template given');
  });
  it('a missing key with --allow-missing-template-keys=false', () => {
    let message = '';
    try {
      jsonpath('{.foo}', { kind: 'Pod', metadata: { name: 'a', labels: { app: 'x' } }, n: 1, l: [true, null] }, { allowMissingKeys: false });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.foo}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"kind":"Pod", "l":[]interface {}{true, interface {}(nil)}, "metadata":map[string]interface {}{"labels":map[string]interface {}{"app":"x"}, "name":"a"}, "n":1}\n\n\n',
    );
  });
  it('the template is %q-quoted in the first line', () => {
    expect(() => jsonpath('{.a[3]}{"\\n"}', { a: [] })).toThrow(
      'error executing jsonpath "{.a[3]}{\\"\\\\n\\"}": Error executing template: array index out of bounds: index 3, length 0.',
    );
  });
  it('the default allows missing keys', () => {
    expect(jsonpath('{.foo}', { a: 1 })).toBe('');
    expect(jsonpath('{.foo}', { a: 1 }, {})).toBe('');
  });
});
