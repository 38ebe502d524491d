/** `kubectl version`, `cluster-info` and `api-resources`. */
import { apiVersionOf, RESOURCES } from '../../api/kinds.ts';
import { toJson } from '../../printers/json.ts';
import { tabwrite } from '../../printers/table.ts';
import { GO_VERSION, KUBERNETES_VERSION, KUSTOMIZE_VERSION, parseVersion } from '../../versions.ts';
import { packagesOf } from '../apt/packages.ts';
import { fail, type Kctx } from './context.ts';
import { connectionRefused } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { yamlFormat } from './formats.ts';

export const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

/** A stable 40-hex "commit" derived from the version text (the simulator has no real build). */
function fakeCommit(v: string): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < 40; i++) {
    h = Math.imul(h ^ v.charCodeAt(i % v.length) ^ i, 16777619) >>> 0;
    out += (h >>> 4).toString(16).slice(-2);
  }
  return out.slice(0, 40);
}

function versionInfo(v: string, server: boolean): Record<string, string> {
  const pv = parseVersion(v) ?? { major: 1, minor: 34, patch: 0 };
  const info: Record<string, string> = { major: String(pv.major), minor: String(pv.minor) };
  if (server) {
    info.emulationMajor = String(pv.major);
    info.emulationMinor = String(pv.minor);
    info.minCompatibilityMajor = String(pv.major);
    info.minCompatibilityMinor = String(pv.minor - 1);
  }
  Object.assign(info, {
    gitVersion: v,
    gitCommit: fakeCommit(v),
    gitTreeState: 'clean',
    buildDate: '2025-11-11T19:05:22Z',
    goVersion: GO_VERSION,
    compiler: 'gc',
    platform: 'linux/amd64',
  });
  return info;
}

/** kubectl's own version: that of the kubectl package on this host, so `apt-get install kubectl=…` moves it. */
function clientVersion(k: Kctx): string {
  const deb = packagesOf(k.ctx.world, k.ctx.host).installed.get('kubectl');
  const m = deb ? /^(\d+\.\d+\.\d+)/.exec(deb) : null;
  return m ? `v${m[1]}` : KUBERNETES_VERSION;
}

export function version(k: Kctx, apiUp: boolean): void {
  const client = clientVersion(k);
  const output = str(k.p, 'output');
  if (output && output !== 'yaml' && output !== 'json') return fail(k, `--output must be 'yaml' or 'json'`);
  const clientOnly = bool(k.p, 'client');
  const data: Record<string, unknown> = { clientVersion: versionInfo(client, false), kustomizeVersion: KUSTOMIZE_VERSION };
  const serverUp = !clientOnly && apiUp;
  if (serverUp) data.serverVersion = versionInfo(k.cluster.version, true);
  if (output === 'yaml') k.out += yamlFormat()(data);
  else if (output === 'json') k.out += JSON.stringify(data, null, 2) + '\n';
  else {
    k.out += `Client Version: ${client}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (serverUp) k.out += `Server Version: ${k.cluster.version}\n`;
  }
  if (!clientOnly && !apiUp) {
    k.err += connectionRefused(k.server);
    k.code = 1;
    return;
  }
  if (serverUp) {
    const c = parseVersion(client)!;
    const s = parseVersion(k.cluster.version);
    if (s && Math.abs(c.minor - s.minor) > 1)
      k.err += `WARNING: version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-1\n`;
  }
}

export function clusterInfo(k: Kctx): void {
  if (k.p.args[0] === 'dump') {
    // clusterinfo_dump.go starts with the NodeList (then events, workloads and logs, not simulated).
    k.out += toJson({ apiVersion: 'v1', items: k.store.list('Node'), kind: 'NodeList', metadata: { resourceVersion: String(k.store.revision()) } });
    return;
  }
  const base = `https://${k.server}`;
  k.out += `Kubernetes control plane is running at ${base}\n`;
  for (const svc of k.store.list('Service', 'kube-system')) {
    if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name;
    const port = svc.spec.ports?.[0];
    const portPart = port?.name ? `:${port.name}` : '';
    k.out += `${name} is running at ${base}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${portPart}/proxy\n`;
  }
  k.out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
}

export const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'namespaced', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'api-group', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'verbs', type: 'stringArray' },
  { name: 'cached', type: 'bool' },
  { name: 'categories', type: 'stringArray' },
];

export function apiResources(k: Kctx): void {
  let rs = [...RESOURCES];
  if (k.p.flags.has('namespaced')) rs = rs.filter((r) => r.namespaced === bool(k.p, 'namespaced'));
  if (k.p.flags.has('api-group')) rs = rs.filter((r) => r.group === str(k.p, 'api-group'));
  const sortBy = str(k.p, 'sort-by');
  if (sortBy === 'name') rs.sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  else if (sortBy === 'kind') rs.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  else if (sortBy) return fail(k, `--sort-by accepts only name or kind`);
  const output = str(k.p, 'output');
  if (output === 'name') {
    k.out += rs.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) + '\n').join('');
    return;
  }
  if (output && output !== 'wide') return fail(k, `--output ${output} is not available`);
  const wide = output === 'wide';
  const rows: string[][] = [];
  if (!bool(k.p, 'no-headers')) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
  for (const r of rs)
    rows.push([r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind, ...(wide ? [`[${r.verbs.join(' ')}]`, (r.categories ?? []).join(',')] : [])]);
  k.out += tabwrite(rows);
}
