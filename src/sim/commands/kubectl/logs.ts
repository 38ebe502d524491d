/** `kubectl logs`: simulated application logs per image; other modules append lines (access logs). */
import type { Obj, Store } from '../../api/store.ts';
import { KERNEL_VERSION, COREDNS_VERSION } from '../../versions.ts';
import { fail, type Kctx } from './context.ts';
import { findPod, pickContainer } from './exec.ts';
import { bool, str, type FlagSpec } from './flags.ts';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'timestamps', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'max-log-requests', type: 'int' },
];

const extra = new WeakMap<Store, Map<string, string[]>>();

/** Appends a line to a container's log (e.g. an nginx access log line after a curl). */
export function appendPodLog(store: Store, namespace: string, pod: string, container: string, line: string): void {
  let m = extra.get(store);
  if (!m) extra.set(store, (m = new Map()));
  const key = `${namespace}/${pod}/${container}`;
  m.set(key, [...(m.get(key) ?? []), line]);
}

function nginxDate(ts: string): string {
  return ts.replace('T', ' ').replace('Z', '').replace(/-/g, '/');
}

/** The startup log an image writes. */
function startupLog(pod: Obj, c: Obj, started: string): string[] {
  const image = String(c.image);
  const d = nginxDate(started);
  if (/(^|\/)nginx(:|@|$)/.test(image))
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${d} [notice] 1#1: using the "epoll" event method`,
      `${d} [notice] 1#1: nginx/1.29.3`,
      `${d} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) `,
      `${d} [notice] 1#1: OS: Linux ${KERNEL_VERSION}`,
      `${d} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${d} [notice] 1#1: start worker processes`,
      `${d} [notice] 1#1: start worker process 29`,
      `${d} [notice] 1#1: start worker process 30`,
    ];
  if (/coredns/.test(image))
    return [
      'maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined',
      '.:53',
      '[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b',
      `CoreDNS-${COREDNS_VERSION.replace(/^v/, '')}`,
      'linux/amd64, go1.24.1, 707c7c1',
    ];
  if (/(^|\/)kube-apiserver:/.test(image)) {
    // klog's header (k8s.io/klog/v2: Lmmdd hh:mm:ss.uuuuuu threadid file:line]) and the first
    // lines kube-apiserver writes: cmd/kube-apiserver/app/options (external host) and server.go
    // (Version, Golang settings), then genericapiserver's secure_serving.go.
    const t = new Date(started);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const at = (ms: number) => {
      const d = new Date(t.getTime() + ms);
      return `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}412`;
    };
    const version = /:(v[\w.-]+)$/.exec(image)?.[1] ?? '';
    const ip = /--advertise-address=(\S+)/.exec([...(c.command ?? []), ...(c.args ?? [])].join(' '))?.[1] ?? String(pod.status?.hostIP ?? '');
    return [
      `I${at(0)}       1 options.go:249] external host was not specified, using ${ip}`,
      `I${at(2)}       1 server.go:147] Version: ${version}`,
      `I${at(2)}       1 server.go:149] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""`,
      `I${at(1480)}       1 secure_serving.go:211] Serving securely on [::]:6443`,
    ];
  }
  if (/busybox|alpine|ubuntu|debian/.test(image)) {
    const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    const m = /echo\s+["']?([^"';&]+)["']?/.exec(cmd);
    return m ? [m[1].trim()] : [];
  }
  void pod;
  return [];
}

export function logs(k: Kctx): void {
  const [target, maybeContainer] = k.p.args;
  if (!target && !str(k.p, 'selector')) {
    k.err += "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n";
    k.code = 1;
    return;
  }
  let pod: Obj | undefined;
  if (target) {
    pod = findPod(k, target);
    if (!pod) return;
    if (target.includes('/') && !/^(po|pod|pods)\//.test(target)) {
      const owners = k.store.list('Pod', k.namespace).filter((p) => (p.metadata.ownerReferences ?? []).length && p.metadata.labels && pod && Object.entries<string>(pod.metadata.labels).every(([a, b]) => p.metadata.labels[a] === b));
      if (owners.length > 1) k.err += `Found ${owners.length} pods, using pod/${pod.metadata.name}\n`;
    }
  } else {
    const sel = str(k.p, 'selector').split(',').map((s) => s.split('='));
    pod = k.store.list('Pod', k.namespace).find((p) => sel.every(([a, b]) => p.metadata.labels?.[a] === b));
    if (!pod) {
      k.err += `No resources found in ${k.namespace} namespace.\n`;
      return;
    }
  }
  const c = pickContainer(k, pod, str(k.p, 'container') || maybeContainer || '');
  if (!c) return;
  const st = (pod.status?.containerStatuses ?? []).find((s: Obj) => s.name === c.name);
  if (!st?.state?.running && !st?.state?.terminated && !st?.lastState?.terminated) {
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    const why = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason;
    k.err += `Error from server (BadRequest): container "${c.name}" in pod "${pod.metadata.name}" is waiting to start: ${why}\n`;
    k.code = 1;
    return;
  }
  if (bool(k.p, 'previous')) {
    if (!st.lastState?.terminated)
      return fail(k, `Error from server (BadRequest): previous terminated container "${c.name}" in pod "${pod.metadata.name}" not found\n`);
  }
  const started = st.state?.running?.startedAt ?? st.state?.terminated?.startedAt ?? st.lastState?.terminated?.startedAt ?? pod.metadata.creationTimestamp;
  let lines = [...startupLog(pod, c, started), ...(extra.get(k.store)?.get(`${pod.metadata.namespace}/${pod.metadata.name}/${c.name}`) ?? [])];
  const tail = str(k.p, 'tail');
  if (tail && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  if (bool(k.p, 'timestamps')) lines = lines.map((l) => `${started.replace('Z', '.000000000Z')} ${l}`);
  k.out += lines.map((l) => l + '\n').join('');
}
