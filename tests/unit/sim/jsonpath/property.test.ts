// Robustness: whatever the template, jsonpath() returns a string or throws an Error with a
// non-empty message, and finishes quickly (the simulator must never hang on user input).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonpath, LIMITS } from '../../../../src/sim/printers/jsonpath.ts';
import { nodeList, podList } from './fixtures.ts';

const pieces = [
  '{', '}', '.', '..', '...', '[', ']', '*', '@', '$', ',', ':', '-1', '0', '2', '?(', ')', '==', '!=', '<', '>=',
  '"', "'", '\\', '\\.', 'range', 'end', 'true', ' ', '\t', '\n', 'items', 'metadata', 'name', 'status', 'spec',
  'containers', '"\\n"', '#', 'é', '😀',
];
const template = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(''));

function check(t: string, data: unknown, allowMissingKeys?: boolean): void {
  const started = performance.now();
  try {
    expect(typeof jsonpath(t, data, { allowMissingKeys })).toBe('string');
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message.length).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(2000);
}

describe('jsonpath() on random templates', () => {
  it('returns a string or throws an Error with a message', () => {
    fc.assert(
      fc.property(template, fc.boolean(), (t, allow) => {
        check(t, podList, allow);
        check(t, nodeList, allow);
      }),
      { numRuns: 400 },
    );
  });

  it('stays bounded on recursive descent over deep data and on exploding templates', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 2000; i++) deep = { a: [deep, i] };
    expect(jsonpath('{..a[1]}', deep).split(' ').length).toBe(2000);
    // `..*` is a parse error upstream (a `*` must follow a dot), so the wildcard is `...*`.
    expect(() => jsonpath('{..*}', nodeList)).toThrow("unrecognized character in action: U+002A '*'");
    // Each `..` over overlapping subtrees multiplies by the depth: bounded by LIMITS.values.
    const started = performance.now();
    expect(() => jsonpath('{...*...*...*}', deep)).toThrow(`more than ${LIMITS.values} values`);
    expect(performance.now() - started).toBeLessThan(5000);
    const nested = '{range ...*}'.repeat(LIMITS.rangeDepth + 5);
    expect(() => jsonpath(nested, nodeList)).toThrow();
  });

  it('parses very long templates without overflowing the stack', () => {
    const long = '{.items[0].metadata.name}'.repeat(20000);
    expect(jsonpath(long, podList)).toBe('nginx'.repeat(20000));
  });
});
