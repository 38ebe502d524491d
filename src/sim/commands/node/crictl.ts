/**
 * crictl (cri-tools v1.34) against the host's containerd: `ps [-a]`, `pods`, `logs ID`, `images`.
 * Containers are the host's pods as the kubelet runs them, static pods from the manifests included,
 * so crictl still works when the API server is down. Columns as cri-tools cmd/crictl/container.go
 * and sandbox.go print them (tabwriter minwidth 20, padding 3); IDs truncated to 13 characters.
 */
import type { Obj } from '../../api/store.ts';
import type { Cluster } from '../../cluster.ts';
import { fnv32a } from '../../controllers/context.ts';
import { runsOf } from '../../controllers/nodeagent.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';

interface Ctr {
  id: string;
  image: string;
  created: number;
  state: 'Running' | 'Exited';
  name: string;
  attempt: number;
  podId: string;
  pod: string;
  namespace: string;
  log: string;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

function hex(seed: string, n = 64): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += mix(fnv32a(`${i}:${seed}`)).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

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

function containers(ctx: CommandContext): Ctr[] {
  const cluster = ctx.world.cluster as Cluster | undefined;
  const out: Ctr[] = [];
  for (const run of runsOf(ctx.world, ctx.host.name)) {
    const c = run.manifest.spec.containers[0];
    if (run.failure?.kind === 'image') continue;
    const mirror = cluster?.store.get('Pod', run.namespace, run.podName);
    const attempt = mirror?.status?.containerStatuses?.[0]?.restartCount ?? 0;
    out.push({
      id: hex(`${run.hash}:${attempt}`),
      image: hex(String(c.image)),
      created: run.failure ? ctx.world.clock.now() - 5000 : run.startedAt,
      state: run.failure ? 'Exited' : 'Running',
      name: c.name,
      attempt,
      podId: hex(`pod:${run.hash}`),
      pod: run.podName,
      namespace: run.namespace,
      log: run.failure ? (run.failure.kind === 'exit' ? `E1125 00:00:00.000000       1 run.go:72] ${run.failure.message}\n` : '') : `I1125 00:00:00.000000       1 server.go:0] "Starting ${c.name}"\n`,
    });
  }
  for (const p of cluster?.store.list('Pod') ?? []) {
    if (p.spec?.nodeName !== ctx.host.name || p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
    (p.status?.containerStatuses ?? []).forEach((s: Obj) => {
      if (!s.state?.running && !s.lastState?.terminated) return;
      out.push({
        id: String(s.containerID ?? '').replace(/^containerd:\/\//, '') || hex(`${p.metadata.uid}:${s.name}`),
        image: String(s.imageID ?? '').replace(/^.*sha256:/, '') || hex(String(s.image)),
        created: Date.parse(s.state?.running?.startedAt ?? p.metadata.creationTimestamp),
        state: s.state?.running ? 'Running' : 'Exited',
        name: s.name,
        attempt: s.restartCount ?? 0,
        podId: hex(`pod:${p.metadata.uid}`),
        pod: p.metadata.name,
        namespace: p.metadata.namespace,
        log: '',
      });
    });
  }
  return out.sort((a, b) => b.created - a.created || (a.name < b.name ? -1 : 1));
}

function tab(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(20, ...rows.map((r) => r[i].length + 3)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('') + '\n').join('');
}

export const crictl: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const [verb, arg] = args.filter((a) => !a.startsWith('-'));
  const now = ctx.world.clock.now();
  const containerd = ctx.host.services.get('containerd');
  if (verb && containerd && !containerd.active)
    return res('', `time="${new Date(now).toISOString().replace('.000Z', 'Z')}" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: connection refused\\""\n`, 1);
  const all = containers(ctx);
  switch (verb) {
    case 'ps': {
      const list = flags.has('-a') || flags.has('--all') ? all : all.filter((c) => c.state === 'Running');
      if (flags.has('-q') || flags.has('--quiet')) return res(list.map((c) => c.id + '\n').join(''));
      const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
      for (const c of list) rows.push([c.id.slice(0, 13), c.image.slice(0, 13), ago(now - c.created), c.state, c.name, String(c.attempt), c.podId.slice(0, 13), c.pod, c.namespace]);
      return res(tab(rows));
    }
    case 'pods': {
      const seen = new Map<string, Ctr>();
      for (const c of all) if (!seen.has(c.podId)) seen.set(c.podId, c);
      const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
      for (const c of seen.values()) rows.push([c.podId.slice(0, 13), ago(now - c.created), 'Ready', c.pod, c.namespace, '0', '(default)']);
      return res(tab(rows));
    }
    case 'logs': {
      if (!arg) return res('', 'time="' + new Date(now).toISOString().replace('.000Z', 'Z') + '" level=fatal msg="ID cannot be empty"\n', 1);
      const matches = all.filter((c) => c.id.startsWith(arg));
      if (!matches.length) return res('', `time="${new Date(now).toISOString().replace('.000Z', 'Z')}" level=fatal msg="failed to try resolving symlinks in path \\"/var/log/pods/...\\": not found: container \\"${arg}\\" not found"\n`, 1);
      return res('', matches[0].log);
    }
    case 'images': {
      const imgs = new Map<string, string>();
      for (const run of runsOf(ctx.world, ctx.host.name)) imgs.set(String(run.manifest.spec.containers[0].image), '');
      const rows = [['IMAGE', 'TAG', 'IMAGE ID', 'SIZE']];
      for (const i of [...imgs.keys()].sort()) rows.push([i.replace(/:[^:/]+$/, ''), i.replace(/^.*:/, ''), hex(i).slice(0, 13), `${20 + (fnv32a(i) % 60)}.${fnv32a(i) % 10}MB`]);
      return res(tab(rows));
    }
    case 'version':
    case undefined:
      return res('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v2.1.4\nRuntimeApiVersion:  v1\n');
    default:
      return res('', `No help topic for '${verb}'\n`, 3);
  }
};
