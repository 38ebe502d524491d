import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from '../../../src/components/terminal/ansi.ts';

describe('parseAnsi', () => {
  it('keeps plain text as one run', () => {
    expect(parseAnsi('hello\nworld')).toEqual([{ kind: 'text', text: 'hello\nworld', bold: false, fg: undefined }]);
  });

  it('honours bold and the 8 + 8 SGR colours, and resets', () => {
    // SGR codes as in ECMA-48 §8.3.117: 1 bold, 31 red, 92 bright green, 0 / empty reset.
    expect(parseAnsi('\x1b[1;31mERR\x1b[0m ok \x1b[92mgo\x1b[m.')).toEqual([
      { kind: 'text', text: 'ERR', bold: true, fg: 1 },
      { kind: 'text', text: ' ok ', bold: false, fg: undefined },
      { kind: 'text', text: 'go', bold: false, fg: 10 },
      { kind: 'text', text: '.', bold: false, fg: undefined },
    ]);
  });

  it('marks the clear-screen sequence `clear` prints (ncurses clear: ESC[H ESC[2J)', () => {
    expect(parseAnsi('old\x1b[H\x1b[2Jnew')).toEqual([
      { kind: 'text', text: 'old', bold: false, fg: undefined },
      { kind: 'clear' },
      { kind: 'text', text: 'new', bold: false, fg: undefined },
    ]);
  });

  it('drops other escapes and control bytes, never passing markup through as anything but text', () => {
    expect(stripAnsi('a\x1b[2Kb\x1b]0;title\x07c\rd\x07e\x1b[38;5;196mf')).toBe('abcdef');
    expect(stripAnsi('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('skips the arguments of 256-colour and RGB codes instead of reading them as codes', () => {
    // 38;5;1 would otherwise read "1" as bold.
    expect(parseAnsi('\x1b[38;5;1mx')).toEqual([{ kind: 'text', text: 'x', bold: false, fg: undefined }]);
    expect(parseAnsi('\x1b[38;2;1;2;3;1mx')).toEqual([{ kind: 'text', text: 'x', bold: true, fg: undefined }]);
  });
});
