import type { CommandContext, CommandFn, FileStat } from '../../types.ts';
import { fail, quoteaf, tryHelp } from './common.ts';
import { getopt } from '../getopt.ts';
import { abs } from './common.ts';
import { strftime } from '../../strftime.ts';

/** Terminal width GNU ls assumes for its columns. */
const WIDTH = 80;

interface Entry {
  name: string;
  path: string;
  stat: FileStat;
}

/** ls [-l] [-a] [-A] [-1] [-h] [-d] [FILE]…: GNU coreutils ls (no colours: root's .bashrc on Ubuntu sets none). */
export const ls: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'ls', 'laA1hdRtrS', { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd', reverse: 'r' });
  if (o.error) return fail(o.error + tryHelp('ls'), 2);
  const fs = ctx.host.fs;
  const targets = o.args.length ? o.args : ['.'];
  let stderr = '';
  const files: Entry[] = [];
  const dirs: { arg: string; path: string }[] = [];
  for (const t of targets) {
    const p = abs(ctx, t);
    const stat = statOf(ctx, p);
    if (!stat) {
      stderr += `ls: cannot access ${quoteaf(t)}: No such file or directory\n`;
      continue;
    }
    if (stat.isDir && !o.flags.has('d')) dirs.push({ arg: t, path: p });
    else files.push({ name: t, path: p, stat });
  }
  const long = o.flags.has('l');
  const oneCol = long || o.flags.has('1') || !ctx.stdoutIsTTY;
  const sortEntries = (es: Entry[]): Entry[] => {
    const s = es.sort((a, b) => (o.flags.has('t') ? b.stat.mtime - a.stat.mtime : o.flags.has('S') ? b.stat.size - a.stat.size : 0) || compareNames(a.name, b.name));
    return o.flags.has('r') ? s.reverse() : s;
  };
  const render = (es: Entry[], withTotal: boolean): string => {
    if (es.length === 0) return withTotal && long ? 'total 0\n' : '';
    if (long) return longListing(es, withTotal, o.flags.has('h'));
    if (oneCol) return es.map((e) => e.name + '\n').join('');
    return columns(es.map((e) => e.name), ctx.columns);
  };
  const blocks: string[] = [];
  if (files.length) blocks.push(render(sortEntries(files), false));
  const header = targets.length > 1;
  for (const d of dirs.sort((a, b) => compareNames(a.arg, b.arg))) {
    const names = fs.list(d.path) ?? [];
    const entries: Entry[] = [];
    if (o.flags.has('a')) {
      entries.push({ name: '.', path: d.path, stat: statOf(ctx, d.path)! });
      const parent = d.path === '/' ? '/' : d.path.slice(0, d.path.lastIndexOf('/')) || '/';
      entries.push({ name: '..', path: parent, stat: statOf(ctx, parent)! });
    }
    for (const name of names) {
      if (name.startsWith('.') && !o.flags.has('a') && !o.flags.has('A')) continue;
      const path = d.path === '/' ? `/${name}` : `${d.path}/${name}`;
      entries.push({ name, path, stat: statOf(ctx, path)! });
    }
    const body = render(sortEntries(entries), true);
    blocks.push(header ? `${d.arg}:\n${body}` : body);
  }
  return { stdout: blocks.join('\n'), stderr, exitCode: stderr ? 2 : 0 };
};

function statOf(ctx: CommandContext, p: string): FileStat | undefined {
  const fs = ctx.host.fs;
  if (!fs.exists(p)) return undefined;
  return fs.stat?.(p) ?? { isDir: fs.isDir(p), size: fs.isDir(p) ? 4096 : (fs.readFile(p) ?? '').length, mtime: 0, mode: fs.isDir(p) ? 0o755 : 0o644 };
}

/** C.UTF-8 collation is byte order, which is what ls uses under LANG=C.UTF-8. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function modeString(st: FileStat): string {
  const rwx = (bits: number): string => `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${bits & 1 ? 'x' : '-'}`;
  return (st.isDir ? 'd' : '-') + rwx(st.mode >> 6) + rwx(st.mode >> 3) + rwx(st.mode);
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}

function longListing(es: Entry[], withTotal: boolean, h: boolean): string {
  const rows = es.map((e) => {
    const time = strftime(e.stat.mtime, '%b %e %H:%M');
    return [modeString(e.stat), e.stat.isDir ? '2' : '1', 'root', 'root', h ? human(e.stat.size) : String(e.stat.size), time, e.name];
  });
  const w = (k: number): number => Math.max(...rows.map((r) => r[k].length));
  const total = es.reduce((t, e) => t + (e.stat.isDir ? 4 : Math.ceil(e.stat.size / 4096) * 4), 0);
  const body = rows.map((r) => `${r[0]} ${r[1].padStart(w(1))} ${r[2]} ${r[3]} ${r[4].padStart(w(4))} ${r[5]} ${r[6]}\n`).join('');
  return (withTotal ? `total ${h ? human(total * 1024) : total}\n` : '') + body;
}

/** GNU ls's vertical columns for the terminal's width (80 if unknown): the most columns that fit, two spaces apart. */
export function columns(names: string[], width = WIDTH): string {
  if (names.length === 0) return '';
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      if (col.length === 0) break;
      widths.push(Math.max(...col.map((n) => n.length)));
    }
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    if (total > width && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < widths.length; c++) {
        const n = names[c * rows + r];
        if (n !== undefined) cells.push(n);
      }
      out += cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c] + 2))).join('') + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
}
