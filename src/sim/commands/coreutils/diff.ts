/**
 * diff (GNU diffutils 3.10, Ubuntu 24.04): the normal format and the unified one (-u, -U N),
 * -q and -s, -i/-b/-w/-B, `-` for standard input and a directory operand holding the other's
 * name. Lines are matched as diffutils' analyze.c matches them (middle snakes, shifted boundaries);
 * exit status 0 for equal inputs, 1 for different ones, 2 for trouble.
 */
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { strftime } from '../../strftime.ts';
import { getopt, last } from '../getopt.ts';
import { abs, charge } from './common.ts';

/** One run of the edit script: lines [a0, a1) of the first file become [b0, b1) of the second. */
interface Change {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

const LONG: Record<string, string> = {
  brief: 'q', 'report-identical-files': 's', unified: 'U::', 'ignore-case': 'i', 'ignore-space-change': 'b',
  'ignore-all-space': 'w', 'ignore-blank-lines': 'B', 'new-file': 'N', text: 'a', color: 'color::', help: 'help', version: 'v',
  // Real options the sandbox does not print by.
  context: 'C::', 'side-by-side': 'y', recursive: 'r', ed: 'e', exclude: 'x', 'exclude-from': 'X', normal: 'normal', label: 'label:', 'strip-trailing-cr': 'strip-trailing-cr',
};
const SHORT = 'qsU:iwbBNauC:cyrevx:X:';

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

/** Lines of a text; `newline` says whether its last line ended with one. */
function split(text: string): { lines: string[]; newline: boolean } {
  if (text === '') return { lines: [], newline: true };
  const newline = text.endsWith('\n');
  return { lines: (newline ? text.slice(0, -1) : text).split('\n'), newline };
}

/**
 * Marks the lines each side changes, as diffutils' analyze.c does: compareseq's divide and
 * conquer over Myers' middle snake (diag), then shift_boundaries, which slides each run of
 * changes to merge with its neighbours and to face a run in the other file.
 */
function markChanges(lines: string[], others: string[]): [Uint8Array, Uint8Array] {
  // One slot of padding each side: the shifting below reads changed[-1] and changed[len] as 0.
  const ca = new Uint8Array(lines.length + 2);
  const cb = new Uint8Array(others.length + 2);
  // discard_confusing_lines: a line the other file never has is a change before any matching
  // (its provisional discards of very frequent lines are left out here).
  const inB = new Set(others);
  const inA = new Set(lines);
  const ia: number[] = [];
  const ib: number[] = [];
  lines.forEach((l, i) => (inB.has(l) ? ia.push(i) : (ca[i + 1] = 1)));
  others.forEach((l, i) => (inA.has(l) ? ib.push(i) : (cb[i + 1] = 1)));
  const a = ia.map((i) => lines[i]);
  const b = ib.map((i) => others[i]);
  const n = a.length;
  const m = b.length;
  const off = m + 1;
  const fd = new Int32Array(n + m + 3);
  const bd = new Int32Array(n + m + 3);

  /** diag(): the point where the forward and backward searches of [xoff,xlim)×[yoff,ylim) meet. */
  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (;;) {
      if (fmin > dmin) fd[off + --fmin - 1] = -1;
      else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1];
        const thi = fd[off + d + 1];
        let x = tlo >= thi ? tlo + 1 : thi;
        let y = x - d;
        while (x < xlim && y < ylim && a[x] === b[y]) [x, y] = [x + 1, y + 1];
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d] <= x) return [x, y];
      }
      if (bmin > dmin) bd[off + --bmin - 1] = 0x7fffffff;
      else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = 0x7fffffff;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1];
        const thi = bd[off + d + 1];
        let x = tlo < thi ? tlo : thi - 1;
        let y = x - d;
        while (xoff < x && yoff < y && a[x - 1] === b[y - 1]) [x, y] = [x - 1, y - 1];
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]) return [x, y];
      }
    }
  };

  const compareseq = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && a[xoff] === b[yoff]) [xoff, yoff] = [xoff + 1, yoff + 1];
    while (xoff < xlim && yoff < ylim && a[xlim - 1] === b[ylim - 1]) [xlim, ylim] = [xlim - 1, ylim - 1];
    if (xoff === xlim) for (let y = yoff; y < ylim; y++) cb[ib[y] + 1] = 1;
    else if (yoff === ylim) for (let x = xoff; x < xlim; x++) ca[ia[x] + 1] = 1;
    else {
      const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
      compareseq(xoff, xmid, yoff, ymid);
      compareseq(xmid, xlim, ymid, ylim);
    }
  };
  compareseq(0, n, 0, m);
  shiftBoundaries(lines, ca, cb);
  shiftBoundaries(others, cb, ca);
  return [ca, cb];
}

/** analyze.c's shift_boundaries for one side (`changed` and `other` padded by one slot each side). */
function shiftBoundaries(lines: string[], changed: Uint8Array, other: Uint8Array): void {
  // Index k of the C code is slot k + 1 here.
  const ch = (k: number) => changed[k + 1];
  const oc = (k: number) => other[k + 1];
  const end = lines.length;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < end && !ch(i)) {
      while (oc(j++)) continue;
      i++;
    }
    if (i === end) break;
    let start = i;
    while (ch(++i)) continue;
    while (oc(j)) j++;
    let runlength: number;
    let corresponding: number;
    do {
      runlength = i - start;
      while (start && lines[start - 1] === lines[i - 1]) {
        changed[--start + 1] = 1;
        changed[--i + 1] = 0;
        while (ch(start - 1)) start--;
        while (oc(--j)) continue;
      }
      corresponding = oc(j - 1) ? i : end;
      while (i !== end && lines[start] === lines[i]) {
        changed[start++ + 1] = 0;
        changed[i++ + 1] = 1;
        while (ch(i)) i++;
        while (oc(++j)) corresponding = i;
      }
    } while (runlength !== i - start);
    while (corresponding < i) {
      changed[--start + 1] = 1;
      changed[--i + 1] = 0;
      while (oc(--j)) continue;
    }
  }
}

/** The edit script between two sequences of comparison keys, as runs of changed lines. */
export function editScript(a: string[], b: string[]): Change[] {
  const [ca, cb] = markChanges(a, b);
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && !ca[i + 1] && !cb[j + 1]) [i, j] = [i + 1, j + 1];
    else {
      const c = { a0: i, a1: i, b0: j, b1: j };
      while (c.a1 < a.length && ca[c.a1 + 1]) c.a1++;
      while (c.b1 < b.length && cb[c.b1 + 1]) c.b1++;
      // An unchanged line on one side only cannot happen: the sides stay in step.
      if (c.a0 === c.a1 && c.b0 === c.b1) [i, j] = [i + 1, j + 1];
      else changes.push(c);
      [i, j] = [Math.max(i, c.a1), Math.max(j, c.b1)];
    }
  }
  return changes;
}

/** What follows a last line that has no newline. */
const noNl = '\\ No newline at end of file\n';

/** `l` or `l,r` for lines [from, to) counted from one (normal format). */
const range = (from: number, to: number): string => (to - from > 1 ? `${from + 1},${to}` : String(to - from === 1 ? from + 1 : from));

/** The normal format: `2c2`, `< old`, `---`, `> new`. */
function normal(a: string[], b: string[], aNl: boolean, bNl: boolean, changes: Change[]): string {
  let out = '';
  for (const c of changes) {
    const op = c.a0 === c.a1 ? 'a' : c.b0 === c.b1 ? 'd' : 'c';
    out += `${range(c.a0, c.a1)}${op}${range(c.b0, c.b1)}\n`;
    for (let i = c.a0; i < c.a1; i++) out += `< ${a[i]}\n${i === a.length - 1 && !aNl ? noNl : ''}`;
    if (op === 'c') out += '---\n';
    for (let j = c.b0; j < c.b1; j++) out += `> ${b[j]}\n${j === b.length - 1 && !bNl ? noNl : ''}`;
  }
  return out;
}

/** `start,count` of a unified hunk side: a count of 1 alone, an empty side at the line before. */
const uniRange = (from: number, to: number): string => (to - from === 1 ? String(from + 1) : `${to - from === 0 ? from : from + 1},${to - from}`);

/** The unified format: `---`/`+++` headers and `@@` hunks with `context` lines around the changes. */
function unified(a: string[], b: string[], aNl: boolean, bNl: boolean, changes: Change[], context: number, heads: [string, string]): string {
  let out = `--- ${heads[0]}\n+++ ${heads[1]}\n`;
  for (let h = 0; h < changes.length; ) {
    // Changes closer than twice the context share a hunk.
    let e = h;
    while (e + 1 < changes.length && changes[e + 1].a0 - changes[e].a1 <= 2 * context) e++;
    const a0 = Math.max(0, changes[h].a0 - context);
    const b0 = Math.max(0, changes[h].b0 - context);
    const a1 = Math.min(a.length, changes[e].a1 + context);
    const b1 = Math.min(b.length, changes[e].b1 + context);
    out += `@@ -${uniRange(a0, a1)} +${uniRange(b0, b1)} @@\n`;
    let i = a0;
    for (let c = h; c <= e; c++) {
      const ch = changes[c];
      for (; i < ch.a0; i++) out += ` ${a[i]}\n${i === a.length - 1 && !aNl ? noNl : ''}`;
      for (let x = ch.a0; x < ch.a1; x++) out += `-${a[x]}\n${x === a.length - 1 && !aNl ? noNl : ''}`;
      for (let y = ch.b0; y < ch.b1; y++) out += `+${b[y]}\n${y === b.length - 1 && !bNl ? noNl : ''}`;
      i = ch.a1;
    }
    // Trailing context: the same lines in both files; the second's end of file decides the marker.
    const j0 = changes[e].b1;
    for (let k = 0; i < a1; i++, k++) out += ` ${a[i]}\n${j0 + k === b.length - 1 && !bNl ? noNl : ''}`;
    h = e + 1;
  }
  return out;
}

/** diff [OPTION]... FILES */
export const diff: CommandFn = (ctx: CommandContext) => {
  const o = getopt(ctx.argv, 'diff', SHORT, LONG);
  if (o.error) return res('', `${o.error}diff: Try 'diff --help' for more information.\n`, 2);
  for (const { key } of o.list) {
    if (key === 'help') return res('', "kubesim: diff --help: not simulated in this sandbox (-u, -U N, -q, -s, -i, -b, -w and -B are)\n", 2);
    if (key === 'v') return res('diff (GNU diffutils) 3.10\n');
    if ('CcyreNxX'.includes(key) || key === 'normal' || key === 'label' || key === 'strip-trailing-cr')
      return res('', `kubesim: diff ${key.length > 1 ? `--${key}` : `-${key}`}: not simulated in this sandbox (-u, -U N, -q, -s, -i, -b, -w and -B are)\n`, 2);
  }
  const files = o.args;
  if (files.length === 0) return res('', "diff: missing operand after 'diff'\ndiff: Try 'diff --help' for more information.\n", 2);
  if (files.length === 1) return res('', `diff: missing operand after '${files[0]}'\ndiff: Try 'diff --help' for more information.\n`, 2);
  if (files.length > 2) return res('', `diff: extra operand '${files[2]}'\ndiff: Try 'diff --help' for more information.\n`, 2);
  const unifiedArg = o.values.get('U') !== undefined || o.flags.has('U') || o.flags.has('u') ? (last(o, 'U') ?? '3') : undefined;
  const context = unifiedArg === undefined ? undefined : Number(unifiedArg);
  if (unifiedArg !== undefined && !/^\d+$/.test(unifiedArg)) return res('', `diff: invalid context length '${unifiedArg}'\ndiff: Try 'diff --help' for more information.\n`, 2);
  const fs = ctx.host.fs;
  const paths = files.map((f) => (f === '-' ? '-' : abs(ctx, f)));
  if (fs.isDir(paths[0]) && fs.isDir(paths[1])) return res('', 'kubesim: diff: comparing directories is not simulated in this sandbox; diff two files\n', 2);
  // A directory operand stands for the file of the other operand's name inside it.
  const named = paths.map((p, i) => (p !== '-' && fs.isDir(p) ? `${p.replace(/\/$/, '')}/${files[1 - i].replace(/^.*\//, '')}` : p));
  const shown = files.map((f, i) => (named[i] === paths[i] ? f : `${f.replace(/\/$/, '')}/${files[1 - i].replace(/^.*\//, '')}`));
  const texts: string[] = [];
  for (let i = 0; i < 2; i++) {
    const text = named[i] === '-' ? ctx.stdin : named[i] === '/dev/null' ? '' : fs.readFile(named[i]);
    if (text === undefined) return res('', `diff: ${shown[i]}: No such file or directory\n`, 2);
    texts.push(charge(ctx, text));
  }
  const [fa, fb] = texts.map(split);
  const key = (l: string): string => {
    let s = l;
    if (o.flags.has('w')) s = s.replace(/\s+/g, '');
    else if (o.flags.has('b')) s = s.replace(/\s+$/, '').replace(/\s+/g, ' ');
    return o.flags.has('i') ? s.toLowerCase() : s;
  };
  // The last line's missing newline makes it differ from the same text with one (as diff sees it).
  const keys = (f: { lines: string[]; newline: boolean }) => f.lines.map((l, i) => key(l) + (i === f.lines.length - 1 && !f.newline ? '\0' : ''));
  let changes = editScript(keys(fa), keys(fb));
  if (o.flags.has('B')) changes = changes.filter((c) => ![...fa.lines.slice(c.a0, c.a1), ...fb.lines.slice(c.b0, c.b1)].every((l) => l.trim() === ''));
  if (!changes.length) return res(o.flags.has('s') ? `Files ${shown[0]} and ${shown[1]} are identical\n` : '');
  if (o.flags.has('q')) return res(`Files ${shown[0]} and ${shown[1]} differ\n`, '', 1);
  if (context === undefined) return res(normal(fa.lines, fb.lines, fa.newline, fb.newline, changes), '', 1);
  const stamp = (i: number): string => {
    const t = named[i] === '-' || named[i] === '/dev/null' ? ctx.world.clock.now() : (fs.stat?.(named[i])?.mtime ?? 0);
    return `${shown[i]}\t${strftime(t, '%Y-%m-%d %H:%M:%S.%N %z')}`;
  };
  return res(unified(fa.lines, fb.lines, fa.newline, fb.newline, changes, context, [stamp(0), stamp(1)]), '', 1);
};
