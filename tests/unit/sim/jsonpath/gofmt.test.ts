// Go's renderings as documented by the Go standard library: strconv.FormatFloat(f, 'g', -1, 64)
// for %v, strconv.Quote for %q, fmt's %#U and %#v, encoding/json's Marshal (sorted keys, HTML
// escaping, \b and \f since Go 1.22).
import { describe, expect, it } from 'vitest';
import { compareGo, formatFloatG, goJson, goQuote, goRuneU, goSharpV, goV } from '../../../../src/sim/printers/jsonpath/gofmt.ts';

describe('formatFloatG (%v of a float64)', () => {
  it.each([
    [0.5, '0.5'],
    [1.1, '1.1'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
    [-2.5e-7, '-2.5e-07'],
    [1e100, '1e+100'],
  ])('%d → %s', (f, s) => {
    expect(formatFloatG(f)).toBe(s);
  });
});

describe('goQuote (%q)', () => {
  it.each([
    ['{.a}', '"{.a}"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\n\t\x07\x00', '"\\n\\t\\a\\x00"'],
    ['日本語', '"日本語"'],
    ['\u200b', '"\\u200b"'],
  ])('%j', (s, q) => {
    expect(goQuote(s)).toBe(q);
  });
});

describe('goRuneU (%#U)', () => {
  it('prints the glyph only for printable runes', () => {
    expect(goRuneU(0x23)).toBe("U+0023 '#'");
    expect(goRuneU(0x09)).toBe('U+0009');
    expect(goRuneU(0x1f600)).toBe("U+1F600 '😀'");
  });
});

describe('goV (fmt.Sprint) and goSharpV (%#v)', () => {
  const v = { b: [1, 'x', null], a: { k: true }, f: 2.5 };
  it('%v', () => {
    expect(goV(v)).toBe('map[a:map[k:true] b:[1 x <nil>] f:2.5]');
    expect(goV(null)).toBe('<nil>');
  });
  it('%#v', () => {
    expect(goSharpV(v)).toBe('map[string]interface {}{"a":map[string]interface {}{"k":true}, "b":[]interface {}{1, "x", interface {}(nil)}, "f":2.5}');
  });
});

describe('goJson (json.Marshal)', () => {
  it('sorts keys, escapes HTML and controls like Go', () => {
    expect(goJson({ z: '<a&b>', a: '\u2028\b\f\x01', m: [1.5, 2, null, false] })).toBe(
      '{"a":"\\u2028\\b\\f\\u0001","m":[1.5,2,null,false],"z":"\\u003ca\\u0026b\\u003e"}',
    );
  });
});

describe('compareGo', () => {
  it('orders by code point (UTF-8 bytes), not UTF-16 units', () => {
    expect(compareGo('\uffff', '😀')).toBeLessThan(0);
    expect(['b', 'a', 'B'].sort(compareGo)).toEqual(['B', 'a', 'b']);
  });
});
