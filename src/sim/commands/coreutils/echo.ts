import type { CommandFn } from '../../types.ts';
import { fail, ok } from './common.ts';
import { fieldTooWide, MAX_OUTPUT } from '../../limits.ts';

/**
 * Where a backslash escape is read, as bash reads them (printf.def tescape, strtrans.c ansicstr):
 * `echo -e` knows octal only as \0NNN; a printf format knows \NNN, \', \" and \?, and prints \c
 * as it is; printf's %b argument knows both octal forms, and \c stops all output, as in echo.
 */
export type EscapeMode = 'echo' | 'format' | 'b';

/** Backslash escapes of `echo -e`, a printf format or `printf %b`; returns the text and whether `\c` stopped output. */
export function escapes(s: string, mode: EscapeMode = 'echo'): { text: string; stop: boolean } {
  let out = '';
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };
  if (mode === 'format') Object.assign(simple, { "'": "'", '"': '"', '?': '?' });
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const n = s[++i];
    const rest = s.slice(i + 1);
    if (Object.hasOwn(simple, n)) out += simple[n];
    else if (n === 'c' && mode !== 'format') return { text: out, stop: true };
    else if (/[0-7]/.test(n) && (n === '0' || mode !== 'echo')) {
      // Digits after the first: three after \0 in echo and %b, two otherwise.
      const more = n === '0' && mode !== 'format' ? 3 : 2;
      const digits = new RegExp(`^[0-7]{0,${more}}`).exec(rest)![0];
      out += String.fromCharCode(parseInt(n + digits, 8) & 0xff);
      i += digits.length;
    } else if (/[xuU]/.test(n) && /^[0-9a-fA-F]/.test(rest)) {
      const digits = new RegExp(`^[0-9a-fA-F]{1,${n === 'x' ? 2 : n === 'u' ? 4 : 8}}`).exec(rest)![0];
      const code = parseInt(digits, 16);
      out += n === 'x' ? String.fromCharCode(code) : code <= 0x10ffff ? String.fromCodePoint(code) : '';
      i += digits.length;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

/** echo [-neE] ARG…: bash's builtin echo. */
export const echo: CommandFn = (ctx) => {
  let newline = true;
  let interpret = false;
  let i = 1;
  for (; i < ctx.argv.length && /^-[neE]+$/.test(ctx.argv[i]); i++) {
    for (const f of ctx.argv[i].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') interpret = true;
      else interpret = false;
    }
  }
  const text = ctx.argv.slice(i).join(' ');
  if (!interpret) return ok(text + (newline ? '\n' : ''));
  const r = escapes(text);
  return ok(r.text + (newline && !r.stop ? '\n' : ''));
};

/** `%.Nf` for any N: toFixed stops at 100 digits, and a double has no more to show, so the rest are zeros. */
export function toFixed(n: number, digits: number): string {
  const d = Math.min(digits, MAX_OUTPUT);
  if (d <= 100 || !Number.isFinite(n)) return n.toFixed(Math.min(d, 100));
  return n.toFixed(100) + '0'.repeat(d - 100);
}

/** A conversion of a printf format: `%-10.3s` and the like. */
const CONVERSION = /%(-?\d*)(\.\d+)?([sdifxXocbq%])/g;

/** printf FORMAT [ARG]…: bash's builtin, with %s %d %i %f %x %o %c %b %q and widths; the format repeats for extra args. */
export const printf: CommandFn = (ctx) => {
  const [fmt, ...args] = ctx.argv.slice(1).filter((a, k) => !(k === 0 && a === '--'));
  if (fmt === undefined) return fail('bash: printf: usage: printf [-v var] format [arguments]\n', 2);
  // A width or precision past what the terminal keeps is refused before any padding is built:
  // %1000000000d would otherwise allocate a gigabyte to show its first MAX_OUTPUT characters.
  for (const m of fmt.matchAll(CONVERSION)) {
    const width = m[1].replace('-', '');
    if (Number(width) > MAX_OUTPUT) return fail(fieldTooWide('field width', width), 1);
    if (m[2] && m[3] !== 's' && Number(m[2].slice(1)) > MAX_OUTPUT) return fail(fieldTooWide('precision', m[2].slice(1)), 1);
  }
  let out = '';
  let stderr = '';
  let k = 0;
  do {
    const start = k;
    let stop = false;
    let last = 0;
    // Escapes apply to the format's own text only: what a conversion produces is printed as is.
    const literal = (text: string): void => {
      if (stop || !text) return;
      const r = text.includes('\\') ? escapes(text, 'format') : { text, stop: false };
      out += r.text;
      stop = r.stop;
    };
    for (const m of fmt.matchAll(CONVERSION)) {
      literal(fmt.slice(last, m.index));
      last = m.index + m[0].length;
      if (stop) break;
      const [, w, prec, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const a = args[k++] ?? '';
      let s: string;
      if (conv === 's') s = prec ? a.slice(0, Number(prec.slice(1))) : a;
      else if (conv === 'b') {
        const r = escapes(a, 'b');
        s = r.text;
        stop = r.stop;
      } else if (conv === 'q') s = /^[\w./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
      else if (conv === 'c') s = a.slice(0, 1);
      else {
        const n = a === '' ? 0 : Number(a);
        if (Number.isNaN(n)) {
          stderr += `bash: printf: ${a}: invalid number\n`;
          s = '0';
        } else if (conv === 'f') s = toFixed(n, prec ? Number(prec.slice(1)) : 6);
        else if (conv === 'x' || conv === 'X') s = Math.trunc(n).toString(16)[conv === 'X' ? 'toUpperCase' : 'toLowerCase']();
        else if (conv === 'o') s = Math.trunc(n).toString(8);
        else s = String(Math.trunc(n));
      }
      const width = Number(w.replace('-', '')) || 0;
      out += w.startsWith('-') ? s.padEnd(width) : s.padStart(width);
    }
    literal(fmt.slice(last));
    if (stop || k === start || out.length > MAX_OUTPUT) break;
  } while (k < args.length);
  return { stdout: out, stderr, exitCode: stderr ? 1 : 0 };
};
