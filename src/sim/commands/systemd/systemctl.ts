/**
 * systemctl (systemd 255, Ubuntu 24.04) for the units of the sandbox, and Ubuntu's `service`
 * wrapper that forwards to it. Messages follow systemctl's sources (systemctl-start-unit.c,
 * systemctl-show.c) and what it prints on Ubuntu.
 */
import type { CommandFn, CommandContext, Host, RunResult, Service, World } from '../../types.ts';
import { bootServices } from '../../controllers/nodeagent.ts';
import { packagesOf } from '../apt/packages.ts';
import { mainPid } from './journal.ts';
import { shortTime } from './journalctl.ts';
import { cpuConsumed, cpuTime, formatTimespan, ranFor, startUnit, stopUnit, unitFile, unitJournal, unitName } from './units.ts';
import { strftime } from '../../strftime.ts';


/** `Wed 2026-11-25 09:00:00 UTC`. */
export function systemdTime(t: number): string {
  return strftime(t, '%a %F %T UTC');
}

/** format_timestamp_relative (systemd time-util.c): `3 days ago`, `5min ago`, `now`. */
export function relative(ms: number): string {
  const s = Math.floor(ms / 1000);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (d >= 30) return `${Math.floor(d / 30)} month${d >= 60 ? 's' : ''} ${d % 30} days ago`;
  if (d >= 7) return `${Math.floor(d / 7)} week${d >= 14 ? 's' : ''} ${d % 7} days ago`;
  if (h >= 48) return `${d} days ago`;
  if (h >= 25) return `1 day ${h - 24}h ago`;
  if (h >= 6) return `${h}h ago`;
  if (h >= 1) return `${h}h ${m % 60}min ago`;
  if (m >= 5) return `${m}min ago`;
  if (m >= 1) return `${m}min ${s % 60}s ago`;
  if (s >= 1) return `${s}s ago`;
  return ms > 0 ? `${ms}ms ago` : 'now';
}

const out = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

function changedWarning(ctx: CommandContext, name: string): string {
  return name === 'kubelet' && packagesOf(ctx.world, ctx.host).unitChanged
    ? `Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n`
    : '';
}

/** The journal lines `systemctl status` shows under the header (the last 10). */
function tail(world: World, host: Host, svc: Service, n: number): string {
  return unitJournal(host, svc, world).slice(-n).map((e) => `${shortTime(e.t)} ${host.name} ${e.ident}: ${e.msg}\n`).join('');
}

/** The `systemctl status UNIT` text of a known unit. */
export function statusText(ctx: CommandContext, svc: Service, lines = 10): string {
  const host = ctx.host;
  // Completes the journal first: for a unit a fault stopped, that also settles the CPU time it used.
  unitJournal(host, svc, ctx.world);
  const u = unitFile(host, svc.name);
  const now = ctx.world.clock.now();
  const name = `${svc.name}.service`;
  const enabled = svc.enabled ? 'enabled' : 'disabled';
  let s = `${svc.active ? '●' : '○'} ${name} - ${u?.description ?? svc.name}\n`;
  s += `     Loaded: loaded (${u?.path}; ${enabled}; preset: enabled)\n`;
  if (u?.dropIns) {
    s += `    Drop-In: ${u.dropIns.dir}\n`;
    s += u.dropIns.files.map((f) => `             └─${f}\n`).join('');
  }
  if (u?.triggeredBy) s += `TriggeredBy: ● ${u.triggeredBy}\n`;
  const pid = mainPid(host, svc);
  if (svc.active) {
    s += `     Active: active (running) since ${systemdTime(svc.since)}; ${relative(now - svc.since)}\n`;
    if (u?.docs) s += `       Docs: ${u.docs}\n`;
    const binary = u?.exec.split(' ')[0].replace(/^.*\//, '') ?? svc.name;
    s += `   Main PID: ${pid} (${binary})\n`;
    s += `      Tasks: ${svc.name === 'kubelet' ? 14 : 11} (limit: 4599)\n`;
    s += `     Memory: ${svc.name === 'kubelet' ? '52.3M (peak: 55.9M)' : '41.7M (peak: 44.2M)'}\n`;
    s += `        CPU: ${cpuTime(svc, now)}\n`;
    s += `     CGroup: /system.slice/${name}\n`;
    s += `             └─${pid} ${u?.exec}\n`;
  } else {
    s += `     Active: inactive (dead) since ${systemdTime(svc.since)}; ${relative(now - svc.since)}\n`;
    s += `   Duration: ${formatTimespan(Math.max(1, ranFor(svc)))}\n`;
    if (u?.docs) s += `       Docs: ${u.docs}\n`;
    s += `    Process: ${pid} ExecStart=${u?.execStart} (code=exited, status=0/SUCCESS)\n`;
    s += `   Main PID: ${pid} (code=exited, status=0/SUCCESS)\n`;
    s += `        CPU: ${cpuConsumed(svc)}\n`;
  }
  const journal = tail(ctx.world, host, svc, lines);
  return journal ? `${s}\n${journal}` : s;
}

function usage(): RunResult {
  return out('', 'Too few arguments.\n', 1);
}

/** systemctl VERB [UNIT…]. */
/** systemctl's verbs (systemctl.c's verb table) that the sandbox does not run: they get its line, not "Unknown command verb". */
const OTHER_VERBS = new Set([
  'list-units', 'list-automounts', 'list-paths', 'list-sockets', 'list-timers', 'list-jobs', 'list-machines', 'list-unit-files', 'list-dependencies',
  'cancel', 'clear-jobs', 'show', 'help', 'edit', 'mask', 'unmask', 'link', 'revert', 'preset', 'preset-all', 'reenable', 'kill', 'clean', 'freeze',
  'thaw', 'reset-failed', 'daemon-reexec', 'log-level', 'log-target', 'service-log-level', 'service-log-target', 'service-watchdogs',
  'show-environment', 'set-environment', 'unset-environment', 'import-environment', 'is-system-running', 'get-default', 'set-default',
  'set-property', 'bind', 'mount-image', 'isolate', 'reload-or-try-restart', 'try-reload-or-restart', 'condrestart', 'force-reload',
  'default', 'rescue', 'emergency', 'halt', 'poweroff', 'reboot', 'kexec', 'soft-reboot', 'exit', 'switch-root', 'suspend', 'hibernate',
  'hybrid-sleep', 'suspend-then-hibernate', 'add-wants', 'add-requires', 'whoami',
]);

export const systemctl: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  const units = words.slice(1).map(unitName);
  if (flags.has('--version')) return out('systemd 255 (255.4-1ubuntu8.11)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n');
  if (!verb) return out('', 'kubesim: systemctl without a verb (list-units) is not simulated; try systemctl status kubelet\n', 1);
  bootServices(ctx.world);
  const host = ctx.host;
  const lookup = (u: string): Service | undefined => host.services.get(u);
  let stdout = '';
  let stderr = '';
  let code = 0;
  switch (verb) {
    case 'status': {
      if (!units.length) return out('', 'kubesim: systemctl status without a unit is not simulated; name a unit, e.g. systemctl status kubelet\n', 1);
      const n = Number((args.find((a) => /^(-n|--lines=)\d+$/.test(a)) ?? '').replace(/\D/g, '') || 10);
      for (const u of units) {
        const svc = lookup(u);
        if (!svc) {
          stderr += `Unit ${u}.service could not be found.\n`;
          code = 4;
          continue;
        }
        stderr += changedWarning(ctx, u);
        stdout += (stdout ? '\n' : '') + statusText(ctx, svc, n);
        if (!svc.active && code === 0) code = 3;
      }
      return out(stdout, stderr, code);
    }
    case 'start':
    case 'stop':
    case 'restart':
    case 'reload':
    case 'try-restart':
    case 'reload-or-restart': {
      if (!units.length) return usage();
      for (const u of units) {
        const svc = lookup(u);
        if (!svc) {
          const what = verb === 'reload-or-restart' ? 'reload or restart' : verb;
          stderr += verb === 'stop' ? `Failed to stop ${u}.service: Unit ${u}.service not loaded.\n` : `Failed to ${what} ${u}.service: Unit ${u}.service not found.\n`;
          code = 5;
          continue;
        }
        stderr += changedWarning(ctx, u);
        if (verb === 'stop') stopUnit(ctx.world, host, svc);
        else if (verb === 'start') startUnit(ctx.world, host, svc);
        else {
          if (verb === 'try-restart' && !svc.active) continue;
          stopUnit(ctx.world, host, svc);
          startUnit(ctx.world, host, svc);
        }
      }
      return out('', stderr, code);
    }
    case 'enable':
    case 'disable': {
      if (!units.length) return usage();
      for (const u of units) {
        const svc = lookup(u);
        const file = unitFile(host, u);
        if (!svc || !file) {
          stderr += `Failed to ${verb} unit: Unit file ${u}.service does not exist.\n`;
          code = 1;
          continue;
        }
        const link = `/etc/systemd/system/multi-user.target.wants/${u}.service`;
        if (verb === 'enable' && !svc.enabled) stderr += `Created symlink ${link} → ${file.path}.\n`;
        if (verb === 'disable' && svc.enabled) stderr += `Removed "${link}".\n`;
        svc.enabled = verb === 'enable';
        if (flags.has('--now')) {
          if (verb === 'enable') startUnit(ctx.world, host, svc);
          else stopUnit(ctx.world, host, svc);
        }
      }
      return out('', stderr, code);
    }
    case 'is-active':
    case 'is-enabled':
    case 'is-failed': {
      if (!units.length) return usage();
      let anyYes = false;
      for (const u of units) {
        const svc = lookup(u);
        if (verb === 'is-enabled') {
          if (!svc) {
            stderr += `Failed to get unit file state for ${u}.service: No such file or directory\n`;
            continue;
          }
          stdout += svc.enabled ? 'enabled\n' : 'disabled\n';
          anyYes ||= svc.enabled;
        } else if (verb === 'is-active') {
          stdout += svc?.active ? 'active\n' : 'inactive\n';
          anyYes ||= !!svc?.active;
        } else {
          stdout += svc?.active ? 'active\n' : 'inactive\n';
        }
      }
      if (flags.has('-q') || flags.has('--quiet')) stdout = '';
      if (verb === 'is-failed') return out(stdout, stderr, 1);
      return out(stdout, stderr, anyYes ? 0 : verb === 'is-enabled' ? 1 : 3);
    }
    case 'daemon-reload':
      packagesOf(ctx.world, host).unitChanged = false;
      return out('');
    case 'cat': {
      if (!units.length) return usage();
      for (const u of units) {
        const file = unitFile(host, u);
        if (!file || !lookup(u)) {
          stderr += `No files found for ${u}.service.\n`;
          code = 1;
          continue;
        }
        stdout += `# ${file.path}\n`;
        stdout += `[Unit]\nDescription=${file.description}\n${file.docs ? `Documentation=${file.docs}\n` : ''}Wants=network-online.target\nAfter=network-online.target\n\n[Service]\nExecStart=${file.execStart.split(' ')[0]}\nRestart=always\nStartLimitInterval=0\nRestartSec=10\n\n[Install]\nWantedBy=multi-user.target\n`;
        for (const f of file.dropIns?.files ?? []) stdout += `\n# ${file.dropIns!.dir}/${f}\n${host.fs.readFile(`${file.dropIns!.dir}/${f}`) ?? ''}`;
      }
      return out(stdout, stderr, code);
    }
    default:
      if (OTHER_VERBS.has(verb)) return out('', `kubesim: systemctl ${verb}: not simulated in this sandbox (status, start, stop, restart, enable, disable, is-active, is-enabled, cat and daemon-reload are)\n`, 1);
      return out('', `Unknown command verb '${verb}'.\n`, 1);
  }
};

/** Ubuntu's /usr/sbin/service (init-system-helpers): `service NAME ACTION` runs systemctl. */
export const service: CommandFn = (ctx) => {
  const [name, action, ...rest] = ctx.argv.slice(1);
  if (!name || name === '--help' || name === '-h') return out('', 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n', name ? 0 : 1);
  if (name === '--version') return out('service ver. 1.65.2ubuntu1\n');
  if (name === '--status-all') return out([...ctx.host.services.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ` [ ${s.active ? '+' : '-'} ]  ${s.name}\n`).join(''));
  if (!action) return out('', `${name}: unrecognized service\n`, 1);
  const verb = action === '--full-restart' ? 'restart' : action;
  return systemctl({ ...ctx, argv: ['systemctl', verb, `${unitName(name)}.service`, ...rest] });
};
