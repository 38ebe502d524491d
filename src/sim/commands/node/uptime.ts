/**
 * uptime (procps-ng 4.0.4): the time, how long the node has run (since its Node object was made,
 * as systemctl's "since" says), the users and a load average from the processes that run.
 */
import { fnv32a } from '../../controllers/context.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { bootTime, hostProcesses } from './processes.ts';
import { strftime } from '../../strftime.ts';

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

const UPTIME_USAGE = `
Usage:
 uptime [options]

Options:
 -p, --pretty   show uptime in pretty format
 -h, --help     display this help and exit
 -s, --since    system up since
 -V, --version  output version information and exit

For more details see uptime(1).
`;

/** /proc/loadavg of a host: a little load per running process, moving with the minute. */
function loadavg(ctx: CommandContext): [number, number, number] {
  const procs = hostProcesses(ctx.world, ctx.host).filter((p) => p.argv.length && p.cpuMs > 0).length;
  const minute = Math.floor(ctx.world.clock.now() / 60_000);
  const wobble = (n: number) => (fnv32a(`${ctx.host.name}:${minute}:${n}`) % 100) / 1000;
  const base = 0.05 + procs * 0.012;
  return [base + wobble(1) * 2, base * 0.9 + wobble(5), base * 0.75 + wobble(15) / 2];
}

/** uptime (procps-ng 4.0.4): ` 09:41:12 up 3 days, 41 min,  1 user,  load average: …`, -p, -s. */
export const uptime: CommandFn = (ctx) => {
  const now = ctx.world.clock.now();
  const boot = bootTime(ctx.world, ctx.host);
  const up = Math.max(0, Math.floor((now - boot) / 1000));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = (t: number) => strftime(t, '%F %T');
  const flags: string[] = [];
  let operands = 0;
  const args = ctx.argv.slice(1);
  // getopt_long's order: each option acts as it comes (-h, -s and -V end uptime), operands are refused after.
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands += args.length - i - 1;
      break;
    }
    let letters: string[];
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0];
      const hits = ['pretty', 'help', 'since', 'version'].filter((l) => l.startsWith(name));
      if (hits.length !== 1 || !name) return res('', `uptime: unrecognized option '${a}'\n${UPTIME_USAGE}`, 1);
      if (a.includes('=')) return res('', `uptime: option '--${hits[0]}' doesn't allow an argument\n${UPTIME_USAGE}`, 1);
      letters = [hits[0] === 'version' ? 'V' : hits[0][0]];
    } else if (a.startsWith('-') && a.length > 1) letters = [...a.slice(1)];
    else {
      operands++;
      continue;
    }
    for (const c of letters) {
      if (c === 'p') flags.push(c);
      else if (c === 'h') return res(UPTIME_USAGE);
      else if (c === 's') return res(`${stamp(now - up * 1000)}\n`);
      else if (c === 'V') return res('uptime from procps-ng 4.0.4\n');
      else return res('', `uptime: invalid option -- '${c}'\n${UPTIME_USAGE}`, 1);
    }
  }
  if (operands) return res('', UPTIME_USAGE, 1);
  if (flags.includes('p')) {
    // procps_uptime_sprint_short: weeks and days, hours, minutes, each only when not zero.
    let rest = up;
    const parts: string[] = [];
    const take = (size: number, one: string, many: string) => {
      if (rest > size) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        parts.push(`${n} ${n > 1 ? many : one}`);
      }
    };
    take(86400 * 365 * 10, 'decade', 'decades');
    take(86400 * 365, 'year', 'years');
    take(86400 * 7, 'week', 'weeks');
    take(86400, 'day', 'days');
    take(3600, 'hour', 'hours');
    const before = parts.length;
    take(60, 'minute', 'minutes');
    if (parts.length === before && rest < 60) parts.push('0 minutes');
    return res(`up ${parts.join(', ')}\n`);
  }
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let s = ` ${strftime(now, '%T')} up `;
  if (days) s += `${days} ${days > 1 ? 'days' : 'day'}, `;
  s += hours ? `${String(hours).padStart(2)}:${p2(minutes)}, ` : `${minutes} min, `;
  const [a, b, c] = loadavg(ctx);
  s += ` 1 user,  load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}`;
  return res(s + '\n');
};
