import type { CommandFn } from '../../types.ts';
import { fail, lines, ok, quoteaf, quotef, readInputs, tryHelp, unlines } from './common.ts';
import { getopt, last } from '../getopt.ts';

/** `-5` is `-n 5` for head and tail (the historical form learners type). */
function numericShorthand(argv: string[]): string[] {
  return argv.map((a, i) => (i > 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headTail(tool: 'head' | 'tail'): CommandFn {
  return (ctx) => {
    const o = getopt(numericShorthand(ctx.argv), tool, 'n:c:qvf', { lines: 'n', bytes: 'c', quiet: 'q', follow: 'f' });
    if (o.error) return fail(o.error + tryHelp(tool));
    const spec = last(o, 'n') ?? '10';
    const m = /^([-+]?)(\d+)$/.exec(spec);
    if (!m) return fail(`${tool}: invalid number of lines: ‘${spec}’\n`);
    const n = Number(m[2]);
    const files = o.args.length ? o.args : ['-'];
    let stdout = '';
    let stderr = '';
    files.forEach((f, k) => {
      const { inputs, errors } = readInputs(ctx, [f], tool);
      if (errors) {
        stderr += errors.replace(`${tool}: ${quotef(f)}: No such file or directory`, `${tool}: cannot open ${quoteaf(f)} for reading: No such file or directory`)
          .replace(`${tool}: ${quotef(f)}: Is a directory`, `${tool}: error reading ${quoteaf(f)}: Is a directory`);
        return;
      }
      const ls = lines(inputs[0].text);
      let picked: string[];
      if (tool === 'head') picked = m[1] === '-' ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
      else picked = m[1] === '+' ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
      let text = unlines(picked);
      // A last line without newline stays without one, as the tools copy bytes.
      if (!inputs[0].text.endsWith('\n') && picked.length && picked[picked.length - 1] === ls[ls.length - 1]) text = text.slice(0, -1);
      if (files.length > 1 && !o.flags.has('q')) stdout += `${k > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`;
      stdout += text;
    });
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  };
}

/** head [-n N] [FILE]…. */
export const head = headTail('head');
/** tail [-n N|+N] [FILE]…. */
export const tail = headTail('tail');

/** wc [-l] [-w] [-c] [-m] [FILE]…: GNU's column width rule (1 for one count of one input, else 7 for stdin). */
export const wc: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'wc', 'lwcmL', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if (o.error) return fail(o.error + tryHelp('wc'));
  const which = ['l', 'w', 'm', 'c'].filter((k) => o.flags.has(k));
  const keys = which.length ? which : ['l', 'w', 'c'];
  const { inputs, errors } = readInputs(ctx, o.args, 'wc');
  const count = (t: string): Record<string, number> => ({
    l: (t.match(/\n/g) ?? []).length,
    w: t.split(/\s+/).filter(Boolean).length,
    m: [...t].length,
    c: new TextEncoder().encode(t).length,
  });
  const rows = inputs.map((i) => ({ name: o.args.length ? i.name : '', c: count(i.text) }));
  if (rows.length > 1) {
    const total: Record<string, number> = { l: 0, w: 0, m: 0, c: 0 };
    for (const r of rows) for (const k of keys) total[k] += r.c[k];
    rows.push({ name: 'total', c: total });
  }
  const fromStdin = o.args.length === 0 || o.args.includes('-');
  let width: number;
  if (keys.length === 1 && inputs.length === 1) width = 1;
  else if (fromStdin) width = 7;
  else width = String(inputs.reduce((t, i) => t + new TextEncoder().encode(i.text).length, 0)).length;
  const stdout = rows.map((r) => keys.map((k) => String(r.c[k]).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n').join('');
  return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
};

/** sort [-n] [-r] [-u] [-k N] [-t SEP] [FILE]…. */
export const sort: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'sort', 'nrufk:t:hV', { numeric: 'n', reverse: 'r', unique: 'u', key: 'k', 'field-separator': 't' });
  if (o.error) return fail(o.error + tryHelp('sort'), 2);
  const { inputs, errors } = readInputs(ctx, o.args, 'sort');
  if (errors) return fail(errors.replace(/^sort: (.*): No such file/m, 'sort: cannot read: $1: No such file'), 2);
  const sep = last(o, 't');
  const keySpec = last(o, 'k');
  const keyField = keySpec ? Number.parseInt(keySpec, 10) : 0;
  const keyOf = (l: string): string => {
    if (!keyField) return l;
    const fields = sep !== undefined ? l.split(sep) : l.trim().split(/\s+/);
    return fields.slice(keyField - 1).join(sep ?? ' ');
  };
  const numeric = o.flags.has('n') || o.flags.has('h') || /n/.test(keySpec ?? '');
  const all = inputs.flatMap((i) => lines(i.text));
  const cmp = (a: string, b: string): number => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (numeric) {
      const d = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else if (ka !== kb) return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = all.sort(cmp);
  if (o.flags.has('r') || /r/.test(keySpec ?? '')) sorted.reverse();
  if (o.flags.has('u')) sorted = sorted.filter((l, k) => k === 0 || cmp(sorted[k - 1], l) !== 0);
  return ok(unlines(sorted));
};

/** uniq [-c] [-d] [-u]: adjacent duplicates, `-c` as `%7d %s`. */
export const uniq: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'uniq', 'cdui', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if (o.error) return fail(o.error + tryHelp('uniq'));
  const { inputs, errors } = readInputs(ctx, o.args.slice(0, 1), 'uniq');
  if (errors) return fail(errors);
  const groups: { line: string; n: number }[] = [];
  const norm = (s: string): string => (o.flags.has('i') ? s.toLowerCase() : s);
  for (const l of lines(inputs[0]?.text ?? '')) {
    const g = groups[groups.length - 1];
    if (g && norm(g.line) === norm(l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  const kept = groups.filter((g) => (o.flags.has('d') ? g.n > 1 : o.flags.has('u') ? g.n === 1 : true));
  return ok(kept.map((g) => (o.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : g.line + '\n')).join(''));
};

function parseList(spec: string): ((n: number) => boolean) | undefined {
  const parts = spec.split(',');
  const ranges: [number, number][] = [];
  for (const p of parts) {
    const m = /^(\d*)(-?)(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[3] === '') ) return undefined;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0) return undefined;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

/** cut -d SEP -f LIST | -c LIST. */
export const cut: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'cut', 'd:f:c:b:s', { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' });
  if (o.error) return fail(o.error + tryHelp('cut'));
  const fieldSpec = last(o, 'f');
  const charSpec = last(o, 'c') ?? last(o, 'b');
  if (!fieldSpec && !charSpec) return fail('cut: you must specify a list of bytes, characters, or fields\n' + tryHelp('cut'));
  const delim = last(o, 'd') ?? '\t';
  if (delim.length !== 1) return fail('cut: the delimiter must be a single character\n' + tryHelp('cut'));
  const pick = parseList(fieldSpec ?? charSpec ?? '');
  if (!pick) return fail(`cut: invalid field value ‘${fieldSpec ?? charSpec}’\n` + tryHelp('cut'));
  const { inputs, errors } = readInputs(ctx, o.args, 'cut');
  const out: string[] = [];
  for (const l of inputs.flatMap((i) => lines(i.text))) {
    if (charSpec) {
      out.push([...l].filter((_c, k) => pick(k + 1)).join(''));
      continue;
    }
    if (!l.includes(delim)) {
      if (!o.flags.has('s')) out.push(l);
      continue;
    }
    out.push(l.split(delim).filter((_f, k) => pick(k + 1)).join(delim));
  }
  return { stdout: unlines(out), stderr: errors, exitCode: errors ? 1 : 0 };
};

const CLASSES: Record<string, string> = {
  '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
  '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '[:digit:]': '0123456789',
  '[:space:]': ' \t\n\r\v\f',
  '[:blank:]': ' \t',
  '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

function expandSet(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  const unesc = (c: string): string => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] ?? c;
  while (i < s.length) {
    const cls = Object.keys(CLASSES).find((k) => s.startsWith(k, i));
    if (cls) {
      out.push(...CLASSES[cls]);
      i += cls.length;
      continue;
    }
    if (cls === undefined && s.startsWith('[:alnum:]', i)) {
      out.push(...CLASSES['[:lower:]'], ...CLASSES['[:upper:]'], ...CLASSES['[:digit:]']);
      i += 9;
      continue;
    }
    let c = s[i];
    if (c === '\\' && i + 1 < s.length) c = unesc(s[++i]);
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const end = s[i + 2];
      for (let k = c.charCodeAt(0); k <= end.charCodeAt(0); k++) out.push(String.fromCharCode(k));
      i += 3;
      continue;
    }
    out.push(c);
    i++;
  }
  return out;
}

/** tr [-d] [-s] SET1 [SET2]. */
export const tr: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'tr', 'dsc', { delete: 'd', 'squeeze-repeats': 's' });
  if (o.error) return fail(o.error + tryHelp('tr'));
  const [s1, s2] = o.args;
  if (s1 === undefined) return fail('tr: missing operand\n' + tryHelp('tr'));
  const del = o.flags.has('d');
  if (!del && s2 === undefined && !o.flags.has('s')) return fail(`tr: missing operand after ‘${s1}’\nTwo strings must be given when translating.\n` + tryHelp('tr'));
  const a = expandSet(s1);
  const b = s2 !== undefined ? expandSet(s2) : [];
  let out = '';
  let prev = '';
  for (const c of ctx.stdin) {
    let ch: string | undefined = c;
    if (del) {
      if (a.includes(c)) continue;
    } else if (b.length) {
      const k = a.indexOf(c);
      if (k >= 0) ch = b[Math.min(k, b.length - 1)];
    }
    const squeezeSet = b.length ? b : a;
    if (o.flags.has('s') && ch === prev && squeezeSet.includes(ch)) continue;
    out += ch;
    prev = ch;
  }
  return ok(out);
};
