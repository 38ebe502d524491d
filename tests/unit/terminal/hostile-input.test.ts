import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator, isIncomplete } from '../../../src/sim/index.ts';
import { MAX_INPUT_BYTES, MAX_LINE_BYTES } from '../../../src/sim/limits.ts';
import type { FromWorker } from '../../../src/components/terminal/protocol.ts';
import { SimSession } from '../../../src/components/terminal/session.ts';
import { parseAnsi, stripAnsi } from '../../../src/components/terminal/ansi.ts';
import { applyCompletion, formatColumns, keyAction, wordStart } from '../../../src/components/terminal/line-editor.ts';

// The terminal's own input handling under hostile input: control characters, escapes and very
// long pastes never throw, stay text, and never leave the session waiting forever.

const session = () => {
  const s = new SimSession((scenario) => createSimulator({ scenario }), isIncomplete);
  s.handle({ type: 'init', scenario: 'default', replay: [] });
  return s;
};

function entry(answer: FromWorker | undefined) {
  if (answer?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(answer)?.slice(0, 200)}`);
  return answer.entry;
}

const controls = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)), maxLength: 60 });

describe('the worker session on hostile lines', () => {
  it('answers control characters, escapes and NULs with a result, keeping the input as typed', () => {
    const s = session();
    let id = 0;
    fc.assert(
      fc.property(controls, (line) => {
        const answer = s.handle({ type: 'run', id: ++id, input: line });
        expect(answer?.type === 'result' || answer?.type === 'more').toBe(true);
        if (answer?.type === 'result') expect(answer.entry.input.endsWith(line)).toBe(true);
        if (answer?.type === 'more') s.handle({ type: 'cancel' });
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(entry(s.handle({ type: 'run', id: ++id, input: 'echo ok' })).stdout).toBe('ok\n');
  });

  it('answers a 100 KB paste with the line limit message at once', () => {
    const s = session();
    const e = entry(s.handle({ type: 'run', id: 1, input: 'echo ' + 'x'.repeat(100 * 1024) }));
    expect(e.stderr).toBe(`kubesim: input line too long (max ${MAX_LINE_BYTES} bytes)\n`);
    expect(e.exitCode).toBe(2);
  });

  it('stops waiting for an endless here-document once it passes the input limit', () => {
    const s = session();
    expect(s.handle({ type: 'run', id: 0, input: 'cat <<EOF' })?.type).toBe('more');
    const line = 'z'.repeat(10_000);
    let answer: FromWorker | undefined;
    let n = 0;
    do answer = s.handle({ type: 'run', id: ++n, input: line });
    while (answer?.type === 'more' && n < 100);
    expect(n).toBe(Math.ceil(MAX_INPUT_BYTES / (line.length + 1)));
    expect(entry(answer).stderr).toBe(`kubesim: input too large (max ${MAX_INPUT_BYTES} bytes)\n`);
    expect(entry(s.handle({ type: 'run', id: ++n, input: 'echo back' })).stdout).toBe('back\n');
  });
});

describe('output and line editing on hostile text', () => {
  it('parseAnsi keeps all text, drops every escape and control byte but tab and newline', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(controls, fc.constantFrom('\x1b[31m', '\x1b[0m', '\x1b[38;5;9m', '\x1b]0;t\x07', '\x1b[2J', '\x1b[', '\x1b')), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const plain = stripAnsi(text);
        expect(plain).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
        for (const p of parseAnsi(text)) if (p.kind === 'text') expect(p.fg === undefined || (p.fg >= 0 && p.fg <= 15)).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(stripAnsi('a\x1b[31mb\x1b[0mc\td\n')).toBe('abc\td\n');
  });

  it('handles a megabyte line and an unterminated escape in linear time', () => {
    const big = 'x'.repeat(1 << 20);
    expect(stripAnsi('\x1b]' + big)).toBe('');
    expect(stripAnsi('\x1b[' + big)).toBe(big.slice(1));
    expect(wordStart(big, big.length)).toBe(0);
    expect(applyCompletion(big, big.length, []).line).toBe(big);
    expect(keyAction({ key: '\x00', ctrlKey: false, shiftKey: false, metaKey: false, altKey: false }, big, false)).toBeUndefined();
    expect(formatColumns(['a\x1b[31m', 'b\x00'], 80)).toContain('b\x00');
  });
});
