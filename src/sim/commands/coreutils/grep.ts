import type { CommandFn } from '../../types.ts';
import { abs, charge, lines, quotef } from './common.ts';
import { getopt, last } from '../getopt.ts';
import { compilePosix, RegexError } from './regex.ts';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/** grep [-iEFvnwcloqrhHx] [-A N] [-B N] [-C N] [-e PAT] PATTERN [FILE]…: GNU grep 3.11 (Ubuntu 24.04), without colour. */
export const grep: CommandFn = (ctx) => {
  const name = ctx.argv[0] === 'egrep' ? 'grep' : ctx.argv[0];
  const o = getopt(ctx.argv, name, 'iyEFGvnwcloqrRhHxsA:B:C:e:m:', {
    'ignore-case': 'i', 'extended-regexp': 'E', 'fixed-strings': 'F', 'invert-match': 'v', 'line-number': 'n',
    'word-regexp': 'w', count: 'c', 'files-with-matches': 'l', 'only-matching': 'o', quiet: 'q', silent: 'q',
    recursive: 'r', 'no-filename': 'h', 'with-filename': 'H', 'line-regexp': 'x', 'after-context': 'A',
    'before-context': 'B', context: 'C', regexp: 'e', 'max-count': 'm', 'no-messages': 's', color: 's', colour: 's',
  });
  if (o.error) return { stdout: '', stderr: o.error + USAGE, exitCode: 2 };
  const f = o.flags;
  const patterns = o.values.get('e') ?? (o.args.length ? [o.args.shift()!] : undefined);
  if (!patterns) return { stdout: '', stderr: USAGE, exitCode: 2 };
  const ctxNum = (k: string): number | undefined => {
    const v = last(o, k) ?? last(o, 'C');
    return v === undefined ? undefined : Number(v);
  };
  for (const k of ['A', 'B', 'C']) {
    const v = last(o, k);
    if (v !== undefined && !/^\d+$/.test(v)) return { stdout: '', stderr: `grep: ${v}: invalid context length argument\n`, exitCode: 2 };
  }
  const after = ctxNum('A') ?? 0;
  const before = ctxNum('B') ?? 0;
  let re: RegExp;
  try {
    const parts = patterns.flatMap((p) => p.split('\n')).map((p) => {
      let src = f.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : compilePosix(p, f.has('E') || ctx.argv[0] === 'egrep', '').source;
      if (f.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
      if (f.has('x')) src = `^(?:${src})$`;
      return src;
    });
    re = new RegExp(parts.map((p) => `(?:${p})`).join('|'), f.has('i') || f.has('y') ? 'gi' : 'g');
  } catch (e) {
    const msg = e instanceof RegexError ? e.message : 'Invalid regular expression';
    return { stdout: '', stderr: `grep: ${msg}\n`, exitCode: 2 };
  }
  // Files: expand directories under -r; none with -r means the current directory.
  const fs = ctx.host.fs;
  let files = o.args;
  if ((f.has('r') || f.has('R')) && files.length === 0) files = ['.'];
  let stderr = '';
  const inputs: { name: string; text: string }[] = [];
  const walk = (display: string, path: string): void => {
    if (fs.isDir(path)) {
      for (const n of fs.list(path) ?? []) walk(display === '.' ? n : `${display.replace(/\/$/, '')}/${n}`, `${path}/${n}`.replace('//', '/'));
    } else {
      inputs.push({ name: display, text: charge(ctx, fs.readFile(path) ?? '') });
    }
  };
  for (const file of files.length ? files : ['-']) {
    if (file === '-') {
      inputs.push({ name: '(standard input)', text: charge(ctx, ctx.stdin) });
      continue;
    }
    const p = abs(ctx, file);
    if (!fs.exists(p)) {
      if (!f.has('s')) stderr += `grep: ${quotef(file)}: No such file or directory\n`;
    } else if (fs.isDir(p)) {
      if (f.has('r') || f.has('R')) walk(file, p);
      else if (!f.has('s')) stderr += `grep: ${quotef(file)}: Is a directory\n`;
    } else inputs.push({ name: file, text: charge(ctx, fs.readFile(p) ?? '') });
  }
  const prefixNames = f.has('H') || (!f.has('h') && (inputs.length > 1 || f.has('r') || f.has('R')));
  const max = last(o, 'm') !== undefined ? Number(last(o, 'm')) : Infinity;
  let stdout = '';
  let matchedAny = false;
  for (const input of inputs) {
    const ls = lines(input.text);
    const hits: boolean[] = ls.map((l) => {
      re.lastIndex = 0;
      return re.test(l) !== f.has('v');
    });
    let count = 0;
    const shown = new Set<number>();
    const picked: number[] = [];
    hits.forEach((h, k) => {
      if (h && count < max) {
        count++;
        picked.push(k);
      }
    });
    if (count > 0) matchedAny = true;
    if (f.has('q')) continue;
    if (f.has('l')) {
      if (count > 0) stdout += input.name + '\n';
      continue;
    }
    if (f.has('c')) {
      stdout += (prefixNames ? `${input.name}:` : '') + count + '\n';
      continue;
    }
    let lastPrinted = -1;
    const pickedSet = new Set(picked);
    for (const k of picked) {
      const from = Math.max(0, k - before);
      const to = Math.min(ls.length - 1, k + after);
      if ((before || after) && lastPrinted >= 0 && from > lastPrinted + 1) stdout += '--\n';
      for (let j = Math.max(from, lastPrinted + 1); j <= to; j++) {
        if (shown.has(j)) continue;
        shown.add(j);
        const isHit = pickedSet.has(j);
        const sep = isHit ? ':' : '-';
        const pre = (prefixNames ? input.name + sep : '') + (f.has('n') ? `${j + 1}${sep}` : '');
        if (f.has('o') && isHit && !f.has('v')) {
          re.lastIndex = 0;
          for (const m of ls[j].matchAll(re)) if (m[0] !== '') stdout += pre + m[0] + '\n';
        } else if (!f.has('o')) stdout += pre + ls[j] + '\n';
        lastPrinted = j;
      }
    }
  }
  const status = stderr && !(f.has('q') && matchedAny) ? 2 : matchedAny ? 0 : 1;
  return { stdout, stderr, exitCode: status };
};
