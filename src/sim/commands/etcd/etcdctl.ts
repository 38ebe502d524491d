/**
 * etcdctl 3.6 (the etcd kubeadm v1.34 deploys) against the control plane's etcd: TLS with client
 * certificates is required, as kubeadm configures it (--client-cert-auth=true), so without
 * --cacert/--cert/--key the connection fails the way grpc-go reports it. `snapshot save` writes a
 * snapshot of the live keyspace; `snapshot status`/`restore` moved to etcdutl in 3.6.
 */
import { resourceOfKind } from '../../api/kinds.ts';
import type { Cluster } from '../../cluster.ts';
import { componentUp } from '../../controllers/nodeagent.ts';
import { etcdKey, snapshotFile } from '../../etcd/data.ts';
import { resolvePath } from '../../shell/paths.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { ETCD_VERSION } from '../../versions.ts';
import { boxTable, humanBytes } from './table.ts';

/** etcd's version without kubeadm's image suffix: 3.6.4. */
export const ETCD = ETCD_VERSION.replace(/-\d+$/, '');
const ETCD_CA = '/etc/kubernetes/pki/etcd/ca.crt';
/** Client certificates signed by the etcd CA that kubeadm creates. */
const CLIENT_CERTS = ['/etc/kubernetes/pki/etcd/server.crt', '/etc/kubernetes/pki/etcd/peer.crt', '/etc/kubernetes/pki/etcd/healthcheck-client.crt', '/etc/kubernetes/pki/apiserver-etcd-client.crt'];

/** A stable 16-hex member ID for a host. */
export function memberId(name: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const ch of name) {
    a = Math.imul(a ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    b = Math.imul(b ^ ch.charCodeAt(0), 0x811c9dc5) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function ts(t: number): string {
  return new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$1456Z');
}

interface Globals {
  endpoints: string[];
  cacert?: string;
  cert?: string;
  key?: string;
  write: string;
  args: string[];
  error?: string;
}

const VALUE_FLAGS = ['endpoints', 'cacert', 'cert', 'key', 'write-out', 'dial-timeout', 'command-timeout', 'user', 'password', 'data-dir', 'keepalive-time', 'keepalive-timeout', 'discovery-srv'];

function parse(ctx: CommandContext): Globals {
  const g: Globals = { endpoints: [], write: 'simple', args: [] };
  const env = ctx.env;
  const argv = ctx.argv.slice(1);
  const set = (name: string, v: string): void => {
    if (name === 'endpoints') g.endpoints = v.split(',').filter(Boolean);
    else if (name === 'cacert') g.cacert = v;
    else if (name === 'cert') g.cert = v;
    else if (name === 'key') g.key = v;
    else if (name === 'write-out') g.write = v;
  };
  if (env.ETCDCTL_ENDPOINTS) set('endpoints', env.ETCDCTL_ENDPOINTS);
  if (env.ETCDCTL_CACERT) set('cacert', env.ETCDCTL_CACERT);
  if (env.ETCDCTL_CERT) set('cert', env.ETCDCTL_CERT);
  if (env.ETCDCTL_KEY) set('key', env.ETCDCTL_KEY);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-w') {
      set('write-out', argv[++i] ?? '');
      continue;
    }
    if (a.startsWith('-w') && a.length > 2) {
      set('write-out', a.slice(2));
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (m) {
      const [, name, inline] = m;
      if (VALUE_FLAGS.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) return { ...g, error: `Error: flag needs an argument: --${name}\n` };
        if (name === 'data-dir') return { ...g, error: 'Error: unknown flag: --data-dir\n' };
        set(name, v);
        continue;
      }
      if (['keys-only', 'prefix', 'insecure-skip-tls-verify', 'insecure-transport', 'hex', 'debug', 'print-value-only', 'count-only', 'cluster', 'help'].includes(name)) {
        g.args.push(a);
        continue;
      }
      return { ...g, error: `Error: unknown flag: --${name}\n` };
    }
    g.args.push(a);
  }
  if (!g.endpoints.length) g.endpoints = ['127.0.0.1:2379'];
  return g;
}

function warnLine(t: number, method: string, endpoint: string, error: string): string {
  return `{"level":"warn","ts":"${ts(t)}","logger":"etcd-client","caller":"v3@v${ETCD}/retry_interceptor.go:65","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc000328000/${endpoint.replace(/^https?:\/\//, '')}","method":"${method}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"${error}\\""}\n`;
}

/** Why the client cannot talk to etcd, as grpc-go words it; undefined when it can. */
function connectError(ctx: CommandContext, g: Globals): string | undefined {
  const cluster = ctx.world.cluster as Cluster | undefined;
  const ips = ['127.0.0.1', 'localhost', cluster?.apiServerIP ?? ''];
  const onCp = cluster?.nodes.find((n) => n.role === 'control-plane')?.name === ctx.host.name;
  const ep = g.endpoints[0];
  const m = /^(?:(https?):\/\/)?([^:/]+):(\d+)$/.exec(ep);
  const hostOk = m && m[3] === '2379' && (m[2] === cluster?.apiServerIP || (onCp && ips.includes(m[2])));
  const up = cluster ? componentUp(ctx.world, 'etcd') : false;
  if (!m || !hostOk || !up) return `"transport: Error while dialing: dial tcp ${m ? `${m[2] === 'localhost' ? '127.0.0.1' : m[2]}:${m[3]}` : ep}: connect: connection refused"`;
  if (m[1] !== 'https') return '"error reading server preface: EOF"';
  if (g.cacert !== ETCD_CA) return '"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"';
  if (!g.cert || !g.key) return '"error reading server preface: remote error: tls: certificate required"';
  if (!CLIENT_CERTS.includes(g.cert) || g.key !== g.cert.replace(/\.crt$/, '.key')) return '"error reading server preface: remote error: tls: bad certificate"';
  return undefined;
}

function fileError(ctx: CommandContext, g: Globals): string | undefined {
  for (const f of [g.cacert, g.cert, g.key]) if (f && !ctx.host.fs.exists(resolvePath(ctx.cwd, f))) return `Error: open ${f}: no such file or directory\n`;
  return undefined;
}

const HELP = `NAME:
	etcdctl - A simple command line client for etcd3.

USAGE:
	etcdctl [flags]

VERSION:
	${ETCD}

API VERSION:
	3.6


COMMANDS:
	endpoint health		Checks the healthiness of endpoints specified in \`--endpoints\` flag
	endpoint status		Prints out the status of endpoints specified in \`--endpoints\` flag
	get			Gets the key or a range of keys
	member list		Lists all members in the cluster
	snapshot save		Stores an etcd node backend snapshot to a given file
	version			Prints the version of etcdctl
`;

const SNAPSHOT_HELP = `NAME:
	snapshot - Manages etcd node snapshots

USAGE:
	etcdctl snapshot <subcommand> [flags]

API VERSION:
	3.6


COMMANDS:
	save	Stores an etcd node backend snapshot to a given file

OPTIONS:
  -h, --help[=false]	help for snapshot

`;

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

/** The etcdctl command. */
export const etcdctl: CommandFn = (ctx) => {
  if (ctx.env.ETCDCTL_API && ctx.env.ETCDCTL_API !== '3') return res('', `Error: unsupported API version: ${ctx.env.ETCDCTL_API}\n`, 1);
  const g = parse(ctx);
  if (g.error) return res('', g.error, 1);
  const [cmd, sub, ...rest] = g.args.filter((a) => !a.startsWith('--'));
  const flags = new Set(g.args.filter((a) => a.startsWith('--')));
  const now = ctx.world.clock.now();
  if (!cmd || cmd === 'help' || flags.has('--help')) return res(HELP);
  if (cmd === 'version') return res(`etcdctl version: ${ETCD}\nAPI version: 3.6\n`);
  const known: Record<string, string[]> = { member: ['list'], endpoint: ['health', 'status'], snapshot: ['save'], get: [] };
  if (!(cmd in known)) return res('', `Error: unknown command "${cmd}" for "etcdctl"\nRun 'etcdctl --help' for usage.\n`, 1);
  if (cmd === 'snapshot' && sub !== 'save') return res(SNAPSHOT_HELP);
  if (cmd !== 'get' && known[cmd].length && !known[cmd].includes(sub ?? '')) return res(HELP);
  const badFile = fileError(ctx, g);
  if (badFile) return res('', badFile, 1);
  if (!['simple', 'table', 'json', 'fields', 'protobuf'].includes(g.write)) return res('', `Error: unknown output format "${g.write}"\n`, 1);
  const method: string = { member: '/etcdserverpb.Cluster/MemberList', endpoint: '/etcdserverpb.Maintenance/Status', snapshot: '/etcdserverpb.Maintenance/Snapshot', get: '/etcdserverpb.KV/Range' }[cmd] ?? '';
  const err = connectError(ctx, g);
  const cluster = ctx.world.cluster as Cluster;
  const cp = cluster?.nodes.find((n) => n.role === 'control-plane') ?? { name: 'controlplane', ip: '127.0.0.1' };
  const ep = g.endpoints[0];
  if (cmd === 'snapshot') {
    const file = sub === 'save' ? rest[0] : undefined;
    if (!file) return res('', 'Error: snapshot save expects one argument\n', 1);
    const path = resolvePath(ctx.cwd, file);
    let log = `{"level":"info","ts":"${ts(now)}","caller":"snapshot/v3_snapshot.go:83","msg":"created temporary db file","path":"${file}.part"}\n`;
    if (err) {
      log += `{"level":"info","ts":"${ts(now + 5000)}","caller":"snapshot/v3_snapshot.go:96","msg":"fetching snapshot","endpoint":"${ep}"}\n`;
      return res('', log + `Error: context deadline exceeded\n`, 1);
    }
    const data = snapshotFile(cluster.store);
    if (!ctx.host.fs.writeFile(path, data)) return res('', log + `Error: could not open ${file}.part (open ${file}.part: no such file or directory)\n`, 5);
    log += `{"level":"info","ts":"${ts(now)}","logger":"client","caller":"v3@v${ETCD}/maintenance.go:236","msg":"opened snapshot stream; downloading"}\n`;
    log += `{"level":"info","ts":"${ts(now)}","caller":"snapshot/v3_snapshot.go:96","msg":"fetching snapshot","endpoint":"${ep}"}\n`;
    log += `{"level":"info","ts":"${ts(now + 80)}","logger":"client","caller":"v3@v${ETCD}/maintenance.go:302","msg":"completed snapshot read; closing"}\n`;
    log += `{"level":"info","ts":"${ts(now + 90)}","caller":"snapshot/v3_snapshot.go:111","msg":"fetched snapshot","endpoint":"${ep}","size":"${humanBytes(data.length)}","took":"now"}\n`;
    log += `{"level":"info","ts":"${ts(now + 90)}","caller":"snapshot/v3_snapshot.go:120","msg":"saved","path":"${file}"}\n`;
    // snapshot_command.go: zap logs the transfer on stderr, then the result goes to stdout
    // (SaveWithVersion also reports the server's version).
    const saved = `Snapshot saved at ${file}\nServer version ${ETCD}\n`;
    return { stdout: saved, stderr: log, exitCode: 0, chunks: [{ stream: 'stderr', text: log }, { stream: 'stdout', text: saved }] };
  }
  if (err) return res('', warnLine(now + 5000, method, ep, err.slice(1, -1)) + 'Error: context deadline exceeded\n', 1);
  const id = memberId(cp.name);
  const dbSize = snapshotFile(cluster.store).length;
  if (cmd === 'member') {
    const row = [id, 'started', cp.name, `https://${cp.ip}:2380`, `https://${cp.ip}:2379`, 'false'];
    if (g.write === 'table') return res(boxTable(['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'], [row]));
    if (g.write === 'json') return res(JSON.stringify({ header: { cluster_id: parseInt(memberId('cluster' + cp.name).slice(0, 13), 16), member_id: parseInt(id.slice(0, 13), 16), raft_term: 4 }, members: [{ ID: parseInt(id.slice(0, 13), 16), name: cp.name, peerURLs: [row[3]], clientURLs: [row[4]] }] }) + '\n');
    return res(row.join(', ') + '\n');
  }
  if (cmd === 'endpoint' && sub === 'health') {
    const took = `${(8 + (cluster.store.revision() % 900) / 100).toFixed(6)}ms`;
    if (g.write === 'table') return res(boxTable(['endpoint', 'health', 'took', 'error'], [[ep, 'true', took, '']]));
    return res(`${ep} is healthy: successfully committed proposal: took = ${took}\n`);
  }
  if (cmd === 'endpoint') {
    const rev = String(cluster.store.revision());
    const row = [ep, id, ETCD, '3.6.0', humanBytes(dbSize), humanBytes(Math.floor(dbSize * 0.62)), '38%', '2.1 GB', 'true', 'false', '4', rev, rev, '', '', 'false'];
    if (g.write === 'table')
      return res(boxTable(['endpoint', 'ID', 'version', 'storage version', 'db size', 'in use', 'percentage not in use', 'quota', 'is leader', 'is learner', 'raft term', 'raft index', 'raft applied index', 'errors', 'downgrade target version', 'downgrade enabled'], [row]));
    return res(row.join(', ') + '\n');
  }
  // get KEY [RANGE_END] [--prefix] [--keys-only]
  const key = sub;
  if (key === undefined) return res('', 'Error: get command needs one argument as key and an optional argument as range_end\n', 1);
  const prefix = flags.has('--prefix');
  const keys: { k: string; v: string }[] = [];
  for (const o of cluster.store.all()) {
    const r = resourceOfKind(o.kind);
    const k = etcdKey(o, r?.plural ?? o.kind.toLowerCase() + 's');
    if (prefix ? k.startsWith(key) : k === key) keys.push({ k, v: `k8s\u0000\n\u0002v1\u0012\u0004${o.kind}\u0012${JSON.stringify(o.metadata?.name)}` });
  }
  keys.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  if (flags.has('--count-only')) return res('');
  if (flags.has('--keys-only')) return res(keys.map((x) => `${x.k}\n\n`).join(''));
  return res(keys.map((x) => `${x.k}\n${x.v}\n`).join(''));
};
