import type { RunResult } from '../types.ts';
import { commandPath, lookupCommand } from '../commands/registry.ts';
import type { Shell } from './interpreter.ts';
import { HOME, resolvePath } from './paths.ts';

/** A bash builtin: it needs the shell itself (cd, export, exit, ssh…), not just a context. ssh comes with a chunk of its own (ssh.ts). */
export type Builtin = (sh: Shell, argv: string[], stdin: string, env: Record<string, string>) => RunResult;

const ok = (stdout = ''): RunResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

/** Names `type` reports as "a shell builtin" even though the sandbox runs them as commands. */
export const BASH_BUILTIN_NAMES = new Set(['echo', 'printf', 'true', 'false', 'pwd', 'test', '[', 'kill', 'read', 'history']);

const cd: Builtin = (sh, argv) => {
  const frame = sh.frame;
  if (argv.length > 2) return fail('bash: cd: too many arguments\n');
  let target = argv[1] ?? frame.vars.get('HOME') ?? HOME;
  let echo = false;
  if (target === '-') {
    if (!frame.oldpwd) return fail('bash: cd: OLDPWD not set\n');
    target = frame.oldpwd;
    echo = true;
  }
  const path = resolvePath(frame.cwd, target);
  const fs = frame.host.fs;
  if (!fs.exists(path)) return fail(`bash: cd: ${target}: No such file or directory\n`);
  if (!fs.isDir(path)) return fail(`bash: cd: ${target}: Not a directory\n`);
  frame.oldpwd = frame.cwd;
  frame.vars.set('OLDPWD', frame.cwd);
  frame.cwd = path;
  frame.vars.set('PWD', path);
  return ok(echo ? path + '\n' : '');
};

const pwd: Builtin = (sh) => ok(sh.frame.cwd + '\n');

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const exportB: Builtin = (sh, argv) => {
  const frame = sh.frame;
  const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    const lines = [...frame.exported].sort().map((n) => {
      const v = frame.vars.get(n);
      return v === undefined ? `declare -x ${n}\n` : `declare -x ${n}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`;
    });
    return ok(lines.join(''));
  }
  let stderr = '';
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      stderr += `bash: export: \`${a}': not a valid identifier\n`;
      continue;
    }
    if (eq >= 0) frame.vars.set(name, a.slice(eq + 1));
    frame.exported.add(name);
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

const unset: Builtin = (sh, argv) => {
  // -f names functions; a plain name is a variable, else a function of that name, as in bash.
  const functions = argv.includes('-f');
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (functions || !sh.frame.vars.has(name)) sh.functions.delete(name);
    if (functions) continue;
    sh.frame.vars.delete(name);
    sh.frame.exported.delete(name);
  }
  return ok();
};

const exit: Builtin = (sh, argv) => {
  const arg = argv[1];
  let code = sh.lastStatus;
  let stderr = '';
  if (arg !== undefined) {
    if (/^[-+]?\d+$/.test(arg)) code = ((Number(arg) % 256) + 256) % 256;
    else {
      stderr = `bash: exit: ${arg}: numeric argument required\n`;
      code = 2;
    }
  }
  // bash prints "logout" for a login shell (an ssh session) and "exit" otherwise, on stderr.
  if (sh.stack.length > 1) {
    const host = sh.stack.pop()!.host.name;
    return { stdout: '', stderr: `logout\n${stderr}Connection to ${host} closed.\n`, exitCode: code };
  }
  sh.exited = true;
  return { stdout: '', stderr: `exit\n${stderr}`, exitCode: code };
};

const history: Builtin = (sh, argv) => {
  if (argv[1] === '-c') {
    sh.history.length = 0;
    return ok();
  }
  const n = argv[1] !== undefined ? Number(argv[1]) : sh.history.length;
  if (!Number.isInteger(n) || n < 0) return fail(`bash: history: ${argv[1]}: numeric argument required\n`);
  const start = Math.max(0, sh.history.length - n);
  return ok(sh.history.slice(start).map((line, k) => `${String(start + k + 1).padStart(5)}  ${line}\n`).join(''));
};

const sudo: Builtin = (sh, argv, stdin, env) => {
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-') && !['-i', '-s'].includes(argv[i])) i++;
  const rest = argv.slice(i);
  if (rest.length === 0) return fail('usage: sudo -h | -K | -k | -V\n', 1);
  // We are root already: a root shell changes nothing.
  if (['-i', '-s'].includes(rest[0]) || (rest[0] === 'su' && rest.length <= 2) || (['bash', 'sh'].includes(rest[0]) && rest.length === 1)) return ok();
  const name = rest[0];
  if (BUILTINS[name] && !['echo', 'ssh', 'bash', 'sh', 'which', 'type'].includes(name)) {
    if (name !== 'history' && name !== 'exit') return fail(`sudo: ${name}: command not found\n`);
  }
  return sh.dispatch(rest, stdin, env, true);
};

const which: Builtin = (sh, argv) => {
  let stdout = '';
  let code = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (lookupCommand(name)) stdout += commandPath(name) + '\n';
    else code = 1;
  }
  if (argv.length < 2) code = 1;
  void sh;
  return { stdout, stderr: '', exitCode: code };
};

const type: Builtin = (sh, argv) => {
  let stdout = '';
  let stderr = '';
  for (const name of argv.slice(1)) {
    const alias = sh.aliases.get(name);
    if (alias !== undefined) stdout += `${name} is aliased to \`${alias}'\n`;
    else if (BUILTINS[name] && !['ssh', 'sudo', 'which', 'bash', 'sh'].includes(name) || BASH_BUILTIN_NAMES.has(name)) stdout += `${name} is a shell builtin\n`;
    else if (lookupCommand(name) || BUILTINS[name]) stdout += `${name} is ${commandPath(name)}\n`;
    else stderr += `bash: type: ${name}: not found\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

const alias: Builtin = (sh, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    return ok([...sh.aliases].sort().map(([k, v]) => `alias ${k}='${v.replace(/'/g, "'\\''")}'\n`).join(''));
  }
  let stdout = '';
  let stderr = '';
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a)) stdout += `alias ${a}='${sh.aliases.get(a)}'\n`;
    else stderr += `bash: alias: ${a}: not found\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

const unalias: Builtin = (sh, argv) => {
  let stderr = '';
  for (const a of argv.slice(1)) {
    if (a === '-a') sh.aliases.clear();
    else if (!sh.aliases.delete(a)) stderr += `bash: unalias: ${a}: not found\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

const source: Builtin = (sh, argv) => {
  const file = argv[1];
  if (file === undefined) return fail(`bash: ${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]\n`, 2);
  // `source <(kubectl completion bash)`: completion is built into the terminal already.
  if (file.startsWith('/dev/fd/')) return ok();
  const path = resolvePath(sh.frame.cwd, file);
  const fs = sh.frame.host.fs;
  if (fs.isDir(path)) return fail(`bash: ${file}: is a directory\n`);
  const text = fs.readFile(path);
  if (text === undefined) return fail(`bash: ${file}: No such file or directory\n`);
  const r = sh.capture(() => sh.runSource(text));
  return r;
};

const bash: Builtin = (sh, argv, stdin) => {
  const args = argv.slice(1);
  if (args[0] === '-c') {
    if (args[1] === undefined) return fail(`${argv[0]}: -c: option requires an argument\n`, 2);
    return sh.runScript(args[1], stdin);
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file === undefined) return ok();
  const path = resolvePath(sh.frame.cwd, file);
  const text = sh.frame.host.fs.readFile(path);
  if (text === undefined) {
    if (sh.frame.host.fs.isDir(path)) return fail(`${argv[0]}: ${file}: Is a directory\n`, 126);
    return fail(`${argv[0]}: ${file}: No such file or directory\n`, 127);
  }
  return sh.runScript(text, stdin);
};

const noop: Builtin = () => ok();

/** The builtins of the sandbox's bash, by name. */
export const BUILTINS: Record<string, Builtin> = {
  cd, pwd, export: exportB, unset, exit, logout: exit, history, sudo, which, type, alias, unalias,
  source, '.': source, bash, sh: bash, complete: noop, set: noop, shopt: noop, ':': noop,
};
