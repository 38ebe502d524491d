/**
 * ss (iproute2 6.1, Ubuntu 24.04) for the sockets a node listens on: `ss -tulnp` and its parts.
 * Rows come from the host's processes (processes.ts), so a stopped kubelet or a moved
 * kube-apiserver manifest takes its ports away. Layout as misc/ss.c renders it: each field a
 * token, columns as wide as their longest token plus their left delimiter, right-aligned
 * addresses; on a terminal the spare width (COLUMNS, else 80) is spread over the columns, piped
 * output stays compact. Options through getopt_long with ss.c's table, a bad one answered with
 * its whole usage text. Established connections, unix sockets and filter expressions are not
 * simulated: they get one line saying so.
 */
import type { CommandFn, RunResult } from '../../types.ts';
import { hostProcesses, type Proc } from './processes.ts';
import { getopt } from '../getopt.ts';

/** A listening (TCP) or unconnected (UDP) socket of a process, by its comm. */
interface Listener {
  comm: string | undefined;
  proto: 'tcp' | 'udp';
  /** `IP` stands for the host's address; `*` is a dual-stack wildcard, `[::]` an IPv6-only one. */
  addr: string;
  port: number | 'containerd';
  fd: number;
  backlog: number;
}

/** What listens on a kubeadm node, by owner; the kernel's VXLAN socket (flannel) has none. */
const LISTENERS: Listener[] = [
  { comm: 'systemd-resolve', proto: 'udp', addr: '127.0.0.54', port: 53, fd: 16, backlog: 0 },
  { comm: 'systemd-resolve', proto: 'udp', addr: '127.0.0.53%lo', port: 53, fd: 14, backlog: 0 },
  { comm: 'systemd-network', proto: 'udp', addr: 'IP%eth0', port: 68, fd: 23, backlog: 0 },
  { comm: undefined, proto: 'udp', addr: '0.0.0.0', port: 8472, fd: 0, backlog: 0 },
  { comm: 'systemd-resolve', proto: 'tcp', addr: '127.0.0.53%lo', port: 53, fd: 15, backlog: 4096 },
  { comm: 'systemd-resolve', proto: 'tcp', addr: '127.0.0.54', port: 53, fd: 17, backlog: 4096 },
  { comm: 'sshd', proto: 'tcp', addr: '0.0.0.0', port: 22, fd: 3, backlog: 128 },
  { comm: 'containerd', proto: 'tcp', addr: '127.0.0.1', port: 'containerd', fd: 11, backlog: 4096 },
  { comm: 'kubelet', proto: 'tcp', addr: '127.0.0.1', port: 10248, fd: 24, backlog: 4096 },
  { comm: 'kube-proxy', proto: 'tcp', addr: '127.0.0.1', port: 10249, fd: 12, backlog: 4096 },
  { comm: 'etcd', proto: 'tcp', addr: '127.0.0.1', port: 2379, fd: 8, backlog: 4096 },
  { comm: 'etcd', proto: 'tcp', addr: 'IP', port: 2379, fd: 7, backlog: 4096 },
  { comm: 'etcd', proto: 'tcp', addr: 'IP', port: 2380, fd: 6, backlog: 4096 },
  { comm: 'etcd', proto: 'tcp', addr: '127.0.0.1', port: 2381, fd: 14, backlog: 4096 },
  { comm: 'kube-controller', proto: 'tcp', addr: '127.0.0.1', port: 10257, fd: 3, backlog: 4096 },
  { comm: 'kube-scheduler', proto: 'tcp', addr: '127.0.0.1', port: 10259, fd: 3, backlog: 4096 },
  { comm: 'sshd', proto: 'tcp', addr: '[::]', port: 22, fd: 4, backlog: 128 },
  { comm: 'kubelet', proto: 'tcp', addr: '*', port: 10250, fd: 29, backlog: 4096 },
  { comm: 'kube-proxy', proto: 'tcp', addr: '*', port: 10256, fd: 13, backlog: 4096 },
  { comm: 'kube-apiserver', proto: 'tcp', addr: '*', port: 6443, fd: 3, backlog: 4096 },
];

/** Port names /etc/services (netbase) gives, shown without -n. */
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 68: 'bootpc' };

/** misc/ss.c's columns: alignment, header and left delimiter. */
const COLUMNS: { right: boolean; header: string; ldelim: string }[] = [
  { right: false, header: 'Netid', ldelim: '' },
  { right: false, header: 'State', ldelim: ' ' },
  { right: false, header: 'Recv-Q', ldelim: ' ' },
  { right: false, header: 'Send-Q', ldelim: ' ' },
  { right: true, header: 'Local Address:', ldelim: ' ' },
  { right: false, header: 'Port', ldelim: '' },
  { right: true, header: 'Peer Address:', ldelim: ' ' },
  { right: false, header: 'Port', ldelim: '' },
  { right: false, header: 'Process', ldelim: '' },
];

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

/** render_calc_width() and render(): rows of tokens (undefined for a disabled column) as ss prints them. */
export function renderColumns(rows: (string | undefined)[][], screen: number | undefined): string {
  const enabled = COLUMNS.map((_, i) => rows.some((r) => r[i] !== undefined));
  const width = COLUMNS.map(() => 0);
  let first = true;
  COLUMNS.forEach((c, i) => {
    if (!enabled[i]) return;
    const max = Math.max(...rows.map((r) => r[i]?.length ?? 0));
    width[i] = !first && max ? max + c.ldelim.length : max;
    if (screen !== undefined) width[i] = Math.min(width[i], screen);
    if (width[i]) first = false;
  });
  if (screen !== undefined) {
    // Lines of columns that fit the screen, each line's spare width spread from the right.
    let eol = -1;
    let len = 0;
    let linecols = 0;
    for (let c = 0; c < COLUMNS.length; c++) {
      if (!width[c]) continue;
      linecols++;
      len += width[c];
      const last = !width.slice(c + 1).some(Boolean);
      if (!last && len < screen) continue;
      if (len !== screen) {
        if (len > screen) {
          len -= width[c];
          c--;
          linecols--;
        }
        const pad = screen - len;
        const spacing = linecols ? Math.floor(pad / linecols) : 0;
        let rem = linecols ? pad % linecols : 0;
        for (let t = c; t > eol; t--) {
          if (!width[t]) continue;
          width[t] += spacing;
          if (rem) {
            width[t]++;
            rem--;
          }
        }
      }
      eol = c;
      len = 0;
      linecols = 0;
    }
  }
  let out = '';
  for (const row of rows) {
    let started = false;
    COLUMNS.forEach((c, i) => {
      if (!enabled[i]) return;
      const token = row[i] ?? '';
      let printed = started ? c.ldelim.length : 0;
      let line = started ? c.ldelim : '';
      started = true;
      if (width[i] && c.right) {
        const s = width[i] - token.length - printed;
        if (s > 0) {
          line += ' '.repeat(s);
          printed += s;
        }
      }
      line += token;
      printed += token.length;
      if (width[i] && !c.right && width[i] - printed > 0) line += ' '.repeat(width[i] - printed);
      out += line;
    });
    out += '\n';
  }
  return out;
}

/** A stable port in the ephemeral range for containerd's CRI streaming server on this host. */
function streamPort(host: string): number {
  let h = 7;
  for (const ch of host) h = (h * 131 + ch.charCodeAt(0)) >>> 0;
  return 32768 + (h % 28000);
}

/** misc/ss.c's _usage(): on stdout for -h, on stderr (exit 255) after a bad option. */
const USAGE = `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -V, --version       output version information
   -n, --numeric       don't resolve service names
   -r, --resolve       resolve host names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -T, --threads       show thread using socket
   -i, --info          show internal TCP information
       --tipcinfo      show internal tipc socket information
   -s, --summary       show socket usage summary
       --tos           show tos and priority information
       --cgroup        show cgroup information
   -b, --bpf           show bpf filter socket information
   -E, --events        continually display sockets as they are destroyed
   -Z, --context       display task SELinux security contexts
   -z, --contexts      display task and socket SELinux security contexts
   -N, --net           switch to the specified network namespace name

   -4, --ipv4          display only IP version 4 sockets
   -6, --ipv6          display only IP version 6 sockets
   -0, --packet        display PACKET sockets
   -t, --tcp           display only TCP sockets
   -M, --mptcp         display only MPTCP sockets
   -S, --sctp          display only SCTP sockets
   -u, --udp           display only UDP sockets
   -d, --dccp          display only DCCP sockets
   -w, --raw           display only RAW sockets
   -x, --unix          display only Unix domain sockets
       --tipc          display only TIPC sockets
       --vsock         display only vsock sockets
       --xdp           display only XDP sockets
   -f, --family=FAMILY display sockets of type FAMILY
       FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}

   -K, --kill          forcibly close sockets, display what was closed
   -H, --no-header     Suppress header line
   -O, --oneline       socket's data printed on a single line
       --inet-sockopt  show various inet socket options

   -A, --query=QUERY, --socket=QUERY
       QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|unix_seqpacket|packet|packet_raw|packet_dgram|netlink|dccp|sctp|vsock_stream|vsock_dgram|tipc|xdp}[,QUERY]

   -D, --diag=FILE     Dump raw information about TCP sockets to FILE
   -F, --filter=FILE   read filter information from FILE
       FILTER := [ state STATE-FILTER ] [ EXPRESSION ]
       STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}
         TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|closed|close-wait|last-ack|listening|closing}
          connected := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
       synchronized := {established|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
             bucket := {syn-recv|time-wait}
                big := {established|syn-sent|fin-wait-{1,2}|closed|close-wait|last-ack|listening|closing}
`;

/** ss.c's getopt string and long options (long-only ones by their own name). */
const SHORT = 'dhaletuwxnro460spTbEf:mMiA:D:F:vVzZN:KHSO';
const LONG: Record<string, string> = {
  numeric: 'n', resolve: 'r', options: 'o', extended: 'e', memory: 'm', info: 'i', processes: 'p', threads: 'T', bpf: 'b',
  events: 'E', dccp: 'd', tcp: 't', sctp: 'S', udp: 'u', raw: 'w', unix: 'x', tipc: 'tipc', vsock: 'vsock', all: 'a',
  listening: 'l', ipv4: '4', ipv6: '6', packet: '0', family: 'f', socket: 'A', query: 'A', summary: 's', diag: 'D',
  filter: 'F', version: 'V', help: 'h', context: 'Z', contexts: 'z', net: 'N', tipcinfo: 'tipcinfo', tos: 'tos',
  cgroup: 'cgroup', kill: 'K', 'no-header': 'H', xdp: 'xdp', mptcp: 'M', oneline: 'O', 'inet-sockopt': 'inet-sockopt',
};
/** The options the sandbox prints by; -O changes nothing for one-line rows. */
const SIMULATED = new Set(['t', 'u', 'l', 'a', 'n', 'p', '4', '6', 'H', 'O']);
const FAMILIES: Record<string, string> = { inet: '4', inet6: '6' };

export const ss: CommandFn = (ctx) => {
  const g = getopt(ctx.argv, 'ss', SHORT, LONG);
  const flags = new Set<string>();
  const notSimulated = (opt: string) => res('', `kubesim: ss ${opt}: not simulated in this sandbox (-t, -u, -l, -a, -n, -p, -4, -6 and -H are)\n`, 1);
  // In the order given, as ss.c's loop acts on each option before it reads the next.
  for (const { key, value } of g.list) {
    if (key === 'h') return res(USAGE);
    if (key === 'V' || key === 'v') return res('ss utility, iproute2-6.1.0\n');
    if (key === 'Z' || key === 'z') return res('', 'ss: SELinux is not enabled.\n', 1);
    if (key === 'f') {
      if (value === 'help') return res(USAGE);
      if (FAMILIES[value!]) flags.add(FAMILIES[value!]);
      else if (['link', 'unix', 'netlink', 'tipc', 'vsock', 'xdp'].includes(value!)) return notSimulated(`-f ${value}`);
      else return res('', `ss: "${value}" is invalid family\n${USAGE}`, 255);
      continue;
    }
    if (!SIMULATED.has(key)) return notSimulated(key.length > 1 ? `--${key}` : `-${key}`);
    flags.add(key);
  }
  if (g.error) return res('', g.error + USAGE, 255);
  const operands = g.args;
  if (operands.length) return res('', 'kubesim: ss: filter expressions are not simulated in this sandbox; pipe the list to grep instead (ss -tlnp | grep 6443)\n', 1);
  if (!flags.has('l') && !flags.has('a')) return res('', 'kubesim: ss: established connections are not simulated in this sandbox; ss -tlnp lists the listening sockets\n', 1);
  const notes: string[] = [];
  if (flags.has('a')) notes.push('kubesim: ss: established connections are not simulated in this sandbox; these are the listening sockets\n');
  let dbs = (['udp', 'tcp'] as const).filter((p) => flags.has(p[0]));
  if (!dbs.length) {
    dbs = ['udp', 'tcp'];
    notes.push('kubesim: ss: unix, raw and netlink sockets are not simulated in this sandbox\n');
  }
  const procs = hostProcesses(ctx.world, ctx.host);
  const byComm = new Map<string, Proc>();
  for (const p of procs) if (p.argv.length && !byComm.has(p.comm)) byComm.set(p.comm, p);
  const v4 = flags.has('4') || !flags.has('6');
  const v6 = flags.has('6') || !flags.has('4');
  const rows: (string | undefined)[][] = [];
  const netid = dbs.length > 1;
  if (!flags.has('H')) rows.push(COLUMNS.map((c, i) => (i === 0 && !netid ? undefined : c.header)));
  for (const db of dbs) {
    for (const l of LISTENERS.filter((x) => x.proto === db)) {
      const owner = l.comm === undefined ? undefined : byComm.get(l.comm);
      if (l.comm !== undefined && !owner) continue;
      // flannel's VXLAN socket exists only where flannel runs.
      if (l.port === 8472 && !byComm.has('flanneld')) continue;
      const six = l.addr.startsWith('[') || l.addr === '*';
      if ((six && !v6) || (!six && !v4 && l.addr !== '*')) continue;
      const port = l.port === 'containerd' ? streamPort(ctx.host.name) : l.port;
      const addr = l.addr.replace(/^IP/, ctx.host.ip);
      const peer = six ? (l.addr === '*' ? '*' : '[::]') : '0.0.0.0';
      const users = flags.has('p') && owner ? ` users:(("${owner.comm}",pid=${owner.pid},fd=${l.fd}))` : '';
      rows.push([
        netid ? db : undefined,
        db === 'tcp' ? 'LISTEN' : 'UNCONN',
        String(0).padEnd(6),
        String(l.backlog).padEnd(6),
        `${addr}:`,
        flags.has('n') ? String(port) : (SERVICES[port] ?? String(port)),
        `${peer}:`,
        '*',
        users,
      ]);
    }
  }
  const columns = Number(ctx.env.COLUMNS);
  const screen = ctx.stdoutIsTTY ? (columns > 0 ? columns : (ctx.columns ?? 80)) : undefined;
  return res(renderColumns(rows, screen), notes.join(''));
};
