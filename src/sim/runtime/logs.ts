/**
 * What a container writes to its log, as the runtime keeps it under /var/log/pods: the lines its
 * image prints on start (nginx's entrypoint, CoreDNS's banner, kube-apiserver's klog lines, an
 * echo in a busybox command). kubectl logs reads it through the API server, crictl logs on the
 * node, so both print the same lines. nginx adds an access line for each request it answers.
 */
import type { Obj } from '../api/store.ts';
import type { World } from '../types.ts';
import { KERNEL_VERSION, COREDNS_VERSION } from '../versions.ts';

function nginxDate(ts: string): string {
  return ts.replace('T', ' ').replace('Z', '').replace(/-/g, '/');
}

const appended = new WeakMap<World, Map<string, string[]>>();

/** Adds a line a running container writes (nginx's access line for a request). */
export function appendContainerLog(world: World, pod: Obj, container: string, line: string): void {
  let m = appended.get(world);
  if (!m) appended.set(world, (m = new Map()));
  const key = `${pod.metadata?.uid}/${container}`;
  m.set(key, [...(m.get(key) ?? []), line]);
}

/** A container's log lines: what its image prints when it starts at `started` (RFC 3339), then what it wrote since. */
export function containerLog(world: World, pod: Obj, c: Obj, started: string): string[] {
  return [...startupLog(pod, c, started), ...(appended.get(world)?.get(`${pod.metadata?.uid}/${c.name}`) ?? [])];
}

/** The lines an image prints when it starts. */
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


/** Whether the image logs the klog way, to standard error (the Kubernetes components, etcd, CoreDNS). */
export const logsToStderr = (image: string): boolean => /(^|\/)(kube-[a-z-]+|etcd|coredns):/.test(image);
