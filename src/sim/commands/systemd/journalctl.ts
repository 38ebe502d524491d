/**
 * journalctl (systemd 255): `-u UNIT`, `-n N`, `--no-pager`, `-f` (prints the tail and returns:
 * the sandbox cannot follow), `-x`/`-e`. While the API server is unreachable a running kubelet
 * logs a failed node status update every 10 s, as kubelet_node_status.go does.
 */
import type { Cluster } from '../../cluster.ts';
import { apiDownSince, bootServices } from '../../controllers/nodeagent.ts';
import type { CommandFn, RunResult } from '../../types.ts';
import { journalOf, klog, mainPid, shortTime, type JournalEntry } from './journal.ts';
import { unitName } from './units.ts';

const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

export const journalctl: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const units: string[] = [];
  let n: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const takeValue = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '-u' || a.startsWith('--unit')) {
      const v = takeValue();
      if (v === undefined) return fail("journalctl: option requires an argument -- 'u'\n");
      units.push(unitName(v));
    } else if (a.startsWith('-u') && a.length > 2) units.push(unitName(a.slice(2)));
    else if (a === '-n' || a.startsWith('--lines')) {
      const v = takeValue();
      if (v === undefined || !/^\d+$/.test(v)) return fail(`Failed to parse lines '${v ?? ''}'.\n`);
      n = Number(v);
    } else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (a === '-f' || a === '--follow') n ??= 10;
    else if (/^-[xefl]+$/.test(a) || ['--no-pager', '--no-hostname', '--catalog', '--pager-end', '--full', '-l'].includes(a)) {
      if (a.includes('e') && !a.startsWith('--')) n ??= 1000;
    } else if (a.startsWith('-')) return fail(`journalctl: unrecognized option '${a}'\n`);
    else return fail(`Failed to add match '${a}': Invalid argument\n`);
  }
  bootServices(ctx.world);
  const host = ctx.host;
  const now = ctx.world.clock.now();
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
  const shown = n === undefined ? all : all.slice(Math.max(0, all.length - n));
  if (!shown.length) return { stdout: '-- No entries --\n', stderr: '', exitCode: 0 };
  return { stdout: shown.map((e) => `${shortTime(e.t)} ${host.name} ${e.ident}: ${e.msg}\n`).join(''), stderr: '', exitCode: 0 };
};
