/**
 * journalctl (systemd 255): options read as getopt_long does (`-xeu kubelet`, `-n20`, `--unit=`),
 * `-u`, `-n`, `-e`, `-f` (prints the tail and returns: the sandbox cannot follow), `-x` (the
 * catalog's explanations), `-r`, `-g`, `-t`, `-S`/`--since`, `-U`/`--until`, `-o short|cat`. While the API server is unreachable a running kubelet
 * logs a failed node status update every 10 s, as kubelet_node_status.go does.
 */
import type { Cluster } from '../../cluster.ts';
import { apiDownSince, bootServices } from '../../controllers/nodeagent.ts';
import type { CommandFn, RunResult } from '../../types.ts';
import { journalOf, klog, mainPid, type JournalEntry } from './journal.ts';
import { strftime } from '../../strftime.ts';
import { catalogLines } from './catalog.ts';
import { parseTimestamp } from './timestamp.ts';
import { unitName } from './units.ts';

/** journalctl's short format time: `Nov 25 09:00:00`. */
export function shortTime(t: number): string {
  return strftime(t, '%b %d %H:%M:%S');
}

const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

/** Short options that take a value (journalctl.c's getopt string); `n` and `b` take one only when given. */
const SHORT_VALUE = new Set(['o', 'D', 'p', 'g', 'c', 'S', 'U', 't', 'T', 'u', 'F', 'M', 'i']);
const SHORT_FLAGS = new Set(['h', 'e', 'f', 'a', 'l', 'q', 'm', 'k', 'N', 'x', 'r', 'n', 'b']);
/** Long options by what they do here; each takes a value when listed in LONG_VALUE. */
const LONG: Record<string, string> = {
  unit: 'u', lines: 'n', follow: 'f', 'pager-end': 'e', catalog: 'x', reverse: 'r', since: 'S', until: 'U', output: 'o',
  priority: 'p', boot: 'b', identifier: 't', grep: 'g', dmesg: 'k', full: 'l', all: 'a', quiet: 'q', merge: 'm',
  'no-pager': '', 'no-hostname': 'no-hostname', utc: '', system: '', 'no-tail': '', 'case-sensitive': '',
};
const LONG_VALUE = new Set(['unit', 'since', 'until', 'output', 'priority', 'identifier', 'grep']);
/** Output modes journalctl has and the sandbox does not print (json, verbose…). */
const OTHER_OUTPUTS = ['short-full', 'short-iso', 'short-iso-precise', 'short-precise', 'short-monotonic', 'short-delta', 'short-unix', 'with-unit', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat'];

interface Options {
  units: string[];
  idents: string[];
  n?: number;
  head?: number;
  catalog: boolean;
  reverse: boolean;
  since?: number;
  until?: number;
  output: string;
  grep?: RegExp;
  hostname: boolean;
}

/** getopt_long over journalctl's options, the way journalctl.c's parse_argv reads them; a string is the error. */
function parseArgs(args: string[], now: number): Options | RunResult {
  const o: Options = { units: [], idents: [], catalog: false, reverse: false, output: 'short', hostname: true };
  let pagerEnd = false;
  let follow = false;
  let linesGiven = false;
  const apply = (opt: string, value: string | undefined, next: () => string | undefined): RunResult | undefined => {
    switch (opt) {
      case 'u':
        o.units.push(unitName(value!));
        return;
      case 'n': {
        linesGiven = true;
        // -n without a value is 10; journalctl takes the next word as its value when it is a number.
        let v = value;
        if (v === undefined) {
          const peek = next();
          v = peek ?? '10';
        }
        if (v === 'all') o.n = undefined;
        else if (/^\+\d+$/.test(v)) o.head = Number(v.slice(1));
        else if (/^\d+$/.test(v)) o.n = Number(v);
        else return fail(`Failed to parse lines '${v}'.\n`);
        return;
      }
      case 'e':
        pagerEnd = true;
        return;
      case 'f':
        follow = true;
        return;
      case 'x':
        o.catalog = true;
        return;
      case 'r':
        o.reverse = true;
        return;
      case 'S':
      case 'U': {
        const t = parseTimestamp(value!, now);
        if (t === undefined) return fail(`Failed to parse timestamp: ${value}\n`);
        if (opt === 'S') o.since = t;
        else o.until = t;
        return;
      }
      case 'o':
        if (value === 'short') o.output = value;
        else if (OTHER_OUTPUTS.includes(value!)) o.output = value!;
        else return fail(`Unknown output format '${value}'.\n`);
        return;
      case 't':
        o.idents.push(value!);
        return;
      case 'g':
        try {
          // --grep is case-insensitive when the pattern has no capital letter (smart case).
          o.grep = new RegExp(value!, /[A-Z]/.test(value!) ? '' : 'i');
        } catch {
          return fail(`Bad pattern "${value}"\n`);
        }
        return;
      case 'no-hostname':
        o.hostname = false;
        return;
      case 'p':
      case 'k':
        return fail(`kubesim: journalctl ${opt === 'p' ? '--priority' : '--dmesg'}: not simulated in this sandbox (-u, -n, -e, -f, -x, -r, -g, -t, --since and --until are)\n`);
      default:
        return;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // A value-less -n or -b takes the next word only when it fits (journalctl.c looks at argv[optind]).
    const nextNumber = () => (i + 1 < args.length && /^(\+?\d+|all)$/.test(args[i + 1]) ? args[++i] : undefined);
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (!Object.hasOwn(LONG, name)) {
        if (/^(list-boots|disk-usage|vacuum-\w+|flush|rotate|verify|sync|relinquish-var|smart-relinquish-var|header|list-catalog|dump-catalog|update-catalog|setup-keys|field|fields|new-id128|user|user-unit|directory|file|root|image|namespace|cursor|after-cursor|show-cursor|cursor-file|output-fields|facility|interval|force|machine|invocation|list-invocations|list-namespaces|exclude-identifier)$/.test(name))
          return fail(`kubesim: journalctl --${name}: not simulated in this sandbox\n`);
        return fail(`journalctl: unrecognized option '${a}'\n`);
      }
      let value = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (LONG_VALUE.has(name) && value === undefined) {
        value = args[++i];
        if (value === undefined) return fail(`journalctl: option '--${name}' requires an argument\n`);
      }
      const r = apply(LONG[name], value, nextNumber);
      if (r) return r;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT_VALUE.has(c)) {
          let value: string | undefined = a.slice(j + 1);
          if (!value) value = args[++i];
          if (value === undefined) return fail(`journalctl: option requires an argument -- '${c}'\n`);
          if (['D', 'c', 'T', 'F', 'M', 'i'].includes(c)) return fail(`kubesim: journalctl -${c}: not simulated in this sandbox\n`);
          const r = apply(c, value, nextNumber);
          if (r) return r;
          break;
        }
        if (!SHORT_FLAGS.has(c)) return fail(`journalctl: invalid option -- '${c}'\n`);
        if (c === 'h') return fail('kubesim: journalctl --help: not simulated in this sandbox\n');
        // -n and -b take an attached value (-n20); -n alone may take the next word.
        if (c === 'n' || c === 'b') {
          const attached = a.slice(j + 1);
          const r = c === 'n' ? apply('n', attached || undefined, nextNumber) : (attached ? undefined : (nextNumber(), undefined));
          if (r) return r;
          break;
        }
        const r = apply(c, undefined, nextNumber);
        if (r) return r;
      }
      continue;
    }
    return fail(`Failed to add match '${a}': Invalid argument\n`);
  }
  // -e shows the last 1000 lines and -f the last 10, unless -n says how many.
  if (!linesGiven && (pagerEnd || follow)) o.n = follow ? 10 : 1000;
  if (o.since !== undefined && o.until !== undefined && o.since > o.until) return fail('--since= must be before --until=.\n');
  return o;
}

export const journalctl: CommandFn = (ctx) => {
  const now = ctx.world.clock.now();
  const parsed = parseArgs(ctx.argv.slice(1), now);
  if ('exitCode' in parsed) return parsed;
  const o = parsed;
  if (o.output !== 'short' && o.output !== 'cat') return fail(`kubesim: journalctl -o ${o.output}: not simulated in this sandbox (short and cat are)\n`);
  const units = o.units;
  bootServices(ctx.world);
  const host = ctx.host;
  const all: JournalEntry[] = [];
  const wanted = units.length ? units : [...host.services.keys()];
  for (const u of wanted) {
    const svc = host.services.get(u);
    if (!svc) continue;
    all.push(...journalOf(svc));
    const down = apiDownSince(ctx.world);
    const cluster = ctx.world.cluster as Cluster | undefined;
    if (u === 'kubelet' && svc.active && down !== undefined && cluster) {
      const pid = mainPid(host, svc);
      const from = Math.max(down, svc.since, now - 10 * 60_000);
      const ip = cluster.apiServerIP;
      for (let t = from - (from % 10_000) + 10_000; t <= now; t += 10_000)
        all.push({
          t,
          ident: `kubelet[${pid}]`,
          msg: `${klog('E', t, pid, 'kubelet_node_status.go:548')}"Error updating node status, will retry" err="error getting node \\"${host.name}\\": Get \\"https://${ip}:6443/api/v1/nodes/${host.name}?timeout=10s\\": dial tcp ${ip}:6443: connect: connection refused"`,
        });
    }
  }
  all.sort((a, b) => a.t - b.t);
  const kept = all.filter((e) =>
    (o.since === undefined || e.t >= o.since) && (o.until === undefined || e.t <= o.until) &&
    (!o.idents.length || o.idents.includes(e.ident.replace(/\[.*$/, ''))) && (!o.grep || o.grep.test(e.msg)));
  let shown = o.head !== undefined ? kept.slice(0, o.head) : o.n === undefined ? kept : kept.slice(Math.max(0, kept.length - o.n));
  if (o.reverse) shown = [...shown].reverse();
  if (!shown.length) return { stdout: '-- No entries --\n', stderr: '', exitCode: 0 };
  const lines: string[] = [];
  for (const e of shown) {
    lines.push(o.output === 'cat' ? e.msg : `${shortTime(e.t)}${o.hostname ? ` ${host.name}` : ''} ${e.ident}: ${e.msg}`);
    if (o.catalog && e.ident === 'systemd[1]') lines.push(...catalogLines(e.msg, jobId(host.name, e.t)));
  }
  return { stdout: lines.map((l) => l + '\n').join(''), stderr: '', exitCode: 0 };
};

/** A job number for a unit's job at time `t`: stable, and the same for its begin and end lines. */
function jobId(host: string, t: number): number {
  let h = 0;
  for (const ch of host + String(Math.floor(t / 1000))) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 200 + (h % 4000);
}
