/**
 * The processes of a host, as /proc lists them on one of the practice VMs (Ubuntu 24.04, kernel
 * 6.8, 2 vCPU, 4 GiB): the kernel's threads, the services systemd started at boot, the units of
 * the sandbox (kubelet, containerd…) with the Main PID and command line `systemctl status` shows,
 * one containerd shim and pause process per pod sandbox and each running container's process, the
 * learner's ssh login and the command that asks. Numbers come from stable hashes and the virtual
 * clock, so the same session always prints the same table.
 */
import type { Obj } from '../../api/store.ts';
import type { Cluster } from '../../cluster.ts';
import { bootServices } from '../../controllers/nodeagent.ts';
import { hostSandboxes } from '../../runtime/containers.ts';
import type { Host, World } from '../../types.ts';
import { mainPid } from '../systemd/journal.ts';
import { hash, hex } from '../../runtime/hash.ts';
import { unitFile } from '../systemd/units.ts';

/** One process as ps reads it from /proc/PID/{stat,status,cmdline}. */
export interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  uid: number;
  /** The passwd name of uid, or the uid in decimal when the host has none (containers' users). */
  user: string;
  /** Virtual time (ms) the process started. */
  start: number;
  /** Controlling terminal as ps names it: `pts/0`, `tty1`, or `?`. */
  tty: string;
  /** The state letter of /proc/PID/stat: S, R, I. */
  state: string;
  nice: number;
  /** Memory locked (mlockall): the L of STAT. */
  locked?: boolean;
  /** In the terminal's foreground process group: the + of STAT. */
  foreground?: boolean;
  threads: number;
  /** CPU time used since the start, in ms. */
  cpuMs: number;
  /** KiB. */
  vsz: number;
  rss: number;
  /** /proc/PID/comm: at most 15 characters (kernel workers show their workqueue too). */
  comm: string;
  /** /proc/PID/cmdline; empty for a kernel thread. */
  argv: string[];
  /** Where /proc/PID/exe points (pidof matches it). */
  exe: string;
  /** The CPU it last ran on (PSR). */
  psr: number;
}

/** MemTotal of the practice VMs, in KiB (free's total). */
export const MEM_TOTAL_KB = 4014460;

/** The host's users ps and pgrep know by name (Ubuntu 24.04's /etc/passwd on a cloud image). */
export const USERS: Record<string, number> = {
  root: 0, daemon: 1, bin: 2, sys: 3, sync: 4, games: 5, man: 6, lp: 7, mail: 8, news: 9, uucp: 10, proxy: 13, 'www-data': 33,
  backup: 34, list: 38, irc: 39, _apt: 42, nobody: 65534, dhcpcd: 100, messagebus: 101, syslog: 102, uuidd: 103, tss: 104, sshd: 105,
  pollinate: 106, tcpdump: 107, landscape: 108, 'systemd-network': 998, 'systemd-timesync': 996, 'systemd-resolve': 991, polkitd: 990,
  'fwupd-refresh': 989, ubuntu: 1000,
};

const NAMES = new Map(Object.entries(USERS).map(([name, uid]) => [uid, name]));

/** What ps shows for a uid: the passwd name, else the number. */
export function userName(uid: number): string {
  return NAMES.get(uid) ?? String(uid);
}

const SEC = 1000;
const MIN = 60 * SEC;



/** When the host booted: its Node's creation, which is also when its units started (systemctl's "since"). */
export function bootTime(world: World, host: Host): number {
  bootServices(world);
  const cluster = world.cluster as Cluster | undefined;
  const created = Date.parse(cluster?.store.get('Node', undefined, host.name)?.metadata.creationTimestamp ?? '');
  if (!Number.isNaN(created)) return created;
  // A host that never joined: its units have run since the sandbox started it.
  const since = [...host.services.values()].map((s) => s.since);
  return since.length ? Math.min(...since) : world.clock.now();
}

const logins = new WeakMap<Host, number>();
const invocations = new WeakMap<World, number>();

/** The learner's ssh login on this host: a few minutes before the first look at its processes. */
function loginTime(world: World, host: Host, boot: number): number {
  let t = logins.get(host);
  if (t === undefined) logins.set(host, (t = Math.max(boot + MIN, world.clock.now() - 3 * MIN)));
  return t;
}

/** A process before its PID is known. */
type Draft = Omit<Proc, 'pid' | 'ppid' | 'pgid' | 'sid' | 'psr'> & { key: string };

interface Spec {
  user?: number;
  state?: string;
  nice?: number;
  threads?: number;
  /** Share of one CPU used while running. */
  cpu?: number;
  vsz?: number;
  rss?: number;
  tty?: string;
  locked?: boolean;
  foreground?: boolean;
  comm?: string;
  exe?: string;
}

function draft(key: string, argv: string[], start: number, now: number, s: Spec = {}): Draft {
  const h = hash(key);
  const base = argv[0]?.replace(/^-/, '').replace(/^@/, '').replace(/:.*$/, '').replace(/^.*\//, '') ?? key;
  const jitter = (n: number) => Math.round(n * (0.9 + (h % 200) / 1000));
  const uid = s.user ?? 0;
  return {
    key,
    uid,
    user: userName(uid),
    start,
    tty: s.tty ?? '?',
    state: s.state ?? 'S',
    nice: s.nice ?? 0,
    locked: s.locked,
    foreground: s.foreground,
    threads: s.threads ?? 1,
    cpuMs: Math.floor(Math.max(0, now - start) * (s.cpu ?? 0) * (0.95 + (h % 100) / 1000)),
    vsz: argv.length ? jitter(s.vsz ?? 12000) : 0,
    rss: argv.length ? jitter(s.rss ?? 4000) : 0,
    comm: (s.comm ?? base).slice(0, argv.length ? 15 : 64),
    argv,
    exe: s.exe ?? (argv[0]?.startsWith('/') ? argv[0] : `/usr/bin/${base}`),
  };
}

/** Kernel threads of a 2-vCPU 6.8 kernel: [name, pid, state, nice]. */
const KTHREADS: [string, number, string, number][] = [
  ['kthreadd', 2, 'S', 0], ['pool_workqueue_', 3, 'S', 0], ['kworker/R-rcu_g', 4, 'I', -20], ['kworker/R-rcu_p', 5, 'I', -20],
  ['kworker/R-slub_', 6, 'I', -20], ['kworker/R-netns', 7, 'I', -20], ['kworker/0:0H-events_highpri', 9, 'I', -20],
  ['kworker/R-mm_pe', 12, 'I', -20], ['ksoftirqd/0', 15, 'S', 0], ['rcu_preempt', 16, 'I', 0], ['migration/0', 17, 'S', 0],
  ['cpuhp/0', 19, 'S', 0], ['cpuhp/1', 20, 'S', 0], ['migration/1', 22, 'S', 0], ['ksoftirqd/1', 23, 'S', 0], ['kswapd0', 81, 'S', 0],
  ['jbd2/vda1-8', 214, 'S', 0],
];

/** What Ubuntu 24.04's units run from boot on a cloud VM: [pid, argv, spec, seconds after boot]. */
const BOOT: [number, string[], Spec, number][] = [
  [1, ['/sbin/init'], { state: 'S', cpu: 0.0004, vsz: 22364, rss: 13184, comm: 'systemd', exe: '/usr/lib/systemd/systemd' }, 0],
  [318, ['/usr/lib/systemd/systemd-journald'], { cpu: 0.0002, vsz: 50760, rss: 17408, comm: 'systemd-journal' }, 2],
  [369, ['/sbin/multipathd', '-d', '-s'], { locked: true, threads: 7, cpu: 0.0001, vsz: 288952, rss: 27008, exe: '/usr/sbin/multipathd' }, 2],
  [380, ['/usr/lib/systemd/systemd-udevd'], { cpu: 0.00005, vsz: 25904, rss: 6784 }, 2],
  [512, ['/usr/lib/systemd/systemd-networkd'], { user: 998, vsz: 19176, rss: 8704, cpu: 0.00002, comm: 'systemd-network' }, 4],
  [527, ['/usr/lib/systemd/systemd-resolved'], { user: 991, vsz: 21456, rss: 12800, cpu: 0.00003, comm: 'systemd-resolve' }, 4],
  [531, ['/usr/lib/systemd/systemd-timesyncd'], { user: 996, threads: 2, vsz: 91020, rss: 7552, comm: 'systemd-timesyn' }, 4],
  [593, ['/usr/sbin/cron', '-f', '-P'], { vsz: 7192, rss: 2688 }, 5],
  [594, ['@dbus-daemon', '--system', '--address=systemd:', '--nofork', '--nopidfile', '--systemd-activation', '--syslog-only'], { user: 101, vsz: 9676, rss: 4864, exe: '/usr/bin/dbus-daemon' }, 5],
  [601, ['/usr/bin/python3', '/usr/bin/networkd-dispatcher', '--run-startup-triggers'], { vsz: 32724, rss: 20224, comm: 'networkd-dispat', exe: '/usr/bin/python3.12' }, 5],
  [602, ['/usr/lib/polkit-1/polkitd', '--no-debug'], { user: 990, threads: 4, vsz: 308156, rss: 7680 }, 5],
  [606, ['/usr/sbin/rsyslogd', '-n', '-iNONE'], { user: 102, threads: 4, vsz: 222508, rss: 5760 }, 5],
  [617, ['/usr/lib/systemd/systemd-logind'], { vsz: 17992, rss: 7936 }, 5],
  [638, ['/sbin/agetty', '-o', '-p -- \\u', '--keep-baud', '115200,57600,38400,9600', '-', 'vt220'], { tty: 'ttyS0', foreground: true, vsz: 6176, rss: 1920, exe: '/usr/sbin/agetty' }, 6],
  [648, ['/sbin/agetty', '-o', '-p -- \\u', '--noclear', '-', 'linux'], { tty: 'tty1', foreground: true, vsz: 6220, rss: 1920, exe: '/usr/sbin/agetty' }, 6],
  [665, ['/usr/bin/python3', '/usr/share/unattended-upgrades/unattended-upgrade-shutdown', '--wait-for-signal'], { threads: 2, vsz: 109972, rss: 22400, comm: 'unattended-upgr', exe: '/usr/bin/python3.12' }, 6],
  [1043, ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'], { vsz: 12016, rss: 7936, comm: 'sshd', exe: '/usr/sbin/sshd' }, 8],
];

/** Resources of the processes the sandbox runs, by command name: share of a CPU, VSZ and RSS (KiB), threads. */
const PROFILE: Record<string, Spec> = {
  'kube-apiserver': { cpu: 0.036, vsz: 1545936, rss: 318464, threads: 12 },
  etcd: { cpu: 0.021, vsz: 11741280, rss: 66432, threads: 10 },
  'kube-controller': { cpu: 0.012, vsz: 1309112, rss: 58240, threads: 8 },
  'kube-scheduler': { cpu: 0.004, vsz: 1290956, rss: 24832, threads: 9 },
  coredns: { cpu: 0.002, vsz: 1283196, rss: 21504, threads: 10, user: 65532 },
  'kube-proxy': { cpu: 0.0009, vsz: 1289640, rss: 25600, threads: 7 },
  flanneld: { cpu: 0.002, vsz: 1356116, rss: 21376, threads: 10 },
  nginx: { vsz: 11404, rss: 7424 },
  'redis-server': { cpu: 0.001, vsz: 54068, rss: 10368, threads: 5 },
  httpd: { vsz: 6040, rss: 4480 },
  sleep: { vsz: 4388, rss: 1152 },
  sh: { vsz: 4388, rss: 1536 },
};

/** The unit files' binaries: VSZ and RSS (KiB) matching `systemctl status`'s Memory, and threads (its Tasks). */
const UNITS: Record<string, Spec> = {
  kubelet: { vsz: 2206808, rss: 53555, threads: 14 },
  containerd: { vsz: 1875392, rss: 42700, threads: 11 },
  dockerd: { vsz: 2253808, rss: 76800, threads: 13 },
};

/** What runs in a container whose spec sets no command, by image: the entrypoint's process. */
function entrypoint(image: string): string[] {
  const repo = image.replace(/@.*$/, '').replace(/:[^:/]+$/, '');
  const name = repo.replace(/^.*\//, '');
  switch (name) {
    case 'pause':
      return ['/pause'];
    case 'coredns':
      return ['/coredns'];
    case 'flannel':
      return ['/opt/bin/flanneld'];
    case 'kube-proxy':
    case 'kube-apiserver':
    case 'kube-controller-manager':
    case 'kube-scheduler':
    case 'etcd':
      return [`/usr/local/bin/${name}`];
    case 'nginx':
      return ['nginx', '-g', 'daemon off;'];
    case 'httpd':
      return ['httpd', '-DFOREGROUND'];
    case 'redis':
      return ['redis-server'];
    case 'busybox':
    case 'alpine':
    case 'ubuntu':
    case 'debian':
      return ['sh'];
    case 'mysql':
      return ['mysqld'];
    case 'postgres':
      return ['postgres'];
    default:
      return [name || 'app'];
  }
}

/** The value of a container's env var, as the kubelet resolves it for $(VAR) in command and args. */
function envValue(pod: Obj, c: Obj, node: string, name: string): string | undefined {
  const e = (c.env ?? []).find((v: Obj) => v.name === name);
  if (!e) return undefined;
  if (e.value !== undefined) return String(e.value);
  const path = e.valueFrom?.fieldRef?.fieldPath;
  const fields: Record<string, unknown> = {
    'spec.nodeName': pod.spec?.nodeName ?? node,
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace ?? 'default',
    'spec.serviceAccountName': pod.spec?.serviceAccountName ?? 'default',
    'status.podIP': pod.status?.podIP,
    'status.hostIP': pod.status?.hostIP,
  };
  const v = path ? fields[path] : undefined;
  return v === undefined ? undefined : String(v);
}

/** A container's argv: command and args with $(VAR) expanded (an unknown one stays), else the image's. */
function containerArgv(pod: Obj, c: Obj, node: string): string[] {
  const expand = (s: unknown) =>
    String(s).replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string | undefined) => (v === undefined ? '$' : (envValue(pod, c, node, v) ?? m)));
  const command: string[] = Array.isArray(c.command) ? c.command.map(expand) : [];
  const args: string[] | undefined = Array.isArray(c.args) ? c.args.map(expand) : undefined;
  if (command.length) return [...command, ...(args ?? [])];
  const entry = entrypoint(String(c.image ?? ''));
  // The images that exec their CMD (nginx's docker-entrypoint.sh…) run the args in its place.
  if (args && /^(nginx|httpd|redis-server|sh|mysqld|postgres)$/.test(entry[0])) return args.length ? args : entry;
  return [...entry, ...(args ?? [])];
}

/** One container's processes: nginx's master and workers, redis's title, else the argv itself. */
function containerProcs(key: string, argv: string[], start: number, now: number, user: number | undefined): Draft[] {
  const bin = (argv[0] ?? '').replace(/^.*\//, '');
  const profile = PROFILE[bin.slice(0, 15)] ?? { cpu: 0.0005, vsz: 712000 + (hash(key) % 600000), rss: 9000 + (hash(key) % 30000), threads: 6 };
  const exe = argv[0]?.startsWith('/') ? argv[0] : `/usr/local/bin/${bin}`;
  const spec: Spec = { ...profile, exe, comm: bin, user: user ?? profile.user };
  if (bin === 'nginx') {
    const master = draft(key, [`nginx: master process ${argv.join(' ')}`], start, now, { ...spec, exe: '/usr/sbin/nginx' });
    const workers = [0, 1].map((i) => draft(`${key}:w${i}`, ['nginx: worker process'], start, now, { ...spec, exe: '/usr/sbin/nginx', user: user ?? 101, rss: 2944, threads: 1 }));
    return [master, ...workers];
  }
  if (bin === 'redis-server' && argv.length === 1) return [draft(key, ['redis-server *:6379'], start, now, spec)];
  return [draft(key, argv, start, now, spec)];
}

/** A pod sandbox as ps sees it: its shim, pause process and running containers, with the times they started. */
interface Sandbox {
  id: string;
  start: number;
  containers: { key: string; argv: string[]; start: number; user?: number }[];
}

function sandboxes(world: World, host: Host): Sandbox[] {
  return hostSandboxes(world, host).map((sb) => ({
    id: sb.id,
    start: sb.created,
    containers: sb.containers
      .filter((c) => c.state === 'Running')
      .map((c) => {
        const uid = c.spec.securityContext?.runAsUser ?? c.pod.spec?.securityContext?.runAsUser;
        return { key: c.id, argv: containerArgv(c.pod, c.spec, host.name), start: c.created, user: typeof uid === 'number' ? uid : undefined };
      }),
  }));
}

/** The PID the kernel hands out to a process forked `ms` after boot: a few thousand at boot, rising with the churn. */
const pidAt = (ms: number): number => 1500 + Math.floor(Math.max(0, ms) / 9000);

/**
 * The host's processes in PID order, the command that asks last: `self` is its argv (without it,
 * no such line). Only active units appear, with their Main PID, and only running containers.
 */
export function hostProcesses(world: World, host: Host, self?: string[]): Proc[] {
  const now = world.clock.now();
  const boot = bootTime(world, host);
  const login = loginTime(world, host, boot);
  const used = new Set<number>();
  const procs: Proc[] = [];
  const free = (pid: number): number => {
    while (used.has(pid)) pid++;
    return pid;
  };
  /** Gives a draft its PID (the first free one from `want`), parent, session and process group. */
  const place = (d: Draft, want: number, ppid: number, sid?: number, pgid?: number): Proc => {
    const pid = free(want);
    used.add(pid);
    const { key, ...rest } = d;
    const p: Proc = { ...rest, pid, ppid, sid: sid ?? pid, pgid: pgid ?? sid ?? pid, psr: hash(key) % 2 };
    procs.push(p);
    return p;
  };

  // Units first: their PIDs are systemd's Main PID, the boot-time processes make way.
  const units = [...host.services.values()].filter((s) => s.active).sort((a, b) => (a.name < b.name ? -1 : 1));
  const unitPids = new Map(units.map((s) => [s.name, mainPid(host, s)]));
  for (const pid of unitPids.values()) used.add(pid);
  for (const [name, pid, state, nice] of KTHREADS) place(draft(`k:${name}`, [], boot, now, { state, nice, comm: name }), pid, pid === 2 ? 0 : 2, 0, 0);
  let listener = 1;
  for (const [pid, argv, spec, after] of BOOT) {
    const p = place(draft(`b:${argv[0]}`, argv, boot + after * SEC, now, spec), pid, pid === 1 ? 0 : 1);
    if (p.comm === 'sshd') listener = p.pid;
  }
  for (const svc of units) {
    const pid = unitPids.get(svc.name)!;
    used.delete(pid);
    // The command line systemctl status shows on its CGroup line.
    const argv = (unitFile(host, svc.name)?.exec ?? `/usr/local/bin/${svc.name}`).split(' ').filter(Boolean);
    const bin = argv[0].replace(/^.*\//, '');
    const d = draft(`u:${svc.name}`, argv, svc.since, now, { ...(UNITS[bin] ?? { vsz: 1200000, rss: 30000, threads: 8 }), exe: argv[0] });
    // The CPU time systemctl status reports (units.ts cpuTime: 3 % of a core since the start).
    d.cpuMs = Math.max(0, Math.floor((now - svc.since) * 0.03)) + 1234;
    place(d, pid, 1);
  }

  // Everything later gets its PIDs in the order it started, as the kernel hands them out.
  const events: { start: number; key: string; spawn: (pid: number) => number }[] = [];
  const containerd = unitPids.get('containerd') ?? 1;
  for (const sb of sandboxes(world, host)) {
    let shim = 1;
    events.push({
      start: sb.start,
      key: sb.id,
      spawn: (pid) => {
        const argv = ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'k8s.io', '-id', sb.id, '-address', '/run/containerd/containerd.sock'];
        // The shim leaves containerd's session; the pause process leads its own.
        shim = place(draft(`shim:${sb.id}`, argv, sb.start, now, { cpu: 0.0006, vsz: 1238716, rss: 13056, threads: 11, comm: 'containerd-shim' }), pid, 1, containerd).pid;
        return place(draft(`pause:${sb.id}`, ['/pause'], sb.start, now, { user: 65535, vsz: 1020, rss: 512, exe: '/pause' }), shim + 3, shim).pid;
      },
    });
    for (const c of sb.containers) {
      events.push({
        start: c.start,
        key: c.key,
        spawn: (pid) => {
          // The container's first process leads its session; nginx's workers are its children.
          const [main, ...children] = containerProcs(c.key, c.argv, c.start, now, c.user);
          const first = place(main, pid, shim);
          let last = first;
          for (const d of children) last = place(d, last.pid + 1, first.pid, first.pid);
          return last.pid;
        },
      });
    }
  }
  let bash = 1;
  events.push({
    start: login,
    key: 'login',
    spawn: (pid) => {
      const sshd = place(draft('sshd-session', ['sshd: root@pts/0'], login, now, { vsz: 14840, rss: 10368, comm: 'sshd', exe: '/usr/sbin/sshd' }), pid, listener);
      const user = place(draft('systemd-user', ['/usr/lib/systemd/systemd', '--user'], login, now, { vsz: 20252, rss: 11264, comm: 'systemd' }), sshd.pid + 3, 1);
      place(draft('sd-pam', ['(sd-pam)'], login, now, { vsz: 21152, rss: 3512, comm: '(sd-pam)', exe: '/usr/lib/systemd/systemd' }), user.pid + 1, user.pid, user.pid);
      bash = place(draft('bash', ['-bash'], login + 200, now, { tty: 'pts/0', vsz: 8788, rss: 5504, comm: 'bash', exe: '/usr/bin/bash' }), user.pid + 12, sshd.pid).pid;
      return bash;
    },
  });
  for (const [name, ago] of [['kworker/0:2-events', 47], ['kworker/1:1-events', 12], ['kworker/u4:0-events_unbound', 4]] as const) {
    const t = Math.max(boot, login - ago * MIN);
    events.push({ start: t, key: `kw:${name}`, spawn: (pid) => place(draft(`kw:${name}`, [], t, now, { state: 'I', comm: name }), pid, 2, 0, 0).pid });
  }
  events.sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let next = 0;
  for (const e of events) next = e.spawn(Math.max(pidAt(e.start - boot) + (hash(e.key) % 4), next)) + 1 + (hash(e.key) % 3);

  if (self) {
    // Each command the learner runs is a new process: a higher PID every time.
    const n = (invocations.get(world) ?? 0) + 1;
    invocations.set(world, n);
    const pid = Math.max(next, Math.max(...used) + 1, pidAt(now - boot)) + 3 * n;
    const p = place(draft('self', self, now, now, { tty: 'pts/0', state: 'R', foreground: true, vsz: 11320, rss: 4480, comm: self[0].replace(/^.*\//, '') }), pid, bash, bash);
    p.pgid = p.pid;
  }
  return procs.sort((a, b) => a.pid - b.pid);
}
