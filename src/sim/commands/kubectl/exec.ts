/**
 * `kubectl exec POD -- CMD` and the commands a container can run. Other modules (DNS tools,
 * curl) register more with `registerPodCommand`.
 */
import type { Obj } from '../../api/store.ts';
import type { RunResult } from '../../types.ts';
import { fail, type Kctx } from './context.ts';
import { formatApiError, noResourceType } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { notFound } from '../../api/server.ts';
import { resolveResource } from '../../api/kinds.ts';
import { ExpansionError, expandWord, type ExpandEnv } from '../../shell/expand.ts';
import { parse, type Pipeline } from '../../shell/parser.ts';
import { MemoryVfs } from '../../shell/vfs.ts';
import { lookupCommand } from '../registry.ts';

/** What an in-pod command receives. */
export interface PodCommandContext {
  pod: Obj;
  container: Obj;
  argv: string[];
  stdin: string;
  /** The kubectl run's context (cluster, store, world). */
  k: Kctx;
}

/** A command available inside containers. */
export type PodCommand = (ctx: PodCommandContext) => RunResult;

const registry = new Map<string, PodCommand>();

/** Makes `name` runnable in every container (nslookup, curl, wget… from other modules). */
export function registerPodCommand(name: string, fn: PodCommand): void {
  registry.set(name, fn);
}

const ok = (stdout: string): RunResult => ({ stdout, stderr: '', exitCode: 0 });

/** The container's environment: image defaults, service links, the spec's env. */
export function containerEnv(k: Kctx, pod: Obj, container: Obj): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.spec.hostname ?? pod.metadata.name,
  };
  // The image's own ENV comes first, then what the kubelet adds.
  if (/(^|\/)nginx(:|$)/.test(container.image)) {
    env.NGINX_VERSION = '1.29.3';
    env.NJS_VERSION = '0.9.4';
    env.NJS_RELEASE = '1~trixie';
    env.PKG_RELEASE = '1~trixie';
    env.DYNPKG_RELEASE = '1~trixie';
  }
  if (pod.spec.enableServiceLinks !== false) {
    for (const svc of k.store.list('Service', pod.metadata.namespace)) {
      if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') continue;
      // Only services that existed when the pod was created become environment variables.
      if (k.store.creationOrder(svc.metadata.uid) > k.store.creationOrder(pod.metadata.uid)) continue;
      const n = svc.metadata.name.toUpperCase().replace(/-/g, '_');
      const first = svc.spec.ports?.[0];
      if (!first) continue;
      env[`${n}_SERVICE_HOST`] = svc.spec.clusterIP;
      env[`${n}_SERVICE_PORT`] = String(first.port);
      env[`${n}_PORT`] = `${first.protocol.toLowerCase()}://${svc.spec.clusterIP}:${first.port}`;
      for (const p of svc.spec.ports) {
        if (p.name) env[`${n}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
        const pre = `${n}_PORT_${p.port}_${p.protocol}`;
        env[pre] = `${p.protocol.toLowerCase()}://${svc.spec.clusterIP}:${p.port}`;
        env[`${pre}_PROTO`] = p.protocol.toLowerCase();
        env[`${pre}_PORT`] = String(p.port);
        env[`${pre}_ADDR`] = svc.spec.clusterIP;
      }
    }
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = String(e.value);
    else if (e.valueFrom?.fieldRef) {
      const path = e.valueFrom.fieldRef.fieldPath as string;
      const v = path.split('.').reduce((o: any, p: string) => o?.[p], pod);
      env[e.name] = v === undefined ? '' : String(v);
    } else if (e.valueFrom?.configMapKeyRef) {
      const cm = k.store.get('ConfigMap', pod.metadata.namespace, e.valueFrom.configMapKeyRef.name);
      env[e.name] = cm?.data?.[e.valueFrom.configMapKeyRef.key] ?? '';
    } else if (e.valueFrom?.secretKeyRef) {
      const s = k.store.get('Secret', pod.metadata.namespace, e.valueFrom.secretKeyRef.name);
      const raw = s?.data?.[e.valueFrom.secretKeyRef.key];
      env[e.name] = raw ? atob(raw) : '';
    }
  }
  env.HOME = env.HOME ?? '/root';
  return env;
}

/** /etc/resolv.conf as the kubelet writes it for ClusterFirst pods. */
export function resolvConf(k: Kctx, pod: Obj): string {
  if (pod.spec.dnsPolicy === 'Default' || (pod.spec.hostNetwork && pod.spec.dnsPolicy !== 'ClusterFirstWithHostNet'))
    return 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';
  const ns = pod.metadata.namespace;
  const dns = k.store.get('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP ?? '10.96.0.10';
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${dns}\noptions ndots:5\n`;
}

function podFiles(k: Kctx, pod: Obj, container: Obj): Record<string, string> {
  const hostname = pod.spec.hostname ?? pod.metadata.name;
  const files: Record<string, string> = {
    '/etc/resolv.conf': resolvConf(k, pod),
    '/etc/hostname': `${hostname}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? ''}\t${hostname}${pod.spec.subdomain ? `.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local\t${hostname}` : ''}\n`,
  };
  if (/nginx/.test(container.image)) {
    files['/usr/share/nginx/html/index.html'] =
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';
  }
  for (const m of container.volumeMounts ?? []) {
    const vol = (pod.spec.volumes ?? []).find((v: Obj) => v.name === m.name);
    const src = vol?.configMap ? k.store.get('ConfigMap', pod.metadata.namespace, vol.configMap.name)?.data : vol?.secret ? k.store.get('Secret', pod.metadata.namespace, vol.secret.secretName)?.data : undefined;
    for (const [key, v] of Object.entries<string>(src ?? {})) files[`${m.mountPath.replace(/\/$/, '')}/${key}`] = vol?.secret ? atob(v) : v;
    if (vol?.projected) {
      files[`${m.mountPath}/namespace`] = pod.metadata.namespace;
      files[`${m.mountPath}/ca.crt`] = k.store.get('ConfigMap', pod.metadata.namespace, 'kube-root-ca.crt')?.data?.['ca.crt'] ?? '';
      files[`${m.mountPath}/token`] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InNpbXVsYXRlZCJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl';
    }
  }
  return files;
}

const BASE_DIRS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash']);

/** Runs argv in a container: `sh -c SCRIPT`, builtin commands, registered ones, or the OCI "not found" error. */
export function runInPod(k: Kctx, pod: Obj, containerName: string, argv: string[], stdin: string): RunResult {
  const container = (pod.spec.containers ?? []).find((c: Obj) => c.name === containerName) ?? pod.spec.containers[0];
  if (SHELLS.has(argv[0]) && argv[1] === '-c' && argv[2] !== undefined) return runScript(k, pod, container, argv[2], stdin);
  if (SHELLS.has(argv[0]) && argv.length === 1)
    return { stdout: '', stderr: `kubesim: an interactive shell in a container is not simulated; run one command at a time: kubectl exec ${pod.metadata.name} -- CMD\n`, exitCode: 0 };
  return runProgram(k, pod, container, argv, stdin) ?? ociNotFound(pod, argv[0] ?? '');
}

/**
 * The container's shell running `sh -c SCRIPT`: lists (`;`, `&&`, `||`), pipelines and `!`, with
 * the sandbox shell's own word expansion (quotes, `$VAR` from the container's environment, `$?`,
 * `$(…)`, globs over the container's files), `NAME=value`, and the redirections that write no file
 * (`2>/dev/null`, `2>&1`, `< FILE`). Writing files, subshells and `NAME=value CMD` are not
 * simulated and say so in one line.
 */
function runScript(k: Kctx, pod: Obj, container: Obj, script: string, stdin: string): RunResult {
  const parsed = parse(script);
  if (!parsed.ok) return { stdout: '', stderr: `sh: ${parsed.error.replace(/^[^:]*: /, '')}\n`, exitCode: 2 };
  const vars = containerEnv(k, pod, container);
  const files = podFiles(k, pod, container);
  const fs = new MemoryVfs();
  for (const [path, data] of Object.entries(files)) fs.seed(path, data);
  let stdout = '';
  let stderr = '';
  let code = 0;
  const env: ExpandEnv = {
    getVar: (name) => vars[name],
    setVar: (name, value) => void (vars[name] = value),
    get lastStatus() {
      return code;
    },
    substitute: (src) => {
      const r = runScript(k, pod, container, src, '');
      stderr += r.stderr;
      return r.stdout;
    },
    fs,
    cwd: '/',
  };
  const notSimulated = (): boolean => {
    stderr += 'kubesim: writing files, subshells and variables before a command inside a container are not simulated\n';
    code = 1;
    return false;
  };
  const runPipeline = (p: Pipeline): boolean => {
    let input = stdin;
    for (const [i, c] of p.commands.entries()) {
      if (c.kind !== 'simple') return notSimulated();
      let argv: string[];
      // Where the command's standard output and error go: the script's, or nowhere (/dev/null).
      const sinks: Record<number, 'out' | 'err' | 'null'> = { 1: 'out', 2: 'err' };
      try {
        // `NAME=value` alone sets a shell variable; before a command it would be that command's environment.
        if (c.assigns.length && c.words.length) return notSimulated();
        for (const a of c.assigns) {
          const eq = a.indexOf('=');
          vars[a.slice(0, eq)] = expandWord(a.slice(eq + 1) || "''", env).join(' ');
        }
        argv = c.words.flatMap((w) => expandWord(w, env));
        for (const r of c.redirects) {
          if (r.heredoc) return notSimulated();
          const target = expandWord(r.target, env).join(' ');
          if ((r.op === '>&' || r.op === '<&') && (target === '1' || target === '2') && r.fd !== 0) sinks[r.fd] = sinks[Number(target)];
          else if (r.op === '<' && target === '/dev/null') input = '';
          else if (r.op === '<' && files[target] !== undefined) input = files[target];
          else if (r.op === '<') {
            stderr += `sh: can't open '${target}': No such file or directory\n`;
            code = 1;
            return true;
          } else if (target === '/dev/null' && ['>', '>>', '>|', '&>', '&>>'].includes(r.op)) {
            if (r.op.startsWith('&')) sinks[1] = sinks[2] = 'null';
            else sinks[r.fd] = 'null';
          } else return notSimulated();
        }
      } catch (e) {
        if (!(e instanceof ExpansionError)) throw e;
        stderr += `sh: ${e.message.replace(/^bash: /, '')}\n`;
        code = 1;
        return false;
      }
      const r = argv.length ? (runProgram(k, pod, container, argv, input, files) ?? { stdout: '', stderr: `sh: ${argv[0]}: not found\n`, exitCode: 127 }) : { stdout: '', stderr: '', exitCode: 0 };
      let piped = '';
      for (const [fd, text] of [[1, r.stdout], [2, r.stderr]] as const) {
        if (sinks[fd] === 'err') stderr += text;
        else if (sinks[fd] === 'out' && i < p.commands.length - 1) piped += text;
        else if (sinks[fd] === 'out') stdout += text;
      }
      input = piped;
      code = r.exitCode;
    }
    if (p.negate) code = code === 0 ? 1 : 0;
    return true;
  };
  for (const list of parsed.list) {
    if (!runPipeline(list.first)) break;
    for (const { op, pipeline } of list.rest) if ((op === '&&') === (code === 0) && !runPipeline(pipeline)) break;
  }
  return { stdout, stderr, exitCode: code };
}

/** The OCI runtime's error for a program the container does not have. */
export function ociNotFound(pod: Obj, cmd: string): RunResult {
  const uid = String(pod.metadata?.uid ?? '');
  const id = Array.from({ length: 64 }, (_, i) => ((uid.charCodeAt(i % 36) || 0) * (i + 7)) % 16)
    .map((n) => n.toString(16))
    .join('');
  return {
    stdout: '',
    stderr: `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH\n`,
    exitCode: 1,
  };
}

/** One program of the container (a registered command or a builtin one), over `files` (else the pod's); undefined if it has none of that name. */
function runProgram(k: Kctx, pod: Obj, container: Obj, args: string[], stdin: string, files?: Record<string, string>): RunResult | undefined {
  const [cmd, ...rest] = args;
  const name = (cmd ?? '').split('/').pop() ?? '';
  const custom = registry.get(name);
  if (custom) return custom({ pod, container, argv: args, stdin, k });
  // A script's programs share the files its shell read once (runScript).
  files ??= podFiles(k, pod, container);
  const env = containerEnv(k, pod, container);
  switch (name) {
    case 'sh':
    case 'bash':
    case 'ash':
      return ok('');
    case 'hostname':
      return ok(`${pod.spec.hostname ?? pod.metadata.name}\n`);
    case 'env':
    case 'printenv':
      if (name === 'printenv' && rest.length) return rest.every((r) => r in env) ? ok(rest.map((r) => env[r] + '\n').join('')) : { stdout: rest.filter((r) => r in env).map((r) => env[r] + '\n').join(''), stderr: '', exitCode: 1 };
      return ok(Object.entries(env).map(([a, b]) => `${a}=${b}\n`).join(''));
    case 'echo':
      return ok(rest.join(' ') + '\n');
    case 'true':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'whoami':
      return ok('root\n');
    case 'cat': {
      let out = '';
      let err = '';
      for (const f of rest) {
        if (files[f] !== undefined) out += files[f];
        else err += `cat: ${f}: No such file or directory\n`;
      }
      if (!rest.length) out += stdin;
      return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
    }
    case 'ls': {
      const target = rest.filter((r) => !r.startsWith('-'))[0] ?? '/';
      const dir = target.replace(/\/$/, '') || '/';
      if (dir === '/') return ok(BASE_DIRS.join('\n') + '\n');
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(dir + '/')) names.add(p.slice(dir.length + 1).split('/')[0]);
      if (files[dir] !== undefined) return ok(`${dir}\n`);
      if (!names.size) return { stdout: '', stderr: `ls: cannot access '${target}': No such file or directory\n`, exitCode: 2 };
      return ok([...names].sort().join('\n') + '\n');
    }
  }
  return runTool(k, pod, name, files, env, rest, stdin);
}

/**
 * Text tools every image with a shell has (busybox applets in busybox and alpine, GNU coreutils in
 * Debian-based images like nginx), by name. Not every real tool: the ones a learner pipes a
 * container's files through.
 */
const CONTAINER_TOOLS = new Set(['awk', 'base64', 'basename', 'cut', 'date', 'dirname', 'egrep', 'grep', 'head', 'id', 'printf', 'sed', 'seq', 'sleep', 'sort', 'tail', 'tee', 'tr', 'uname', 'uniq', 'wc']);

/**
 * One of those tools, run by the sandbox's own implementation over the container's files and
 * environment, on a host of its own so that nothing it writes reaches the node. The messages are
 * GNU's, which busybox's mostly match. The line scan has loaded the tool's family for a line
 * that names it; a tool whose family is not loaded is "not found".
 */
function runTool(k: Kctx, pod: Obj, name: string, files: Record<string, string>, env: Record<string, string>, args: string[], stdin: string): RunResult | undefined {
  const tool = CONTAINER_TOOLS.has(name) ? lookupCommand(name) : undefined;
  if (!tool) return undefined;
  const world = k.ctx.world;
  const fs = new MemoryVfs(() => world.clock.now());
  for (const [path, data] of Object.entries(files)) fs.seed(path, data);
  const host = { name: String(pod.spec.hostname ?? pod.metadata.name), ip: String(pod.status?.podIP ?? ''), fs, services: new Map(), hasDocker: false };
  return tool({ argv: [name, ...args], stdin, env: { ...env }, cwd: '/', host, world });
}

export const EXEC_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'pod-running-timeout', type: 'string' },
];

/** Finds the pod named by `POD`, `pod/POD` or `deploy/NAME` (first pod of the workload). */
export function findPod(k: Kctx, arg: string): Obj | undefined {
  let kind = 'pods';
  let name = arg;
  if (arg.includes('/')) [kind, name] = arg.split('/');
  const r = resolveResource(kind);
  if (!r) {
    fail(k, noResourceType(kind));
    return undefined;
  }
  if (r.kind === 'Pod') {
    const pod = k.store.get('Pod', k.namespace, name);
    if (!pod) {
      k.err += formatApiError(notFound(r, name));
      k.code = 1;
    }
    return pod;
  }
  const owner = k.store.get(r.kind, r.namespaced ? k.namespace : undefined, name);
  if (!owner) {
    k.err += formatApiError(notFound(r, name));
    k.code = 1;
    return undefined;
  }
  const sel = owner.spec?.selector?.matchLabels ?? owner.spec?.selector ?? {};
  const pods = k.store.list('Pod', k.namespace).filter((p) => Object.entries<string>(sel).every(([a, b]) => p.metadata.labels?.[a] === b));
  if (!pods.length) {
    fail(k, `error: no pods found for ${r.kind.toLowerCase()}/${name}\n`);
    return undefined;
  }
  return pods[0];
}

/** Picks the container, printing kubectl's "Defaulted container" note for multi-container pods. */
export function pickContainer(k: Kctx, pod: Obj, requested: string): Obj | undefined {
  const cs: Obj[] = pod.spec.containers ?? [];
  if (requested) {
    const c = cs.find((x) => x.name === requested);
    if (!c) fail(k, `error: container ${requested} not found in pod ${pod.metadata.name}\n`);
    return c;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const c = cs.find((x) => x.name === annotated) ?? cs[0];
  if (cs.length > 1 && !annotated)
    k.err += `Defaulted container "${c.name}" out of: ${cs.map((x) => x.name).join(', ')}\n`;
  return c;
}

export function exec(k: Kctx): void {
  const [target] = k.p.args;
  if (!target) {
    k.err += "error: pod, type/name or --filename must be specified\n";
    k.code = 1;
    return;
  }
  if (!k.p.sawDash) {
    if (k.p.args.length > 1) {
      k.err += `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n`;
      k.code = 1;
      return;
    }
    k.err += "error: you must specify at least one command for the container\n";
    k.code = 1;
    return;
  }
  if (!k.p.dashArgs.length) return fail(k, 'you must specify at least one command for the container');
  const pod = findPod(k, target);
  if (!pod) return;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
    return fail(k, `cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  if (pod.status?.phase !== 'Running') return fail(k, `unable to upgrade connection: container not found ("${pod.spec.containers[0].name}")`);
  const c = pickContainer(k, pod, str(k.p, 'container'));
  if (!c) return;
  // Without -i kubectl attaches no standard input: the container's command reads end of file.
  const r = runInPod(k, pod, c.name, k.p.dashArgs, bool(k.p, 'stdin') ? k.ctx.stdin : '');
  k.out += r.stdout;
  k.err += r.stderr;
  if (r.exitCode !== 0) {
    if (!r.stderr.startsWith('error:')) k.err += `command terminated with exit code ${r.exitCode}\n`;
    k.code = r.exitCode;
  }
}
