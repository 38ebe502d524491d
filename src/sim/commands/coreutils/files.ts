import type { CommandFn } from '../../types.ts';
import { basename, dirname } from '../../shell/paths.ts';
import { abs, fail, ok, quoteaf, quotef, readInputs, tryHelp } from './common.ts';
import { getopt } from '../getopt.ts';

/** cat [-AbeEnstTuv] [FILE]…: GNU coreutils cat, with its numbering and display options. */
export const cat: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'cat', 'AbeEnstTuv', {
    'show-all': 'A', 'number-nonblank': 'b', 'show-ends': 'E', number: 'n', 'squeeze-blank': 's', 'show-tabs': 'T', 'show-nonprinting': 'v',
  });
  if (o.error) return fail(o.error + tryHelp('cat'));
  const { inputs, errors } = readInputs(ctx, o.args, 'cat');
  const on = (...keys: string[]): boolean => keys.some((k) => o.flags.has(k));
  const text = inputs.map((i) => i.text).join('');
  const plain = !on('A', 'b', 'e', 'E', 'n', 's', 't', 'T', 'v');
  return { stdout: plain ? text : catDisplay(text, { number: on('n'), nonblank: on('b'), squeeze: on('s'), ends: on('A', 'e', 'E'), tabs: on('A', 't', 'T'), nonprinting: on('A', 'e', 't', 'v') }), stderr: errors, exitCode: errors ? 1 : 0 };
};

/**
 * cat's output with its options (cat.c): blank lines squeezed (-s), lines numbered `%6d\t` (-n;
 * -b numbers non-empty lines only and wins over -n), bytes shown in ^ and M- notation except TAB
 * and newline (-v, on the UTF-8 bytes), TAB as ^I (-T) and $ before each newline (-E).
 */
function catDisplay(text: string, opt: { number: boolean; nonblank: boolean; squeeze: boolean; ends: boolean; tabs: boolean; nonprinting: boolean }): string {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  let out = '';
  let n = 0;
  let blanks = 0;
  const show = (line: string): string => {
    let shown = opt.nonprinting ? nonprinting(line) : line;
    if (opt.tabs) shown = shown.replace(/\t/g, '^I');
    return shown;
  };
  for (const line of lines) {
    blanks = line === '' ? blanks + 1 : 0;
    if (opt.squeeze && blanks > 1) continue;
    const numbered = opt.nonblank ? line !== '' : opt.number;
    out += `${numbered ? `${String(++n).padStart(6)}\t` : ''}${show(line)}${opt.ends ? '$' : ''}\n`;
  }
  // A last line without a newline is numbered too, but gets no $.
  if (last !== '') out += `${opt.number || opt.nonblank ? `${String(++n).padStart(6)}\t` : ''}${show(last)}`;
  return out;
}

/** cat -v's notation for the bytes of `line`: ^X for control bytes, ^? for DEL, M- for bytes from 128. */
function nonprinting(line: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(line)) {
    let b = byte;
    if (b >= 128) {
      out += 'M-';
      b -= 128;
    }
    if (b === 9 && byte === 9) out += '\t';
    else if (b < 32) out += `^${String.fromCharCode(b + 64)}`;
    else if (b === 127) out += '^?';
    else out += String.fromCharCode(b);
  }
  return out;
}

/** touch FILE…: creates empty files or updates their time. */
export const touch: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'touch', 'acm');
  if (o.error) return fail(o.error + tryHelp('touch'));
  if (o.args.length === 0) return fail('touch: missing file operand\n' + tryHelp('touch'));
  const fs = ctx.host.fs;
  let stderr = '';
  for (const f of o.args) {
    const p = abs(ctx, f);
    if (fs.isDir(p)) continue;
    if (!fs.writeFile(p, fs.readFile(p) ?? '')) stderr += `touch: cannot touch ${quoteaf(f)}: No such file or directory\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

/** mkdir [-p] DIR…: GNU wording, which quotes names with ‘…’ in a UTF-8 locale. */
export const mkdir: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'mkdir', 'pvm:', { parents: 'p', verbose: 'v', mode: 'm' });
  if (o.error) return fail(o.error + tryHelp('mkdir'));
  if (o.args.length === 0) return fail('mkdir: missing operand\n' + tryHelp('mkdir'));
  const fs = ctx.host.fs;
  let stderr = '';
  for (const d of o.args) {
    const p = abs(ctx, d);
    if (fs.exists(p)) {
      if (o.flags.has('p') && fs.isDir(p)) continue;
      stderr += `mkdir: cannot create directory ‘${d}’: File exists\n`;
      continue;
    }
    if (!o.flags.has('p') && !fs.isDir(dirname(p))) {
      const why = fs.exists(dirname(p)) ? 'Not a directory' : 'No such file or directory';
      stderr += `mkdir: cannot create directory ‘${d}’: ${why}\n`;
      continue;
    }
    if (!fs.mkdir(p, o.flags.has('p'))) stderr += `mkdir: cannot create directory ‘${d}’: Not a directory\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

/** rm [-r] [-f] FILE…: GNU rm messages. */
export const rm: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'rm', 'rRfiv', { recursive: 'r', force: 'f', verbose: 'v' });
  if (o.error) return fail(o.error + tryHelp('rm'));
  const force = o.flags.has('f');
  const recursive = o.flags.has('r') || o.flags.has('R');
  if (o.args.length === 0) return force ? ok() : fail('rm: missing operand\n' + tryHelp('rm'));
  const fs = ctx.host.fs;
  let stderr = '';
  for (const f of o.args) {
    const p = abs(ctx, f);
    if (p === '/' && recursive) {
      stderr += "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
      continue;
    }
    if (!fs.exists(p)) {
      if (!force) stderr += `rm: cannot remove ${quoteaf(f)}: No such file or directory\n`;
      continue;
    }
    if (fs.isDir(p) && !recursive) {
      stderr += `rm: cannot remove ${quoteaf(f)}: Is a directory\n`;
      continue;
    }
    fs.remove(p, true);
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

function copyTree(ctx: Parameters<CommandFn>[0], from: string, to: string): void {
  const fs = ctx.host.fs;
  if (fs.isDir(from)) {
    fs.mkdir(to, true);
    for (const name of fs.list(from) ?? []) copyTree(ctx, `${from}/${name}`, `${to}/${name}`);
  } else {
    fs.writeFile(to, fs.readFile(from) ?? '');
  }
}

function transfer(tool: 'cp' | 'mv'): CommandFn {
  return (ctx) => {
    const o = getopt(ctx.argv, tool, 'rRfiavpn', { recursive: 'r', force: 'f', verbose: 'v', archive: 'a' });
    if (o.error) return fail(o.error + tryHelp(tool));
    if (o.args.length === 0) return fail(`${tool}: missing file operand\n` + tryHelp(tool));
    if (o.args.length === 1) return fail(`${tool}: missing destination file operand after '${o.args[0]}'\n` + tryHelp(tool));
    const fs = ctx.host.fs;
    const dest = o.args[o.args.length - 1];
    const destPath = abs(ctx, dest);
    const sources = o.args.slice(0, -1);
    if (sources.length > 1 && !fs.isDir(destPath)) return fail(`${tool}: target ${quoteaf(dest)} is not a directory\n`);
    const recursive = tool === 'mv' || o.flags.has('r') || o.flags.has('R') || o.flags.has('a');
    let stderr = '';
    for (const s of sources) {
      const src = abs(ctx, s);
      if (!fs.exists(src)) {
        stderr += `${tool}: cannot stat ${quoteaf(s)}: No such file or directory\n`;
        continue;
      }
      if (fs.isDir(src) && !recursive) {
        stderr += `cp: -r not specified; omitting directory ${quoteaf(s)}\n`;
        continue;
      }
      const target = fs.isDir(destPath) ? `${destPath === '/' ? '' : destPath}/${basename(src)}` : destPath;
      if (target === src || target.startsWith(src + '/')) {
        stderr += target === src
          ? `${tool}: ${quoteaf(s)} and ${quoteaf(dest)} are the same file\n`
          : `${tool}: cannot ${tool === 'mv' ? 'move' : 'copy'} ${quoteaf(s)} to a subdirectory of itself, ${quoteaf(dest)}\n`;
        continue;
      }
      if (!fs.isDir(dirname(target))) {
        stderr += `${tool}: cannot ${tool === 'mv' ? 'move' : 'create regular file'} ${quoteaf(dest)}: No such file or directory\n`;
        continue;
      }
      if (fs.isDir(target) && !fs.isDir(src)) {
        stderr += `${tool}: cannot overwrite directory ${quoteaf(dest)} with non-directory\n`;
        continue;
      }
      copyTree(ctx, src, target);
      if (tool === 'mv') fs.remove(src, true);
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  };
}

/** cp [-r] SRC… DEST. */
export const cp = transfer('cp');
/** mv SRC… DEST. */
export const mv = transfer('mv');

/** tee [-a] FILE…: copies stdin to the files and stdout. */
export const tee: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'tee', 'ai', { append: 'a' });
  if (o.error) return fail(o.error + tryHelp('tee'));
  const fs = ctx.host.fs;
  let stderr = '';
  for (const f of o.args) {
    const p = abs(ctx, f);
    const data = o.flags.has('a') ? (fs.readFile(p) ?? '') + ctx.stdin : ctx.stdin;
    if (fs.isDir(p)) stderr += `tee: ${quotef(f)}: Is a directory\n`;
    else if (!fs.writeFile(p, data)) stderr += `tee: ${quotef(f)}: No such file or directory\n`;
  }
  return { stdout: ctx.stdin, stderr, exitCode: stderr ? 1 : 0 };
};

/** chmod MODE FILE…: octal or simple symbolic (+x, u+x, a-w) modes. */
export const chmod: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R');
  if (args.length === 0) return fail('chmod: missing operand\n' + tryHelp('chmod'));
  if (args.length === 1) return fail(`chmod: missing operand after ‘${args[0]}’\n` + tryHelp('chmod'));
  const [mode, ...files] = args;
  const fs = ctx.host.fs as typeof ctx.host.fs & { chmod?(p: string, m: number): boolean };
  let stderr = '';
  for (const f of files) {
    const p = abs(ctx, f);
    const st = fs.stat?.(p);
    if (!st) {
      stderr += `chmod: cannot access ${quoteaf(f)}: No such file or directory\n`;
      continue;
    }
    const next = applyMode(st.mode, mode);
    if (next === undefined) return fail(`chmod: invalid mode: ‘${mode}’\n` + tryHelp('chmod'));
    fs.chmod?.(p, next);
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

/**
 * chown [-R] OWNER[:GROUP] FILE…: the sandbox has one account, root (uid and gid 0), so only
 * the owner's name or number is checked; ownership itself is not recorded.
 */
export const chown: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R' && a !== '-h');
  if (args.length === 0) return fail('chown: missing operand\n' + tryHelp('chown'));
  if (args.length === 1) return fail(`chown: missing operand after ‘${args[0]}’\n` + tryHelp('chown'));
  const [spec, ...files] = args;
  const [owner, group] = spec.split(/[:.]/);
  const known = (who: string | undefined) => who === undefined || who === '' || who === 'root' || who === '0';
  if (!known(owner)) return fail(`chown: invalid user: ‘${spec}’\n`);
  if (!known(group)) return fail(`chown: invalid group: ‘${spec}’\n`);
  let stderr = '';
  for (const f of files) {
    if (!ctx.host.fs.exists(abs(ctx, f))) stderr += `chown: cannot access ${quoteaf(f)}: No such file or directory\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

function applyMode(current: number, mode: string): number | undefined {
  if (/^[0-7]{1,4}$/.test(mode)) return parseInt(mode, 8);
  const m = /^([ugoa]*)([-+=])([rwx]+)$/.exec(mode);
  if (!m) return undefined;
  const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
  let bits = 0;
  for (const w of who) {
    const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
    for (const p of m[3]) bits |= (p === 'r' ? 4 : p === 'w' ? 2 : 1) << shift;
  }
  if (m[2] === '+') return current | bits;
  if (m[2] === '-') return current & ~bits;
  return bits;
}

/** basename NAME [SUFFIX]. */
export const basenameCmd: CommandFn = (ctx) => {
  const [name, suffix] = ctx.argv.slice(1);
  if (name === undefined) return fail('basename: missing operand\n' + tryHelp('basename'));
  let b = basename(name);
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  return ok(b + '\n');
};

/** dirname NAME. */
export const dirnameCmd: CommandFn = (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined) return fail('dirname: missing operand\n' + tryHelp('dirname'));
  const trimmed = name.replace(/\/+$/, '') || '/';
  const i = trimmed.lastIndexOf('/');
  return ok((i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i)) + '\n');
};

/** less/more: when the output is not a terminal pager they behave like cat, which is what a demo shows. */
export const pager: CommandFn = (ctx) => cat({ ...ctx, argv: ['cat', ...ctx.argv.slice(1).filter((a) => !a.startsWith('-'))] });

