/**
 * `docker` (Docker CLI/Engine 27.5, Ubuntu's docker.io): run with -v/--mount, volume
 * create/ls/inspect/rm, ps, inspect, exec, logs, stop/start, rm. Errors are the daemon's
 * messages as the CLI reports them (cli/cmd/docker: "docker: <err>.\nSee 'docker run --help'.").
 */
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { imageInfo, startProcess } from './images.ts';
import { dockerState, findContainer, hexId, randomName, volumeDir, type Container, type DockerState, type Mount } from './state.ts';

const ok = (stdout: string): RunResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

/**
 * The daemon's answer when a volume needs a plugin that is not installed (moby's
 * volume/drivers lookup: "error looking up volume plugin NAME: plugin "NAME" not found").
 */
function missingPlugin(volume: string, driver: string): string {
  return `Error response from daemon: create ${volume}: error looking up volume plugin ${driver}: plugin "${driver}" not found`;
}

/** `docker: <message>.` plus the help hint, exit 125 (errors of `docker run` itself). */
function runError(msg: string): RunResult {
  return fail(`docker: ${msg.replace(/\.$/, '')}.\nSee 'docker run --help'.\n`, 125);
}

function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** go-units HumanDuration, as `docker ps` shows CREATED and STATUS. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** The daemon's tabwriter (minwidth 10, padding 3). */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(Math.max(widths[i] + 3, 10)))).join('') + '\n').join('');
}

/** The host path behind a container path, when a mount covers it. */
function backing(c: Container, path: string): string | undefined {
  const m = [...c.mounts].sort((a, b) => b.destination.length - a.destination.length).find((x) => path === x.destination || path.startsWith(x.destination + '/'));
  return m ? m.source + path.slice(m.destination.length) : undefined;
}

function writeIn(ctx: CommandContext, c: Container, path: string, data: string): void {
  const host = backing(c, path);
  if (host) {
    ctx.host.fs.mkdir(host.slice(0, host.lastIndexOf('/')) || '/', true);
    if (!host.endsWith('/.keep')) ctx.host.fs.writeFile(host, data);
  } else c.layer.set(path, data);
}

function existsIn(ctx: CommandContext, c: Container, path: string): boolean {
  const host = backing(c, path);
  return host ? ctx.host.fs.exists(host) : c.layer.has(path);
}

function ensureVolume(ctx: CommandContext, s: DockerState, name: string, driver = 'local', anonymous = false): void {
  if (s.volumes.has(name)) return;
  s.volumes.set(name, { name, driver, created: ctx.world.clock.now(), anonymous });
  ctx.host.fs.mkdir(volumeDir(name), true);
}

const RUN_BOOL = new Set(['-d', '--detach', '-i', '--interactive', '-t', '--tty', '--rm', '-it', '-ti', '-dit', '-itd', '-id', '-td', '-dt', '--privileged', '-P']);
const RUN_VALUE = new Set(['--name', '-e', '--env', '-v', '--volume', '--mount', '--volume-driver', '-p', '--publish', '-w', '--workdir', '--network', '--restart', '-u', '--user', '--hostname', '-h', '--entrypoint', '-l', '--label', '--env-file', '--memory', '-m', '--cpus']);

function run(ctx: CommandContext, s: DockerState, args: string[]): RunResult {
  let detach = false;
  let name = '';
  let remove = false;
  let volumeDriver = 'local';
  const env: string[] = [];
  const vols: string[] = [];
  const mounts: string[] = [];
  const publish: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (RUN_BOOL.has(flag)) {
      if (flag.includes('d') && !flag.startsWith('--') ) detach = true;
      if (flag === '--detach') detach = true;
      if (flag === '--rm') remove = true;
      continue;
    }
    if (!RUN_VALUE.has(flag)) return fail(`unknown flag: ${flag}\nSee 'docker run --help'.\n`, 125);
    const v = inline ?? args[++i];
    if (v === undefined) return fail(`flag needs an argument: '${flag.replace(/^-+/, '')}' in ${flag}\nSee 'docker run --help'.\n`, 125);
    if (flag === '--name') name = v;
    else if (flag === '-e' || flag === '--env') env.push(v.includes('=') ? v : `${v}=${ctx.env[v] ?? ''}`);
    else if (flag === '-v' || flag === '--volume') vols.push(v);
    else if (flag === '--mount') mounts.push(v);
    else if (flag === '--volume-driver') volumeDriver = v;
    else if (flag === '-p' || flag === '--publish') publish.push(v);
  }
  const image = args[i];
  if (!image) return fail('"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n', 1);
  const cmdArgs = args.slice(i + 1);
  if (name && s.containers.some((c) => c.name === name)) {
    const other = s.containers.find((c) => c.name === name)!;
    return runError(`Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name`);
  }
  const ms: Mount[] = [];
  for (const v of vols) {
    const [src, dst, mode] = v.split(':');
    if (!dst) {
      if (!src.startsWith('/')) return runError(`Error response from daemon: invalid volume specification: '${v}': invalid mount config for type "volume": invalid mount path: '${src}' mount path must be absolute`);
      const anon = hexId(ctx.world.rng);
      ensureVolume(ctx, s, anon, volumeDriver, true);
      ms.push({ type: 'volume', name: anon, source: volumeDir(anon), destination: src, rw: true, driver: volumeDriver });
      continue;
    }
    if (!dst.startsWith('/')) return runError(`Error response from daemon: invalid volume specification: '${v}': invalid mount config for type "${src.startsWith('/') ? 'bind' : 'volume'}": invalid mount path: '${dst}' mount path must be absolute`);
    if (src.startsWith('/')) {
      // -v creates a missing bind source (the legacy behaviour --mount does not have).
      ctx.host.fs.mkdir(src, true);
      ms.push({ type: 'bind', source: src, destination: dst, rw: mode !== 'ro' });
    } else {
      if (!s.volumes.has(src) && volumeDriver !== 'local') return runError(missingPlugin(src, volumeDriver));
      ensureVolume(ctx, s, src, volumeDriver);
      ms.push({ type: 'volume', name: src, source: volumeDir(src), destination: dst, rw: mode !== 'ro', driver: s.volumes.get(src)!.driver });
    }
  }
  for (const m of mounts) {
    const kv = new Map<string, string>();
    for (const part of m.split(',')) {
      const [k, ...rest] = part.split('=');
      kv.set(k.trim(), rest.join('=') || 'true');
    }
    const type = kv.get('type') ?? 'volume';
    const src = kv.get('source') ?? kv.get('src') ?? '';
    const dst = kv.get('target') ?? kv.get('destination') ?? kv.get('dst') ?? '';
    const ro = kv.get('readonly') === 'true' || kv.get('ro') === 'true';
    if (!dst) return fail(`invalid argument "${m}" for "--mount" flag: target is required\nSee 'docker run --help'.\n`, 125);
    if (type === 'bind') {
      if (!src) return runError('Error response from daemon: invalid mount config for type "bind": field Source must not be empty');
      if (!ctx.host.fs.exists(src)) return runError(`Error response from daemon: invalid mount config for type "bind": bind source path does not exist: ${src}`);
      ms.push({ type: 'bind', source: src, destination: dst, rw: !ro });
    } else if (type === 'volume') {
      const vname = src || hexId(ctx.world.rng);
      const driver = kv.get('volume-driver') ?? volumeDriver;
      if (!s.volumes.has(vname) && driver !== 'local') return runError(missingPlugin(vname, driver));
      ensureVolume(ctx, s, vname, driver, !src);
      ms.push({ type: 'volume', name: vname, source: volumeDir(vname), destination: dst, rw: !ro, driver: s.volumes.get(vname)!.driver });
    } else return fail(`invalid argument "${m}" for "--mount" flag: invalid mount type "${type}"\nSee 'docker run --help'.\n`, 125);
  }
  const info = imageInfo(image);
  const now = ctx.world.clock.now();
  const c: Container = {
    id: hexId(ctx.world.rng),
    name: name || randomName(ctx.world.rng),
    image,
    command: cmdArgs.length ? (info.command.startsWith('docker-entrypoint.sh') ? `docker-entrypoint.sh ${cmdArgs.join(' ')}` : cmdArgs.join(' ')) : info.command,
    args: cmdArgs,
    env,
    created: now,
    status: 'running',
    exitCode: 0,
    startedAt: now,
    finishedAt: 0,
    mounts: ms,
    ports: publish.length
      ? publish.map((p) => {
          const parts = p.split(':');
          const cport = parts.at(-1)!;
          const hport = parts.length > 1 ? parts.at(-2) : '';
          return `0.0.0.0:${hport}->${cport.includes('/') ? cport : `${cport}/tcp`}, [::]:${hport}->${cport.includes('/') ? cport : `${cport}/tcp`}`;
        })
      : info.ports,
    logs: '',
    layer: new Map(),
  };
  const proc = startProcess(c, now, (p, d) => writeIn(ctx, c, p, d), (p) => existsIn(ctx, c, p));
  c.logs = proc.logs;
  if (!proc.running) {
    c.status = 'exited';
    c.exitCode = proc.exitCode;
    c.finishedAt = now;
  }
  if (!(remove && !proc.running)) s.containers.push(c);
  if (detach) return ok(`${c.id}\n`);
  return { stdout: proc.logs, stderr: '', exitCode: proc.running ? 0 : proc.exitCode };
}

function status(c: Container, now: number): string {
  if (c.status === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.status === 'created') return 'Created';
  return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
}

function ps(ctx: CommandContext, s: DockerState, args: string[]): RunResult {
  const all = args.includes('-a') || args.includes('--all');
  const quiet = args.includes('-q') || args.includes('--quiet') || args.includes('-aq') || args.includes('-qa');
  const now = ctx.world.clock.now();
  const list = s.containers.filter((c) => all || args.includes('-aq') || args.includes('-qa') || c.status === 'running').reverse();
  if (quiet) return ok(list.map((c) => c.id.slice(0, 12) + '\n').join(''));
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const c of list) {
    const cmd = c.command.length > 20 ? `${c.command.slice(0, 19)}…` : c.command;
    rows.push([c.id.slice(0, 12), c.image, JSON.stringify(cmd), `${humanDuration(now - c.created)} ago`, status(c, now), c.status === 'running' ? c.ports.join(', ') : '', c.name]);
  }
  return ok(table(rows));
}

function json(v: unknown): string {
  return JSON.stringify(v, null, 4);
}

function inspectContainer(c: Container): unknown {
  return {
    Id: c.id,
    Created: new Date(c.created).toISOString().replace('Z', '000000Z').replace(/\.(\d{3})000000Z/, '.$1000000Z'),
    Path: c.command.split(' ')[0],
    Args: c.command.split(' ').slice(1),
    State: {
      Status: c.status,
      Running: c.status === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: c.status === 'running' ? 4000 + (parseInt(c.id.slice(0, 4), 16) % 20000) : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: rfc3339(c.startedAt),
      FinishedAt: c.finishedAt ? rfc3339(c.finishedAt) : '0001-01-01T00:00:00Z',
    },
    Image: `sha256:${c.id.split('').reverse().join('')}`,
    Name: `/${c.name}`,
    Mounts: c.mounts.map((m) =>
      m.type === 'volume'
        ? { Type: 'volume', Name: m.name, Source: m.source, Destination: m.destination, Driver: m.driver ?? 'local', Mode: 'z', RW: m.rw, Propagation: '' }
        : { Type: 'bind', Source: m.source, Destination: m.destination, Mode: '', RW: m.rw, Propagation: 'rprivate' },
    ),
    Config: { Hostname: c.id.slice(0, 12), Env: [...c.env, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: c.args.length ? c.args : c.command.split(' ').slice(1), Image: c.image },
  };
}

function volume(ctx: CommandContext, s: DockerState, args: string[]): RunResult {
  const [verb, ...rest] = args;
  const names = rest.filter((a) => !a.startsWith('-'));
  switch (verb) {
    case 'create': {
      const dIdx = rest.findIndex((a) => a === '-d' || a === '--driver');
      const driver = dIdx >= 0 ? rest[dIdx + 1] : 'local';
      const name = names.find((n) => n !== driver) ?? hexId(ctx.world.rng);
      ensureVolume(ctx, s, name, driver);
      return ok(`${name}\n`);
    }
    case 'ls':
    case 'list': {
      if (rest.includes('-q') || rest.includes('--quiet')) return ok([...s.volumes.keys()].sort().map((n) => n + '\n').join(''));
      const rows = [['DRIVER', 'VOLUME NAME'], ...[...s.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((v) => [v.driver, v.name])];
      return ok(table(rows));
    }
    case 'inspect': {
      if (!names.length) return fail('"docker volume inspect" requires at least 1 argument.\nSee \'docker volume inspect --help\'.\n\nUsage:  docker volume inspect [OPTIONS] VOLUME [VOLUME...]\n\nDisplay detailed information on one or more volumes\n');
      const found = names.map((n) => s.volumes.get(n));
      const missing = names.filter((_, k) => !found[k]);
      const out = found
        .filter((v) => v !== undefined)
        .map((v) => ({ CreatedAt: rfc3339(v.created), Driver: v.driver, Labels: v.anonymous ? { 'com.docker.volume.anonymous': '' } : null, Mountpoint: volumeDir(v.name), Name: v.name, Options: null, Scope: 'local' }));
      return { stdout: `${json(out)}\n`, stderr: missing.map((n) => `Error response from daemon: get ${n}: no such volume\n`).join(''), exitCode: missing.length ? 1 : 0 };
    }
    case 'rm':
    case 'remove': {
      let out = '';
      let err = '';
      for (const n of names) {
        if (!s.volumes.has(n)) {
          err += `Error response from daemon: get ${n}: no such volume\n`;
          continue;
        }
        const users = s.containers.filter((c) => c.mounts.some((m) => m.name === n));
        if (users.length) {
          err += `Error response from daemon: remove ${n}: volume is in use - [${users.map((c) => c.id).join(', ')}]\n`;
          continue;
        }
        s.volumes.delete(n);
        ctx.host.fs.remove(`/var/lib/docker/volumes/${n}`, true);
        out += `${n}\n`;
      }
      return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
    }
    case 'prune':
      return ok('Total reclaimed space: 0B\n');
    default:
      return fail(`docker: '${verb ?? ''}' is not a docker command.\nSee 'docker --help'\n`);
  }
}

/** Runs a command inside a container: its files are the mounts' host directories plus its own layer. */
function execIn(ctx: CommandContext, c: Container, argv: string[]): RunResult {
  if (c.status !== 'running') return fail(`Error response from daemon: container ${c.id} is not running\n`);
  let words = argv;
  if ((words[0] === 'sh' || words[0] === 'bash') && words[1] === '-c') words = (words[2] ?? '').trim().split(/\s+/);
  const redirect = words.indexOf('>');
  const append = words.indexOf('>>');
  const r = redirect >= 0 ? redirect : append;
  if (words[0] === 'echo' && r > 0) {
    const path = words[r + 1];
    const text = words.slice(1, r).join(' ').replace(/^["']|["']$/g, '') + '\n';
    const host = backing(c, path);
    const prev = append >= 0 ? ((host ? ctx.host.fs.readFile(host) : c.layer.get(path)) ?? '') : '';
    writeIn(ctx, c, path, prev + text);
    return ok('');
  }
  const [cmd, ...rest] = words;
  switch (cmd) {
    case 'touch':
      for (const p of rest) if (!existsIn(ctx, c, p)) writeIn(ctx, c, p, '');
      return ok('');
    case 'cat': {
      let out = '';
      let err = '';
      for (const p of rest) {
        const host = backing(c, p);
        const data = host ? ctx.host.fs.readFile(host) : c.layer.get(p);
        if (data === undefined) err += `cat: ${p}: No such file or directory\n`;
        else out += data;
      }
      return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
    }
    case 'ls': {
      const p = rest.find((x) => !x.startsWith('-')) ?? '/';
      const host = backing(c, p.replace(/\/$/, ''));
      if (host) {
        const list = ctx.host.fs.list(host);
        if (list === undefined) return fail(`ls: cannot access '${p}': No such file or directory\n`, 2);
        return ok(list.map((n) => n + '\n').join(''));
      }
      const names = [...c.layer.keys()].filter((k) => k.startsWith(p.replace(/\/$/, '') + '/')).map((k) => k.slice(p.replace(/\/$/, '').length + 1).split('/')[0]);
      return ok([...new Set(names)].sort().map((n) => n + '\n').join(''));
    }
    case 'mkdir':
      for (const p of rest.filter((x) => !x.startsWith('-'))) {
        const host = backing(c, p);
        if (host) ctx.host.fs.mkdir(host, true);
      }
      return ok('');
    case 'hostname':
      return ok(`${c.id.slice(0, 12)}\n`);
    case 'env':
      return ok([...c.env, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${c.id.slice(0, 12)}`].map((e) => e + '\n').join(''));
    default:
      return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`, 126);
  }
}

/** The `docker` command on hosts that have Docker (scenario `docker: true`). */
export const docker: CommandFn = (ctx) => {
  if (!ctx.host.hasDocker)
    return fail("Command 'docker' not found, but can be installed with:\nsnap install docker         # version 28.1.1+1, or\napt  install docker.io      # version 27.5.1-0ubuntu3~24.04.2\napt  install podman-docker  # version 4.9.3+ds1-1ubuntu0.2\nSee 'snap info docker' for additional versions.\n", 127);
  const s = dockerState(ctx.host);
  const [sub, ...args] = ctx.argv.slice(1);
  const svc = ctx.host.services.get('docker');
  if (sub && sub !== 'version' && svc && !svc.active)
    return fail('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
  const need = (ref: string | undefined, verb: string) => {
    if (!ref) return { r: fail(`"docker ${verb}" requires at least 1 argument.\nSee 'docker ${verb} --help'.\n`) };
    const c = findContainer(s, ref);
    return c ? { c } : { r: fail(`Error response from daemon: No such container: ${ref}\n`) };
  };
  switch (sub) {
    case 'run':
      return run(ctx, s, args);
    case 'ps':
      return ps(ctx, s, args);
    case 'container':
      if (args[0] === 'ls') return ps(ctx, s, args.slice(1));
      break;
    case 'volume':
      return volume(ctx, s, args);
    case 'inspect': {
      const refs = args.filter((a) => !a.startsWith('-'));
      const fIdx = args.findIndex((a) => a === '-f' || a === '--format');
      const fmt = fIdx >= 0 ? args[fIdx + 1] : undefined;
      const objs: unknown[] = [];
      let err = '';
      for (const ref of refs.filter((r) => r !== fmt)) {
        const c = findContainer(s, ref);
        const v = s.volumes.get(ref);
        if (c) objs.push(inspectContainer(c));
        else if (v) objs.push({ CreatedAt: rfc3339(v.created), Driver: v.driver, Labels: null, Mountpoint: volumeDir(v.name), Name: v.name, Options: null, Scope: 'local' });
        else err += `Error: No such object: ${ref}\n`;
      }
      if (fmt) {
        const m = /^\{\{\s*json\s+\.(\w+)\s*\}\}$/.exec(fmt) ?? /^\{\{\s*\.(\w+)(?:\.(\w+))?\s*\}\}$/.exec(fmt);
        const out = objs.map((o: any) => {
          if (!m) return '';
          const v = m[2] ? o[m[1]]?.[m[2]] : o[m[1]];
          return fmt.includes('json') ? JSON.stringify(v) : String(v);
        });
        return { stdout: out.map((x) => x + '\n').join(''), stderr: err, exitCode: err ? 1 : 0 };
      }
      return { stdout: `${json(objs)}\n`, stderr: err, exitCode: err ? 1 : 0 };
    }
    case 'exec': {
      let k = 0;
      while (args[k]?.startsWith('-')) k += args[k] === '-e' || args[k] === '-u' || args[k] === '-w' ? 2 : 1;
      const x = need(args[k], 'exec');
      if ('r' in x) return x.r!;
      return execIn(ctx, x.c!, args.slice(k + 1));
    }
    case 'logs': {
      const x = need(args.find((a) => !a.startsWith('-')), 'logs');
      if ('r' in x) return x.r!;
      return ok(x.c!.logs);
    }
    case 'stop':
    case 'kill':
    case 'start':
    case 'restart':
    case 'rm': {
      let out = '';
      let err = '';
      const force = args.includes('-f') || args.includes('--force');
      const dropVolumes = args.includes('-v') || args.includes('--volumes');
      const refs = args.filter((a) => !a.startsWith('-'));
      if (!refs.length) return fail(`"docker ${sub}" requires at least 1 argument.\nSee 'docker ${sub} --help'.\n`);
      for (const ref of refs) {
        const c = findContainer(s, ref);
        if (!c) {
          err += `Error response from daemon: No such container: ${ref}\n`;
          continue;
        }
        const now = ctx.world.clock.now();
        if (sub === 'rm') {
          if (c.status === 'running' && !force) {
            err += `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`;
            continue;
          }
          s.containers.splice(s.containers.indexOf(c), 1);
          if (dropVolumes) for (const m of c.mounts) if (m.name && s.volumes.get(m.name)?.anonymous) s.volumes.delete(m.name);
        } else if (sub === 'start' || sub === 'restart') {
          const proc = startProcess(c, now, (p, d) => writeIn(ctx, c, p, d), (p) => existsIn(ctx, c, p));
          c.logs += proc.logs;
          c.status = proc.running ? 'running' : 'exited';
          c.exitCode = proc.exitCode;
          c.startedAt = now;
          if (!proc.running) c.finishedAt = now;
        } else if (c.status === 'running') {
          c.status = 'exited';
          c.exitCode = sub === 'kill' ? 137 : 0;
          c.finishedAt = now;
        }
        out += `${ref}\n`;
      }
      return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
    }
    case 'version':
    case '--version':
    case '-v':
      return ok('Docker version 27.5.1, build 27.5.1-0ubuntu3~24.04.2\n');
    case undefined:
      return ok('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n');
  }
  return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`);
};
