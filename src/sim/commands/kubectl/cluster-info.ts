/** `kubectl cluster-info [dump]` and `kubectl api-resources` (in the verbs chunk: a first command rarely needs them). */
import { apiVersionOf, RESOURCES } from '../../api/kinds.ts';
import { toJson } from '../../printers/json.ts';
import { tabwrite } from '../../printers/table.ts';
import { fail, type Kctx } from './context.ts';
import { bool, str, type FlagSpec } from './flags.ts';

/** `kubectl cluster-info`: the control plane and the cluster services' proxy URLs; `dump` prints the NodeList. */
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

/** The flags `kubectl api-resources` accepts. */
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

/** `kubectl api-resources`: the resource table, filtered and sorted as the flags say. */
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
