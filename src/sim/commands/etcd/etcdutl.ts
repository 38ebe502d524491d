/**
 * etcdutl 3.6: the offline tool that works on files, where `snapshot status` and `snapshot restore`
 * live since etcd 3.6 (etcdutl/etcdutl/snapshot_command.go, etcdutl/snapshot/v3_snapshot.go). A
 * restore writes a new data directory holding the snapshot's keyspace.
 */
import { readSnapshot } from '../../etcd/data.ts';
import { resolvePath } from '../../shell/paths.ts';
import type { CommandFn, RunResult } from '../../types.ts';
import { ETCD } from './etcdctl.ts';
import { boxTable, humanBytes } from './table.ts';

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

/** zap's console encoder time: `2026-11-25T09:00:00.123Z`. */
const zt = (t: number): string => new Date(t).toISOString();

const HELP = `Usage:
  etcdutl [command]

Available Commands:
  backup      [legacy] offline backup of etcd directory
  completion  Generate completion script
  defrag      Defragments the storage of the etcd
  help        Help about any command
  hashkv      Prints the KV history hash of a given file
  migrate     Migrates schema of etcd data dir files to make them compatible with different etcd version
  snapshot    Manages etcd node snapshots
  version     Prints the version of etcdutl

Flags:
  -h, --help               help for etcdutl
  -w, --write-out string   set the output format (fields, json, protobuf, simple, table) (default "simple")

Use "etcdutl [command] --help" for more information about a command.
`;

export const etcdutl: CommandFn = (ctx) => {
  const argv = ctx.argv.slice(1);
  const opts: Record<string, string> = { 'write-out': 'simple' };
  const args: string[] = [];
  const valued = ['write-out', 'data-dir', 'wal-dir', 'name', 'initial-cluster', 'initial-cluster-token', 'initial-advertise-peer-urls', 'bump-revision', 'initial-memory-map-size'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-w') {
      opts['write-out'] = argv[++i] ?? '';
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (m) {
      if (m[1] === 'help') return res(HELP);
      if (m[1] === 'skip-hash-check' || m[1] === 'mark-compacted') continue;
      if (!valued.includes(m[1])) return res('', `Error: unknown flag: --${m[1]}\n`, 1);
      const v = m[2] ?? argv[++i];
      if (v === undefined) return res('', `Error: flag needs an argument: --${m[1]}\n`, 1);
      opts[m[1]] = v;
      continue;
    }
    args.push(a);
  }
  const [cmd, sub, file] = args;
  if (!cmd) return res(HELP);
  if (cmd === 'version') return res(`etcdutl version: ${ETCD}\nAPI version: 3.6\n`);
  if (cmd !== 'snapshot') return res('', `Error: unknown command "${cmd}" for "etcdutl"\nRun 'etcdutl --help' for usage.\n`, 1);
  if (sub !== 'status' && sub !== 'restore')
    return res(`Manages etcd node snapshots\n\nUsage:\n  etcdutl snapshot [command]\n\nAvailable Commands:\n  restore     Restores an etcd member snapshot to an etcd directory\n  status      Gets backend snapshot status of a given file\n\nFlags:\n  -h, --help   help for snapshot\n`);
  if (!file || args.length > 3) return res('', `Error: snapshot ${sub} requires exactly one argument\n`, 1);
  const path = resolvePath(ctx.cwd, file);
  const fs = ctx.host.fs;
  if (!fs.exists(path)) return res('', `Error: stat ${file}: no such file or directory\n`, 1);
  const snap = readSnapshot(fs.readFile(path));
  const now = ctx.world.clock.now();
  if (sub === 'status') {
    if (!snap) return res('', `Error: invalid database\n`, 1);
    const row = [snap.hash, String(snap.revision), String(snap.totalKeys), humanBytes(snap.totalSize), '3.6.0'];
    const w = opts['write-out'];
    if (w === 'table') return res(boxTable(['hash', 'revision', 'total keys', 'total size', 'version'], [row]));
    if (w === 'json') return res(JSON.stringify({ hash: parseInt(snap.hash, 16), revision: snap.revision, totalKey: snap.totalKeys, totalSize: snap.totalSize, version: '3.6.0' }) + '\n');
    if (w !== 'simple' && w !== 'fields') return res('', `Error: unknown output format "${w}"\n`, 1);
    return res(row.join(', ') + '\n');
  }
  const name = opts.name ?? 'default';
  const dataDir = opts['data-dir'] ?? `${name}.etcd`;
  const dir = resolvePath(ctx.cwd, dataDir);
  const listing = fs.list(dir);
  if (fs.exists(dir) && (!fs.isDir(dir) || (listing && listing.length > 0))) return res('', `Error: data-dir "${dataDir}" not empty or could not be read\n`, 1);
  if (!snap) return res('', `Error: snapshot missing hash but --skip-hash-check=false\n`, 1);
  const walDir = opts['wal-dir'] ?? `${dataDir}/member/wal`;
  const peer = opts['initial-advertise-peer-urls'] ?? 'http://localhost:2380';
  if (!fs.mkdir(`${dir}/member/snap`, true) || !fs.mkdir(resolvePath(ctx.cwd, walDir), true)) return res('', `Error: mkdir ${dataDir}: permission denied\n`, 1);
  fs.writeFile(`${dir}/member/snap/db`, fs.readFile(path) ?? '');
  fs.writeFile(`${dir}/member/snap/0000000000000001-0000000000000001.snap`, 'raft snapshot\n');
  fs.writeFile(`${resolvePath(ctx.cwd, walDir)}/0000000000000000-0000000000000000.wal`, 'wal\n');
  const fields = `{"path": "${file}", "wal-dir": "${walDir}", "data-dir": "${dataDir}", "snap-dir": "${dataDir}/member/snap", "initial-memory-map-size": 10737418240}`;
  let log = `${zt(now)}\tinfo\tsnapshot/v3_snapshot.go:265\trestoring snapshot\t${fields}\n`;
  log += `${zt(now + 12)}\tinfo\tmembership/store.go:141\tTrimming membership information from the backend...\n`;
  log += `${zt(now + 15)}\tinfo\tmembership/cluster.go:421\tadded member\t{"cluster-id": "cdf818194e3a8c32", "local-member-id": "0", "added-peer-id": "8e9e05c52164694d", "added-peer-peer-urls": ["${peer}"], "added-peer-is-learner": false}\n`;
  log += `${zt(now + 21)}\tinfo\tsnapshot/v3_snapshot.go:293\trestored snapshot\t${fields}\n`;
  return res('', log);
};
