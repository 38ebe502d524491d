// Cases from k8s.io/client-go/util/jsonpath/parser_test.go (TestParser, TestFailParser); the
// extra error cases follow parser.go's messages.
import { describe, expect, it } from 'vitest';
import { parseTemplate, unquoteExtend } from '../../../../src/sim/printers/jsonpath/parser.ts';
import type { Node } from '../../../../src/sim/printers/jsonpath/parser.ts';

/** collectNode of parser_test.go: a depth-first list of node descriptions, the root excluded. */
function collect(node: Node, out: string[] = []): string[] {
  switch (node.type) {
    case 'list': out.push('list'); node.nodes.forEach((n) => collect(n, out)); break;
    case 'filter': out.push(`filter ${node.op}`); collect(node.left, out); collect(node.right, out); break;
    case 'union': out.push('union'); node.nodes.forEach((n) => collect(n, out)); break;
    case 'text': out.push(`text ${JSON.stringify(node.text)}`); break;
    case 'field': out.push(`field ${node.name}`); break;
    case 'array': out.push(`array ${node.params.map((p) => `${p.value}/${p.known}/${p.derived}`).join(' ')}`); break;
    case 'int': case 'float': case 'bool': out.push(`${node.type} ${node.value}`); break;
    case 'identifier': out.push(`identifier ${node.name}`); break;
    default: out.push(node.type);
  }
  return out;
}
const nodes = (text: string): string[] => collect(parseTemplate(text)).slice(1);

describe('TestParser (parser_test.go)', () => {
  it.each([
    ['plain', 'hello jsonpath', ['text "hello jsonpath"']],
    ['variable', 'hello {.jsonpath}', ['text "hello "', 'list', 'field jsonpath']],
    ['arrayfiled', "hello {['jsonpath']}", ['text "hello "', 'list', 'field jsonpath']],
    ['quote', '{"{"}', ['list', 'text "{"']],
    ['array', '{[1:3]}', ['list', 'array 1/true/false 3/true/false 0/false/false']],
    ['allarray', '{.book[*].author}', ['list', 'field book', 'array 0/false/false 0/false/false 0/false/false', 'field author']],
    ['wildcard', '{.bicycle.*}', ['list', 'field bicycle', 'wildcard']],
    ['filter', '{[?(@.price<3)]}', ['list', 'filter <', 'list', 'field price', 'list', 'int 3']],
    ['recursive', '{..}', ['list', 'recursive']],
    ['recurField', '{..price}', ['list', 'recursive', 'field price']],
    ['arraydict', "{['book.price']}", ['list', 'field book', 'field price']],
    [
      'union',
      "{['bicycle.price', 3, 'book.price']}",
      ['list', 'union', 'list', 'field bicycle', 'field price', 'list', 'array 3/true/false 4/true/true 0/false/false', 'list', 'field book', 'field price'],
    ],
    ['range', '{range .items}{.name},{end}', ['list', 'identifier range', 'field items', 'list', 'field name', 'text ","', 'list', 'identifier end']],
    [
      'paired parentheses in quotes',
      '{[?(@.status.nodeInfo.osImage == "()")]}',
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', 'text "()"'],
    ],
    [
      'paired parentheses in double quotes and with double quotes escape',
      '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', 'text "(\\"\\")"'],
    ],
    ['unregular parentheses in double quotes', '{[?(@.test == "())(")]}', ['list', 'filter ==', 'list', 'field test', 'list', 'text "())("']],
    [
      'plain text in single quotes',
      "{[?(@.status.nodeInfo.osImage == 'Linux')]}",
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', 'text "Linux"'],
    ],
    [
      'test filter suffix',
      '{[?(@.status.nodeInfo.osImage == "{[()]}")]}',
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', 'text "{[()]}"'],
    ],
    [
      'double inside single',
      `{[?(@.status.nodeInfo.osImage == "''")]}`,
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', `text "''"`],
    ],
    [
      'single inside double',
      `{[?(@.status.nodeInfo.osImage == '""')]}`,
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', 'text "\\"\\""'],
    ],
    [
      'single containing escaped single',
      "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}",
      ['list', 'filter ==', 'list', 'field status', 'field nodeInfo', 'field osImage', 'list', `text "\\\\'"`],
    ],
    ['negative index slice, equals a[len-5] to a[len-1]', '{[-5:]}', ['list', 'array -5/true/false 0/false/false 0/false/false']],
    ['negative index slice, equals a[len-1]', '{[-1]}', ['list', 'array -1/true/false 0/true/true 0/false/false']],
    ['negative index slice, equals a[1] to a[len-1]', '{[1:-1]}', ['list', 'array 1/true/false -1/true/false 0/false/false']],
    ['booleans and floats', '{true}{1.5}', ['list', 'bool true', 'list', 'float 1.5']],
    ['escaped dots stay in the field name', '{.metadata.labels.kubernetes\\.io/hostname}', ['list', 'field metadata', 'field labels', 'field kubernetes.io/hostname']],
  ])('%s', (_name, text, expected) => {
    expect(nodes(text)).toEqual(expected);
  });

  it('malformat input', () => {
    expect(() => parseTemplate('{\\\\\\}')).toThrow();
  });
});

describe('TestFailParser (parser_test.go) and the other parser.go messages', () => {
  it.each([
    ['{.hello', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{[1}', 'unterminated array'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{........}', 'invalid multiple recursive descent'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{\t.a}', 'unrecognized character in action: U+0009'],
    ['{.a\n}', 'unclosed action'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"a\\\\"}', 'unterminated quoted string'],
    ["{'it\\\"s'}", "unquote string 'it\\\"s' error invalid syntax"],
    ['{[a]}', 'invalid array index a'],
    ['{[-]}', 'array index - is not a number'],
    ['{[?(@.a=="x"]}', 'unterminated filter'],
    ['{[?(@.a)x]}', 'unclosed array expect ]'],
    ['{.a{.b}}', "unrecognized character in action: U+007B '{'"],
    ['{[1,x]}', 'invalid array index x'],
  ])('%j fails with %j', (text, message) => {
    expect(() => parseTemplate(text)).toThrow(message);
    try {
      parseTemplate(text);
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });
});

describe('UnquoteExtend (parser.go)', () => {
  it.each([
    ['"abc"', 'abc'],
    ["'abc'", 'abc'],
    ['"a\\tb"', 'a\tb'],
    ["'\\''", "'"],
    ['"\\u3042"', 'あ'],
    ['"\\U0001F600"', '😀'],
    ['"\\xe3\\x81\\x82"', 'あ'],
  ])('%s', (quoted, expected) => {
    expect(unquoteExtend(quoted)).toBe(expected);
  });
  it.each([['"a'], ['"\\q"'], ["'\\\"'"], ['"\\400"'], ['"\\ud800"'], ["'a'b'"]])('%s is invalid syntax', (quoted) => {
    expect(unquoteExtend(quoted)).toBeUndefined();
  });
});
