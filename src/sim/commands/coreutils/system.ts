import type { CommandFn } from '../../types.ts';
import { fail, ok, tryHelp } from './common.ts';
import { getopt } from '../getopt.ts';
import { MAX_PIPE } from '../../limits.ts';
import { strftime } from '../../strftime.ts';

/** Ubuntu 24.04's HWE-less kernel as `uname` reports it on the sandbox hosts. */
export const KERNEL_RELEASE = '6.8.0-87-generic';
const KERNEL_VERSION = '#88-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 09:28:41 UTC 2025';

/** The longest single `sleep` the sandbox accepts (virtual time still advances; this bounds ticks). */
const MAX_SLEEP_MS = 24 * 3600 * 1000;
/** The clock moves in at most this many steps per sleep, each followed by a reconcile. */
const SLEEP_STEPS = 120;

/** sleep NUMBER[smhd]…: advances the virtual clock, letting controllers run in between. */
export const sleep: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) return fail('sleep: missing operand\n' + tryHelp('sleep'));
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return fail(`sleep: invalid time interval ‘${a}’\n` + tryHelp('sleep'));
    ms += Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as ''];
  }
  ms = Math.min(Math.round(ms), MAX_SLEEP_MS);
  const step = Math.max(1000, Math.ceil(ms / SLEEP_STEPS));
  for (let done = 0; done < ms; done += step) {
    ctx.world.clock.advance(Math.min(step, ms - done));
    ctx.world.tick();
  }
  return ok();
};

/** date [-u] [+FORMAT] [-I]: the hosts run in UTC; the default format is C.UTF-8's. */
export const date: CommandFn = (ctx) => {
  const now = ctx.world.clock.now();
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('+')) fmt = a.slice(1);
    else if (a === '-u' || a === '--utc') continue;
    else if (a === '-I' || a === '--iso-8601') fmt = '%F';
    else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a.startsWith('-d') || a.startsWith('--date')) return fail(`date: the --date option is not supported in this sandbox\n`);
    else if (a.startsWith('-')) return fail(`date: invalid option -- '${a.slice(1, 2)}'\n` + tryHelp('date'));
    else return fail(`date: invalid date ‘${a}’\n`);
  }
  return ok(strftime(now, fmt) + '\n');
};

/** hostname [-i|-I|-s|-f]. */
export const hostname: CommandFn = (ctx) => {
  const a = ctx.argv[1];
  if (a === '-i' || a === '--ip-address') return ok(ctx.host.ip + '\n');
  if (a === '-I' || a === '--all-ip-addresses') return ok(ctx.host.ip + ' \n');
  if (a !== undefined && !['-s', '-f', '--short', '--fqdn'].includes(a)) return fail('hostname: you must be root to change the host name\n');
  return ok(ctx.host.name + '\n');
};

/** whoami: always root in the sandbox. */
export const whoami: CommandFn = () => ok('root\n');

/** id [-u|-g|-G] [-n]: root's ids (GNU coreutils' id; `-un` prints the name). */
export const id: CommandFn = (ctx) => {
  const flags = ctx.argv.slice(1).filter((a) => a.startsWith('-')).join('').replace(/-/g, '');
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (names.length > 0 && names[0] !== 'root') return fail(`id: ‘${names[0]}’: no such user\n`);
  const bad = [...flags].find((f) => !'ugGn'.includes(f));
  if (bad) return fail(`id: invalid option -- '${bad}'\nTry 'id --help' for more information.\n`);
  if (/[ugG]/.test(flags)) return ok(flags.includes('n') ? 'root\n' : '0\n');
  if (flags.includes('n')) return fail('id: cannot print only names or real IDs in default format\nTry \'id --help\' for more information.\n');
  return ok('uid=0(root) gid=0(root) groups=0(root)\n');
};

/** env [NAME=VALUE]… [COMMAND [ARG]…]. */
export const env: CommandFn = (ctx) => {
  const vars = { ...ctx.env };
  let i = 1;
  if (ctx.argv[i] === '-i') {
    for (const k of Object.keys(vars)) delete vars[k];
    i++;
  }
  for (; i < ctx.argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(ctx.argv[i]); i++) {
    const a = ctx.argv[i];
    vars[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  }
  if (i < ctx.argv.length && ctx.exec) {
    const r = ctx.exec(ctx.argv.slice(i), ctx.stdin);
    if (r.exitCode === 127 && r.stderr.includes('command not found')) {
      return fail(`env: ‘${ctx.argv[i]}’: No such file or directory\n`, 127);
    }
    return r;
  }
  return ok(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
};

/** uname [-a|-r|-s|-n|-m|-v|-o]. */
export const uname: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'uname', 'asnrvmpio', { all: 'a', 'kernel-name': 's', 'nodename': 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', 'operating-system': 'o' });
  if (o.error) return fail(o.error + tryHelp('uname'));
  const parts: [string, string][] = [
    ['s', 'Linux'], ['n', ctx.host.name], ['r', KERNEL_RELEASE], ['v', KERNEL_VERSION], ['m', 'x86_64'], ['p', 'x86_64'], ['i', 'x86_64'], ['o', 'GNU/Linux'],
  ];
  const all = o.flags.has('a');
  const chosen = parts.filter(([k]) => all || o.flags.has(k));
  return ok((chosen.length ? chosen : [parts[0]]).map(([, v]) => v).join(' ') + '\n');
};

/** clear: the escape sequence `clear` writes for TERM=xterm; the web terminal recognises it. */
export const clear: CommandFn = () => ok('\x1b[H\x1b[2J\x1b[3J');

/** true. */
export const trueCmd: CommandFn = () => ok();
/** false. */
export const falseCmd: CommandFn = () => ({ stdout: '', stderr: '', exitCode: 1 });

/** seq [FIRST [INCREMENT]] LAST, capped to keep output bounded. */
export const seq: CommandFn = (ctx) => {
  const nums = ctx.argv.slice(1).map(Number);
  if (nums.length === 0) return fail('seq: missing operand\n' + tryHelp('seq'));
  const bad = ctx.argv.slice(1).find((a) => Number.isNaN(Number(a)));
  if (bad !== undefined) return fail(`seq: invalid floating point argument: ‘${bad}’\n` + tryHelp('seq'));
  const [first, step, lastN] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) return fail(`seq: invalid Zero increment value: ‘0’\n` + tryHelp('seq'));
  let out = '';
  // Past what a pipe carries the rest would only be cut (with the shell's note): stop there.
  for (let v = first; step > 0 ? v <= lastN : v >= lastN; v += step) {
    out += v + '\n';
    if (out.length > MAX_PIPE) break;
  }
  return ok(out);
};
