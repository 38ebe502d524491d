/**
 * crictl (cri-tools v1.34) against the host's containerd: `ps [-a]`, `pods`, `logs ID`, `images`.
 * Containers are the host's sandboxes as runtime/containers.ts lists them, static pods included,
 * so crictl still works when the API server is down. Columns as cri-tools cmd/crictl/container.go
 * and sandbox.go print them (tabwriter minwidth 20, padding 3); IDs truncated to 13 characters.
 */
import { rfc3339 } from '../../api/store.ts';
import { fnv32a } from '../../controllers/context.ts';
import { imageDigest } from '../../runtime/hash.ts';
import { hostSandboxes, type RuntimeContainer, type RuntimeSandbox } from '../../runtime/containers.ts';
import { containerLog, logsToStderr } from '../../runtime/logs.ts';
import { klog } from '../systemd/journal.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import TABLE from './crictl-commands.json' with { type: 'json' };
import { appFlags, appHelp, commandHelp, parseLevel, type CliApp, type CliCommand, type CliFlag } from './urfave-cli.ts';

/** A container with the sandbox it runs in. */
interface Ctr extends RuntimeContainer {
  podId: string;
  podName: string;
  namespace: string;
}

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

/** go-units HumanDuration + " ago", as crictl prints CREATED. */
export function ago(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second ago';
  if (s === 1) return '1 second ago';
  if (s < 60) return `${s} seconds ago`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute ago';
  if (m < 60) return `${m} minutes ago`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour ago';
  if (h < 48) return `${h} hours ago`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days ago`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks ago`;
  return `${Math.floor(h / 24 / 30)} months ago`;
}

/** The containers of the host's sandboxes, newest first, with their sandbox's ID, name and namespace. */
function containers(sandboxes: RuntimeSandbox[]): Ctr[] {
  const out: Ctr[] = [];
  for (const sb of sandboxes) for (const c of sb.containers) out.push({ ...c, podId: sb.id, podName: sb.name, namespace: sb.namespace });
  return out.sort((a, b) => b.created - a.created || (a.name < b.name ? -1 : 1));
}

function tab(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(20, ...rows.map((r) => r[i].length + 3)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('') + '\n').join('');
}

/** The app as cri-tools main.go builds it: commands sorted by name, each top-level flag list sorted by name (cli.FlagsByName). */
const APP: CliApp = (() => {
  const byName = <T extends { name: string }>(list: T[]): T[] => [...list].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const commands = (TABLE.commands as CliCommand[]).map((c) => ({ ...c, flags: byName(c.flags ?? []) }));
  return { name: TABLE.app.name, usage: TABLE.app.usage, version: TABLE.app.version, flags: byName(TABLE.app.flags as CliFlag[]), commands: byName(commands) };
})();

/** The crictl verbs the sandbox runs; the others get its line. */
const SIMULATED = new Set(['ps', 'pods', 'logs', 'images', 'version']);

interface Parsed {
  verb: string;
  args: string[];
  flags: Map<string, string>;
}

/** A command by its name or an alias. */
const commandNamed = (name: string): CliCommand | undefined => APP.commands.find((c) => c.name === name || c.aliases?.includes(name));

/** urfave's usage error: the message and the help on standard output, then main's logrus.Fatal. */
const incorrectUsage = (now: number, error: string, help: string): RunResult => ({ ...fatal(now, error), stdout: `Incorrect Usage: ${error}\n\n${help}` });

/** urfave's "No help topic" exit error (status 3). */
const noHelpTopic = (name: string): RunResult => res('', `No help topic for '${name}'\n`, 3);

/** Whether a bool flag is on (`--all`, `-a`, `--all=true`; parseLevel sets every name of a flag). */
const on = (p: { flags: Map<string, string> }, name: string): boolean => p.flags.get(name) === 'true';

/**
 * The command line as urfave/cli runs it: the global flags, then the command and its own flags
 * (each level with Go's flag package, up to the first operand). Help, the version, a usage error
 * or an unknown command end the run there with what crictl prints.
 */
function route(argv: string[], now: number): Parsed | RunResult {
  const root = parseLevel(argv, appFlags(APP));
  if (root.error) return incorrectUsage(now, root.error, appHelp(APP));
  if (on(root, 'help')) return res(appHelp(APP));
  if (on(root, 'version')) return res(`crictl version ${APP.version}\n`);
  const [verb, ...rest] = root.rest;
  if (verb === undefined) return res(appHelp(APP));
  if (verb === 'help' || verb === 'h') {
    const topic = parseLevel(rest, []).rest[0];
    if (topic === undefined) return res(appHelp(APP));
    const command = commandNamed(topic);
    return command ? res(commandHelp(APP, command)) : noHelpTopic(topic);
  }
  const command = commandNamed(verb);
  if (!command) return noHelpTopic(verb);
  const level = parseLevel(rest, command.flags ?? [], command.useShortOptionHandling);
  if (level.error) return incorrectUsage(now, level.error, commandHelp(APP, command, true));
  if (on(level, 'help')) return res(commandHelp(APP, command));
  return { verb: command.name, args: level.rest, flags: level.flags };
}


/** A flag's value under any of its names. */
const flag = (p: Parsed, ...names: string[]): string | undefined => names.map((n) => p.flags.get(n)).find((v) => v !== undefined);

/** Go's regexp.MatchString, unanchored; a pattern JavaScript cannot read matches nothing. */
function matches(pattern: string | undefined, s: string): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern).test(s);
  } catch {
    return false;
  }
}

/** The stdlib logger's line (crictl's log.Fatalf). */
const goLog = (now: number, msg: string): string => `${new Date(now).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ')} ${msg}\n`;

/** logrus's fatal line, as crictl's main prints an error. */
const fatal = (now: number, msg: string): RunResult => res('', `time="${new Date(now).toISOString().replace('.000Z', 'Z')}" level=fatal msg="${msg.replace(/"/g, '\\"')}"\n`, 1);

/** The newest first, then --latest or --last N (cri-tools getContainersList). */
function newest<T extends { created: number }>(list: T[], p: Parsed): T[] {
  const last = Number(flag(p, 'last', 'n') ?? 0);
  const n = on(p, 'latest') ? 1 : last > 0 ? last : list.length;
  return list.slice(0, n);
}

export const crictl: CommandFn = (ctx) => {
  const now = ctx.world.clock.now();
  const p = route(ctx.argv.slice(1), now);
  if (!('verb' in p)) return p;
  const { verb } = p;
  const arg = p.args[0];
  const containerd = ctx.host.services.get('containerd');
  if (!SIMULATED.has(verb)) return res('', `kubesim: crictl ${verb}: not simulated in this sandbox (ps, pods, logs, images and version are)\n`, 1);
  if (containerd && !containerd.active)
    return fatal(now, 'validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: connection refused"');
  const sandboxes = hostSandboxes(ctx.world, ctx.host);
  const all = containers(sandboxes);
  const output = flag(p, 'output', 'o') ?? 'table';
  if ((verb === 'ps' || verb === 'pods') && output !== 'table') {
    if (output === 'json' || output === 'yaml') return res('', `kubesim: crictl ${verb} -o ${output}: not simulated in this sandbox (the table and -q are)\n`, 1);
    return fatal(now, `listing ${verb === 'ps' ? 'containers: list containers' : 'pod sandboxes'}: unsupported output format "${output}"`);
  }
  const noTrunc = on(p, 'no-trunc');
  const short = (id: string) => (noTrunc ? id : id.slice(0, 13));
  switch (verb) {
    case 'ps': {
      const state = flag(p, 'state', 's');
      if (state !== undefined && !['created', 'running', 'exited', 'unknown'].includes(state.toLowerCase()))
        return res('', goLog(now, '--state should be one of created, running, exited or unknown'), 1);
      const everyState = on(p, 'all') || on(p, 'latest') || Number(flag(p, 'last', 'n') ?? 0) > 0;
      const want = everyState ? undefined : (state ?? 'running').toLowerCase();
      const id = flag(p, 'id');
      const pod = flag(p, 'pod', 'p');
      const list = newest(all.filter((c) =>
        (want === undefined || c.state.toLowerCase() === want) &&
        (!id || c.id.startsWith(id)) && (!pod || c.podId.startsWith(pod)) &&
        matches(flag(p, 'name'), c.name) && matches(flag(p, 'namespace'), c.namespace)), p);
      if (on(p, 'quiet')) return res(list.map((c) => c.id + '\n').join(''));
      const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
      for (const c of list) rows.push([short(c.id), short(c.imageId), ago(now - c.created), c.state, c.name, String(c.attempt), short(c.podId), c.podName, c.namespace]);
      return res(tab(rows));
    }
    case 'pods': {
      const state = flag(p, 'state', 's');
      const id = flag(p, 'id');
      // Every sandbox here is ready: a notready filter finds none.
      const list = newest(sandboxes.sort((a, b) => b.created - a.created).filter((sb) =>
        (!state || state.toLowerCase() === 'ready') && (!id || sb.id.startsWith(id)) &&
        matches(flag(p, 'name'), sb.name) && matches(flag(p, 'namespace'), sb.namespace)), p);
      if (on(p, 'quiet')) return res(list.map((sb) => sb.id + '\n').join(''));
      const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
      for (const sb of list) rows.push([short(sb.id), ago(now - sb.created), 'Ready', sb.name, sb.namespace, '0', '(default)']);
      return res(tab(rows));
    }
    case 'logs': {
      if (!arg) return fatal(now, 'ID cannot be empty');
      // logs.go: more than the ID (a flag after it is an argument to Go's flag package) shows the help.
      if (p.args.length > 1) return res(commandHelp(APP, commandNamed('logs')!, true));
      const stream = flag(p, 'stream') ?? '';
      if (!['stdout', 'stderr', ''].includes(stream)) return fatal(now, `invalid stream "${stream}", must be "stdout" or "stderr"`);
      if (p.flags.has('tail') && p.flags.has('stream')) return fatal(now, '--tail and --stream are mutually exclusive');
      const matched = all.filter((c) => c.id.startsWith(arg));
      if (!matched.length) return fatal(now, `failed to try resolving symlinks in path "/var/log/pods/...": not found: container "${arg}" not found`);
      const c = matched[0];
      let lines = c.failure !== undefined ? [klog('E', c.created, 1, 'run.go:72') + c.failure] : containerLog(ctx.world, c.pod, c.spec, rfc3339(c.created));
      const tail = flag(p, 'tail');
      if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
      const log = lines.map((l) => l + '\n').join('');
      // crictl copies the container's streams: the klog writers' lines arrive on standard error.
      // --stream keeps one of them.
      const toStderr = logsToStderr(c.image) || c.failure !== undefined;
      if (stream === (toStderr ? 'stdout' : 'stderr')) return res('');
      return toStderr ? res('', log) : res(log);
    }
    case 'images': {
      // The images its containers run, and the sandbox image containerd pins.
      const imgs = new Map<string, string>([['registry.k8s.io/pause:3.10.1', imageDigest('registry.k8s.io/pause:3.10.1')]]);
      for (const c of all) if (!imgs.has(c.image)) imgs.set(c.image, c.imageId);
      const rows = [['IMAGE', 'TAG', 'IMAGE ID', 'SIZE']];
      for (const [i, id] of [...imgs].sort(([a], [b]) => (a < b ? -1 : 1))) rows.push([i.replace(/:[^:/]+$/, ''), /:[^:/]+$/.test(i) ? i.replace(/^.*:/, '') : 'latest', id.slice(0, 13), `${20 + (fnv32a(i) % 60)}.${fnv32a(i) % 10}MB`]);
      return res(tab(rows));
    }
    default:
      return res('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v2.1.4\nRuntimeApiVersion:  v1\n');
  }
};
