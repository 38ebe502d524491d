/**
 * journalctl (systemd 255): options read as getopt_long does (`-xeu kubelet`, `-n20`, `--unit=`),
 * `-u`, `-n`, `-e`, `-f` (prints the tail and returns: the sandbox cannot follow), `-x` (the
 * catalog's explanations), `-r`, `-g`, `-t`, `-S`/`--since`, `-U`/`--until`, `-o short|cat`. While the API server is unreachable a running kubelet
 * logs a failed node status update every 10 s, as kubelet_node_status.go does.
 */
import type { Cluster } from '../../cluster.ts';
import { apiDownSince, bootServices } from '../../controllers/nodeagent.ts';
import type { CommandFn, RunResult } from '../../types.ts';
import { klog, mainPid, type JournalEntry } from './journal.ts';
import { strftime } from '../../strftime.ts';
import { getopt } from '../getopt.ts';
import { catalogLines } from './catalog.ts';
import { parseTimestamp } from './timestamp.ts';
import { unitJournal, unitName } from './units.ts';

/** journalctl's short format time: `Nov 25 09:00:00`. */
export function shortTime(t: number): string {
  return strftime(t, '%b %d %H:%M:%S');
}

const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

/** journalctl.c's getopt string (systemd 255): `-n` and `-b` take a value only when it is attached. */
const SHORT = 'hefo:aln::qmb::kD:p:g:c:S:U:t:T:u:NF:xrM:i:';
/** Its long options (journalctl.c's table), each by the key it acts on; a name of its own takes a value when `:` follows. */
const LONG: Record<string, string> = {
  help: 'h', version: 'version', 'no-pager': 'no-pager', 'pager-end': 'e', follow: 'f', force: 'force', output: 'o', all: 'a',
  full: 'l', 'no-full': 'no-full', lines: 'n::', 'truncate-newline': 'truncate-newline', 'no-tail': 'no-tail',
  'new-id128': 'new-id128', quiet: 'q', merge: 'm', 'this-boot': 'this-boot', boot: 'b::', 'list-boots': 'list-boots', dmesg: 'k',
  system: 'system', user: 'user', directory: 'D', file: 'i', root: 'root:', image: 'image:', 'image-policy': 'image-policy:',
  header: 'header', identifier: 't', 'exclude-identifier': 'T', priority: 'p', facility: 'facility:', grep: 'g',
  'case-sensitive': 'case-sensitive::', 'setup-keys': 'setup-keys', interval: 'interval:', verify: 'verify', 'verify-key': 'verify-key:',
  'disk-usage': 'disk-usage', cursor: 'c', 'cursor-file': 'cursor-file:', 'after-cursor': 'after-cursor:', 'show-cursor': 'show-cursor',
  since: 'S', until: 'U', unit: 'u', 'user-unit': 'user-unit:', field: 'F', fields: 'N', catalog: 'x', 'list-catalog': 'list-catalog',
  'dump-catalog': 'dump-catalog', 'update-catalog': 'update-catalog', reverse: 'r', machine: 'M', utc: 'utc', flush: 'flush',
  'relinquish-var': 'relinquish-var', 'smart-relinquish-var': 'smart-relinquish-var', sync: 'sync', rotate: 'rotate',
  'vacuum-size': 'vacuum-size:', 'vacuum-files': 'vacuum-files:', 'vacuum-time': 'vacuum-time:', 'no-hostname': 'no-hostname',
  'output-fields': 'output-fields:', namespace: 'namespace:',
};
/** The long-only options that change nothing the sandbox prints (its journal is the system one, in UTC, never paged). */
const HARMLESS = new Set(['no-pager', 'no-full', 'no-tail', 'system', 'utc', 'this-boot', 'truncate-newline', 'case-sensitive', 'no-hostname']);
/** The long-only options the sandbox does not run: each gets the sandbox's line. */
const NOT_SIMULATED = new Set(Object.values(LONG).map((k) => k.replace(/:+$/, '')).filter((k) => k.length > 1 && !HARMLESS.has(k)));
/** parse_boot_descriptor's forms: a boot ID, an offset, or an ID and an offset. */
const BOOT = /^(?=.)([0-9a-f]{32})?([+-]?\d+)?$/i;
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
  /** Bit i set: entries of syslog priority i are shown (-p). */
  priorities: number;
}

/** syslog-util.c's log_level table: a name, or a number up to LOG_DEBUG. */
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const logLevel = (s: string): number => (/^[0-7]$/.test(s) ? Number(s) : LEVELS.indexOf(s));

/**
 * An entry's syslog priority. The kubelet's klog lines reach the journal through its stderr stream,
 * which journald records at info whatever klog's letter says (no `<N>` prefix); systemd logs a
 * failed start at err, a failed result at warning, a main process's exit at notice.
 */
function priority(e: JournalEntry): number {
  if (e.ident !== 'systemd[1]') return 6;
  return /^Failed to start /.test(e.msg) ? 3 : /: Failed with result /.test(e.msg) ? 4 : /: Main process exited, /.test(e.msg) ? 5 : 6;
}

/** getopt_long over journalctl's options, the way journalctl.c's parse_argv reads them; a string is the error. */
function parseArgs(args: string[], now: number): Options | RunResult {
  const o: Options = { units: [], idents: [], catalog: false, reverse: false, output: 'short', hostname: true, priorities: 0xff };
  let pagerEnd = false;
  let follow = false;
  let linesGiven = false;
  let grep: string | undefined;
  let caseSensitive: boolean | undefined;
  const apply = (opt: string, value: string | undefined): RunResult | undefined => {
    switch (opt) {
      case 'u':
        o.units.push(unitName(value!));
        return;
      case 'n': {
        linesGiven = true;
        // -n without a value is 10.
        const v = value ?? '10';
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
        grep = value!;
        return;
      case 'case-sensitive':
        // --case-sensitive[=BOOL]: parse_boolean's words; without a value, yes.
        if (value === undefined || /^(1|yes|y|true|t|on)$/i.test(value)) caseSensitive = true;
        else if (/^(0|no|n|false|f|off)$/i.test(value)) caseSensitive = false;
        else return fail(`Bad --case-sensitive= argument "${value}": Invalid argument\n`);
        return;
      case 'no-hostname':
        o.hostname = false;
        return;
      case 'b': {
        // The sandbox's hosts have booted once: boot 0 (this one) and 1 (the first) are it.
        if (value === undefined) return;
        const m = BOOT.exec(value);
        if (!m) return fail(`Failed to parse boot descriptor '${value}'\n`);
        const offset = Number(m[2] ?? 0);
        if (m[1] || (offset !== 0 && offset !== 1)) {
          const which = m[1] ? value : offset < 0 ? String(offset) : `+${offset}`;
          return fail(`Data from the specified boot (${which}) is not available: No such boot ID in journal\n`);
        }
        return;
      }
      case 'p': {
        // A level shows it and every more urgent one; FROM..TO a range, either way round.
        const dots = value!.indexOf('..');
        const [from, to] = dots < 0 ? [0, logLevel(value!)] : [logLevel(value!.slice(0, dots)), logLevel(value!.slice(dots + 2))];
        if (from < 0 || to < 0) return fail(dots < 0 ? `Unknown log level ${value}\n` : `Failed to parse log level range ${value}\n`);
        o.priorities = 0;
        for (let i = Math.min(from, to); i <= Math.max(from, to); i++) o.priorities |= 1 << i;
        return;
      }
      case 'k':
        return fail(`kubesim: journalctl --dmesg: not simulated in this sandbox (-u, -n, -e, -f, -x, -r, -g, -t, -p, --since and --until are)\n`);
      default:
        return;
    }
  };
  // A value-less -n or -b takes the next word only when it parses (journalctl.c looks at argv[optind]).
  const g = getopt(['journalctl', ...args], 'journalctl', SHORT, LONG, (key, next) => (key === 'n' ? /^(\+?\d+|all)$/ : BOOT).test(next));
  if (g.error) return fail(g.error);
  for (const { key, value } of g.list) {
    if (NOT_SIMULATED.has(key)) return fail(`kubesim: journalctl --${key}: not simulated in this sandbox\n`);
    if (key.length === 1 && 'DcTFMiN'.includes(key)) return fail(`kubesim: journalctl -${key}: not simulated in this sandbox\n`);
    if (key === 'h') return fail('kubesim: journalctl --help: not simulated in this sandbox\n');
    const r = apply(key, value);
    if (r) return r;
  }
  if (g.args.length) return fail(`Failed to add match '${g.args[0]}': Invalid argument\n`);
  if (grep !== undefined) {
    try {
      // Smart case: case-insensitive when the pattern has no capital letter, unless --case-sensitive says.
      o.grep = new RegExp(grep, (caseSensitive ?? /[A-Z]/.test(grep)) ? '' : 'i');
    } catch {
      return fail(`Bad pattern "${grep}"\n`);
    }
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
    all.push(...unitJournal(host, svc, ctx.world));
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
    (!o.idents.length || o.idents.includes(e.ident.replace(/\[.*$/, ''))) && (!o.grep || o.grep.test(e.msg)) && (o.priorities >> priority(e)) & 1);
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
