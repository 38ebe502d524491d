// Expected outputs from staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn_test.go
// (TestMassageJSONPath, TestNewColumnPrinterFromSpec/FromTemplate, TestColumnPrint,
// TestIndividualPrintObjOnExistingTabWriter, TestSliceColumnPrint) and customcolumn.go's messages;
// layout from cli-runtime's GetNewTabWriter (minwidth 6, padding 3).
import { describe, expect, it } from 'vitest';
import {
  CustomColumnsError,
  customColumns,
  customColumnsFromFile,
  parseCustomColumnsFile,
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  printCustomColumns,
  relaxedJsonPathExpression,
} from '../../../../src/sim/printers/custom-columns.ts';
import { nodeList, podList } from '../jsonpath/fixtures.ts';

function caught(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('RelaxedJSONPathExpression (TestMassageJSONPath)', () => {
  it.each([
    ['foo.bar', '{.foo.bar}'],
    ['{foo.bar}', '{.foo.bar}'],
    ['.foo.bar', '{.foo.bar}'],
    ['{.foo.bar}', '{.foo.bar}'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(relaxedJsonPathExpression(input)).toBe(output);
  });
  it.each([['{foo.bar'], ['foo.bar}'], ['{foo.bar}}'], ['{{foo.bar}']])('%j is rejected', (input) => {
    expect(() => relaxedJsonPathExpression(input)).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});

describe('specs (TestNewColumnPrinterFromSpec)', () => {
  it('parses headers and relaxes paths', () => {
    expect(parseCustomColumnsSpec('NAME:metadata.name,API_VERSION:apiVersion')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
    ]);
  });
  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['invalid', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
    ['invalid=foobar', 'unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>'],
    ['invalid,foobar:blah', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
  ])('%j fails with %j', (spec, message) => {
    expect(caught(() => customColumns(spec, [])).message).toBe(message);
  });
});

describe('template files (TestNewColumnPrinterFromTemplate)', () => {
  const expected = [
    { header: 'NAME', fieldSpec: '{.metadata.name}' },
    { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
  ];
  it('reads a header line and a spec line separated by any whitespace', () => {
    expect(parseCustomColumnsTemplate('NAME               API_VERSION\n{metadata.name}    {apiVersion}')).toEqual(expected);
    expect(parseCustomColumnsTemplate('NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}')).toEqual(expected);
    expect(parseCustomColumnsFile('NAME API_VERSION\r\n{metadata.name} {apiVersion}\r\n')).toBe('NAME:{.metadata.name},API_VERSION:{.apiVersion}');
  });
  it.each([
    ['', 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['invalid', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME CPU\n.metadata.name\n', "number of headers (2) and field specifications (1) don't match"],
  ])('%j fails with %j', (text, message) => {
    expect(caught(() => parseCustomColumnsTemplate(text)).message).toBe(message);
  });
  it('always prints headers', () => {
    expect(customColumnsFromFile('NODE CPU\n.metadata.name .status.capacity.cpu\n', nodeList.items)).toBe(
      'NODE           CPU\ncontrolplane   2\nnode01         4\n',
    );
  });
});

describe('printing (TestColumnPrint, TestIndividualPrintObjOnExistingTabWriter)', () => {
  const pod = { apiVersion: 'baz', kind: 'Pod', metadata: { name: 'foo' } };
  it.each([
    [[{ header: 'NAME', fieldSpec: '{.metadata.name}' }], [pod], 'NAME\nfoo\n'],
    [[{ header: 'NAME', fieldSpec: '{.metadata.name}' }], [pod, { metadata: { name: 'bar' } }], 'NAME\nfoo\nbar\n'],
    [
      [
        { header: 'NAME', fieldSpec: '{.metadata.name}' },
        { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
      ],
      [pod],
      'NAME   API_VERSION\nfoo    baz\n',
    ],
    [
      [
        { header: 'NAME', fieldSpec: '{.metadata.name}' },
        { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
        { header: 'NOT_FOUND', fieldSpec: '{.notFound}' },
      ],
      [pod],
      'NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n',
    ],
    [
      [
        { header: 'NAME', fieldSpec: '{.metadata.name}' },
        { header: 'LONG COLUMN NAME', fieldSpec: '{.metadata.labels.label1}' },
        { header: 'LABEL 2', fieldSpec: '{.metadata.labels.label2}' },
      ],
      [
        { metadata: { name: 'foo', labels: { label1: 'foo', label2: 'foo' } } },
        { metadata: { name: 'bar', labels: { label1: 'bar', label2: 'bar' } } },
      ],
      'NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n',
    ],
  ])('%#', (columns, items, expected) => {
    expect(printCustomColumns(columns, items)).toBe(expected);
  });

  it('NODE:.metadata.name,CPU:.status.capacity.cpu over nodes', () => {
    expect(customColumns('NODE:.metadata.name,CPU:.status.capacity.cpu', nodeList.items)).toBe(
      'NODE           CPU\ncontrolplane   2\nnode01         4\n',
    );
  });
  it('--no-headers', () => {
    expect(customColumns('NODE:.metadata.name,CPU:.status.capacity.cpu', nodeList.items, { noHeaders: true })).toBe(
      'controlplane   2\nnode01         4\n',
    );
  });
  it('several values join with commas; maps print as fmt.Sprint does', () => {
    expect(
      customColumns('POD:metadata.name,IMAGES:.spec.containers[*].image,LABELS:{.metadata.labels},PORT:.spec.containers[0].ports[0].containerPort', podList.items),
    ).toBe(
      // Column width = longest cell + 3 (34 + 3 for IMAGES), at least 6.
      'POD     IMAGES                               LABELS           PORT\n' +
        'nginx   nginx:1.27                           map[run:nginx]   80\n' +
        'web-0   busybox:1.36,fluent/fluent-bit:3.0   map[app:web]     <none>\n',
    );
  });
  it('an empty list prints the header only', () => {
    expect(customColumns('NAME:.metadata.name', [])).toBe('NAME\n');
  });
  it('terminal escapes are made visible (printers.EscapeTerminal)', () => {
    expect(customColumns('A:.a', [{ a: 'x\x1b[31my\rz' }])).toBe('A\nx^[[31my\\rz\n');
  });
});

describe('slices (TestSliceColumnPrint)', () => {
  const pod = { metadata: { name: 'fake-name', namespace: 'fake-namespace' }, spec: { containers: [0, 1, 2, 3].map((i) => ({ name: `fake${i}` })) } };
  it.each([
    ['[0]', 'fake0'],
    ['[3]', 'fake3'],
    ['[-1]', 'fake3'],
    ['[-2]', 'fake2'],
    ['[-4]', 'fake0'],
    ['[0:0]', '<none>'],
    ['[0:3]', 'fake0,fake1,fake2'],
    ['[1:]', 'fake1,fake2,fake3'],
    ['[0:-1]', 'fake0,fake1,fake2'],
    ['[-1:]', 'fake3'],
    ['[-4:]', 'fake0,fake1,fake2,fake3'],
    ['[-3:-1]', 'fake1,fake2'],
    ['[4:4]', '<none>'],
    ['[-5:-5]', '<none>'],
  ])('containers%s', (index, cell) => {
    expect(customColumns(`CONTAINER:.spec.containers${index}.name`, [pod])).toBe(`CONTAINER\n${cell}\n`);
  });
  it.each([
    ['[5]', 'array index out of bounds: index 5, length 4'],
    ['[-5]', 'array index out of bounds: index -1, length 4'],
    ['[3:1]', 'starting index 3 is greater than ending index 1'],
    ['[-2:-3]', 'starting index 2 is greater than ending index 1'],
  ])('containers%s fails after the header was written', (index, message) => {
    const e = caught(() => customColumns(`CONTAINER:.spec.containers${index}.name`, [pod]));
    expect(e).toBeInstanceOf(CustomColumnsError);
    expect(e.message).toBe(message);
    expect((e as CustomColumnsError).stdout).toBe('CONTAINER\n');
  });
  it('a bad path fails when printing starts, after the header', () => {
    const e = caught(() => customColumns('NAME:.metadata.name,X:.spec.containers[', [pod])) as CustomColumnsError;
    expect(e.message).toBe('unterminated array');
    expect(e.stdout).toBe('NAME   X\n');
  });
  it('rows printed before a failing row stay in the output', () => {
    const short = { metadata: { name: 'short' }, spec: { containers: [{ name: 'only' }] } };
    const e = caught(() => customColumns('NAME:.metadata.name,SECOND:.spec.containers[1].name', [pod, short])) as CustomColumnsError;
    expect(e.message).toBe('array index out of bounds: index 1, length 1');
    expect(e.stdout).toBe('NAME        SECOND\nfake-name   fake1\n');
  });
});
