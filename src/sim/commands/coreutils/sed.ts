import type { CommandFn } from '../../types.ts';
import { abs, charge, lines } from './common.ts';
import { getopt } from '../getopt.ts';
import { compilePosix, RegexError } from './regex.ts';
import { MAX_FILE } from '../../limits.ts';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  cmd: string;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
}

class SedError extends Error {}

/** Parses a sed script (`s`, `d`, `p`, `q`, `a`, `i`, `c` with line, `$` and /re/ addresses). */
export function parseSed(script: string, extended: boolean, exprNo = 1): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const err = (msg: string, at = i): never => {
    throw new SedError(`sed: -e expression #${exprNo}, char ${at}: ${msg}`);
  };
  const regex = (delim: string): RegExp => {
    const start = i;
    let src = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        src += script[i + 1] === delim ? delim : script.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (script[i] === '\n') break;
      src += script[i++];
    }
    if (script[i] !== delim) err(delim === '/' && start > 0 && script[start - 1] === '/' ? 'unterminated address regex' : "unterminated `s' command", script.length);
    i++;
    try {
      return compilePosix(src === '' ? '(?:)' : src, extended, 'g');
    } catch (e) {
      return err(e instanceof RegexError ? e.message : 'Invalid regular expression', i);
    }
  };
  const address = (): Address | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i] : '/';
      i++;
      return { kind: 're', re: regex(delim) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    const c: SedCommand = { negate: false, cmd: '' };
    c.a1 = address();
    if (c.a1 && script[i] === ',') {
      i++;
      c.a2 = address();
      if (!c.a2) err('unexpected `,\'', i);
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      c.negate = true;
      i++;
    }
    const cmd = script[i++];
    if (cmd === undefined) err('missing command', i - 1);
    c.cmd = cmd;
    if (cmd === 's') {
      const delim = script[i++];
      if (delim === undefined || delim === '\n' || delim === '\\') err("unterminated `s' command", i - 1);
      c.re = regex(delim);
      let rep = '';
      while (i < script.length && script[i] !== delim) {
        if (script[i] === '\\' && i + 1 < script.length) {
          rep += script.slice(i, i + 2);
          i += 2;
          continue;
        }
        rep += script[i++];
      }
      if (script[i] !== delim) err("unterminated `s' command", script.length);
      i++;
      c.replacement = rep;
      while (i < script.length && !/[\s;}]/.test(script[i])) {
        const fl = script[i];
        if (fl === 'g') c.global = true;
        else if (fl === 'p') c.print = true;
        else if (fl === 'i' || fl === 'I') c.re = new RegExp(c.re.source, 'gi');
        else if (/\d/.test(fl)) c.occurrence = Number(fl);
        else err("unknown option to `s'", i + 1);
        i++;
      }
    } else if (cmd === 'a' || cmd === 'i' || cmd === 'c') {
      let rest = script.slice(i);
      const nl = rest.indexOf('\n');
      rest = nl < 0 ? rest : rest.slice(0, nl);
      i += rest.length;
      c.text = rest.replace(/^\\\n?/, '').replace(/^\s+/, '');
    } else if (!'dpqP=n'.includes(cmd)) {
      err(`unknown command: \`${cmd}'`, i);
    }
    cmds.push(c);
  }
  return cmds;
}

/** A replacement, read once: literal text, or the number of a group (0 for `&`, the whole match). */
type Replacement = (string | number)[];

function compileReplacement(rep: string): Replacement {
  const parts: Replacement = [];
  let lit = '';
  for (let k = 0; k < rep.length; k++) {
    const ch = rep[k];
    if (ch === '\\' && k + 1 < rep.length) {
      const n = rep[++k];
      if (/\d/.test(n)) {
        parts.push(lit, Number(n));
        lit = '';
      } else lit += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (ch === '&') {
      parts.push(lit, 0);
      lit = '';
    } else lit += ch;
  }
  parts.push(lit);
  return parts;
}

/**
 * `s` on one pattern space. It stops as soon as what it has built passes MAX_FILE (the result can
 * only be longer), so `s/a/&&&&/g` repeated costs at most MAX_FILE characters, not the product.
 */
function substitute(line: string, c: SedCommand, rep: Replacement): { text: string; did: boolean } {
  const re = c.re!;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let count = 0;
  let did = false;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    count++;
    const take = c.occurrence ? count === c.occurrence || (c.global && count > c.occurrence) : c.global || count === 1;
    if (take) {
      out += line.slice(last, m.index);
      for (const part of rep) out += typeof part === 'string' ? part : m[part] ?? '';
      last = m.index + m[0].length;
      did = true;
      if (out.length > MAX_FILE) throw new RangeError(`pattern space over ${MAX_FILE} characters`);
      if (!c.global) break;
    }
    // An empty match moves on by one character, as String.prototype.replace does.
    if (m[0] === '') re.lastIndex++;
  }
  if (!did) return { text: line, did };
  out += line.slice(last);
  if (out.length > MAX_FILE) throw new RangeError(`pattern space over ${MAX_FILE} characters`);
  return { text: out, did };
}

/** Runs parsed commands over a text; returns the output and whether `q` stopped early. */
export function runSed(cmds: SedCommand[], text: string, quiet: boolean): string {
  const ls = lines(text);
  const endsNl = text === '' || text.endsWith('\n');
  let out = '';
  const active = new Map<SedCommand, boolean>();
  const replacements = new Map<SedCommand, Replacement>();
  for (const c of cmds) if (c.cmd === 's') replacements.set(c, compileReplacement(c.replacement ?? ''));
  const matches = (a: Address, n: number, line: string): boolean =>
    a.kind === 'line' ? n === a.n : a.kind === 'last' ? n === ls.length : (a.re.lastIndex = 0, a.re.test(line));
  for (let k = 0; k < ls.length; k++) {
    let line = ls[k];
    const n = k + 1;
    let deleted = false;
    let quit = false;
    let appended = '';
    for (const c of cmds) {
      let sel = true;
      if (c.a1 && !c.a2) sel = matches(c.a1, n, line);
      else if (c.a1 && c.a2) {
        if (active.get(c)) {
          sel = true;
          if (c.a2.kind === 'line' ? n >= c.a2.n : matches(c.a2, n, line)) active.set(c, false);
        } else if (matches(c.a1, n, line)) {
          sel = true;
          const endsNow = c.a2.kind === 'line' ? c.a2.n <= n : false;
          active.set(c, !endsNow);
        } else sel = false;
      }
      if (c.negate) sel = !sel;
      if (!sel) continue;
      if (c.cmd === 's' && c.re) {
        const r = substitute(line, c, replacements.get(c)!);
        line = r.text;
        if (r.did && c.print) out += line + '\n';
      } else if (c.cmd === 'd') {
        deleted = true;
        break;
      } else if (c.cmd === 'p') out += line + '\n';
      else if (c.cmd === '=') out += n + '\n';
      else if (c.cmd === 'q') {
        quit = true;
        break;
      } else if (c.cmd === 'a') appended += c.text + '\n';
      else if (c.cmd === 'i') out += c.text + '\n';
      else if (c.cmd === 'c') {
        out += c.text + '\n';
        deleted = true;
        break;
      }
    }
    if (!deleted && !quiet) out += line + (k === ls.length - 1 && !endsNl ? '' : '\n');
    out += appended;
    if (out.length > MAX_FILE) throw new RangeError(`output over ${MAX_FILE} characters`);
    if (quit) break;
  }
  return out;
}

/** sed [-n] [-E] [-i] [-e SCRIPT]… [SCRIPT] [FILE]…: GNU sed 4.9 messages. */
export const sed: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'sed', 'nEre:i', { quiet: 'n', silent: 'n', 'regexp-extended': 'E', expression: 'e', 'in-place': 'i' });
  if (o.error) return { stdout: '', stderr: o.error + 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n', exitCode: 1 };
  const scripts = o.values.get('e') ?? (o.args.length ? [o.args.shift()!] : undefined);
  if (!scripts) return { stdout: '', stderr: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n', exitCode: 1 };
  let cmds: SedCommand[];
  try {
    cmds = scripts.flatMap((s, k) => parseSed(s, o.flags.has('E') || o.flags.has('r'), k + 1));
  } catch (e) {
    if (e instanceof SedError) return { stdout: '', stderr: e.message + '\n', exitCode: 1 };
    throw e;
  }
  const quiet = o.flags.has('n');
  const fs = ctx.host.fs;
  if (o.flags.has('i')) {
    if (o.args.length === 0) return { stdout: '', stderr: 'sed: no input files\n', exitCode: 1 };
    let stderr = '';
    for (const f of o.args) {
      const p = abs(ctx, f);
      if (fs.isDir(p)) stderr += `sed: couldn't edit ${f}: not a regular file\n`;
      else if (!fs.exists(p)) stderr += `sed: can't read ${f}: No such file or directory\n`;
      else fs.writeFile(p, runSed(cmds, fs.readFile(p) ?? '', quiet));
    }
    return { stdout: '', stderr, exitCode: stderr ? 4 : 0 };
  }
  let text = '';
  let stderr = '';
  for (const f of o.args.length ? o.args : ['-']) {
    if (f === '-') {
      text += charge(ctx, ctx.stdin);
      continue;
    }
    const p = abs(ctx, f);
    if (fs.isDir(p)) stderr += `sed: read error on ${f}: Is a directory\n`;
    else if (!fs.exists(p)) stderr += `sed: can't read ${f}: No such file or directory\n`;
    else text += charge(ctx, fs.readFile(p) ?? '');
  }
  return { stdout: runSed(cmds, text, quiet), stderr, exitCode: stderr ? 2 : 0 };
};
