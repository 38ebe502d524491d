/**
 * `kubectl events` (staging/src/k8s.io/kubectl/pkg/cmd/events): a namespace's events (or all, or
 * those of one object, `--for TYPE/NAME`), oldest first, as its EventPrinter lays them out: the
 * object as Kind/name and a repeated event's LAST SEEN as "3s (x5 over 2m)".
 */
import { resolveResource } from '../../api/kinds.ts';
import type { Obj } from '../../api/store.ts';
import { eventInterval } from '../../printers/age.ts';
import { toJson } from '../../printers/json.ts';
import { tabwrite } from '../../printers/table.ts';
import { fail, type Kctx } from './context.ts';
import { arr, bool, str, type FlagSpec } from './flags.ts';
import { yamlFormat } from './formats.ts';
import { writeEvents } from './verbs.ts';

/** kubectl events' flags (AddFlags, with PrintFlags' -o). */
export const EVENTS_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'for', type: 'string' },
  { name: 'types', type: 'stringArray' },
  { name: 'no-headers', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'output', short: 'o', type: 'string' },
];

const TEMPLATES = ['go-template', 'go-template-file', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile'];

/** The time events sort by (eventTime when an event has no lastTimestamp). */
const lastTime = (e: Obj): number => Date.parse(e.lastTimestamp ?? e.eventTime ?? '') || 0;

/** decodeResourceTypeName: the kind and apiVersion `--for` names, or the error. */
function forObject(spec: string): { kind: string; apiVersion: string; name: string } | string {
  if (!spec.includes('/')) return '--for must be in resource/name form';
  const seg = spec.split('/');
  if (seg.length !== 2) return 'arguments in resource/name form may not have more than one slash';
  const r = resolveResource(seg[0].toLowerCase());
  if (!r) return `no matches for /, Resource=${seg[0].toLowerCase()}`;
  return { kind: r.kind, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, name: seg[1] };
}

/** kubectl events: the listing, or the error ToOptions or Validate gives. */
export function events(k: Kctx): void {
  const spec = str(k.p, 'for');
  const target = spec ? forObject(spec) : undefined;
  if (typeof target === 'string') return fail(k, target);
  // StringSlice: comma-separated, repeatable, deduplicated and sorted (sets.List).
  const types = [...new Set(arr(k.p, 'types').flatMap((t) => t.split(',')))].sort();
  if (types.some((t) => !/^(normal|warning)$/i.test(t))) return fail(k, 'valid --types are Normal or Warning');
  const output = str(k.p, 'output');
  // PrintFlags("events") has no table or custom-columns printer; the templates are not in this sandbox.
  const base = output.split('=')[0];
  if (TEMPLATES.includes(base)) {
    k.err += `kubesim: kubectl events -o ${base}: not available in this sandbox (json, yaml and name are)\n`;
    k.code = 1;
    return;
  }
  if (output && !['json', 'yaml', 'name'].includes(output))
    return fail(k, `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,${TEMPLATES.slice(2, 5).join(',')},name,template,templatefile,yaml`);
  writeEvents(k);
  const all = bool(k.p, 'all-namespaces');
  const items = k.store
    .list('Event', all ? undefined : k.namespace)
    .filter((e) => !target || (e.involvedObject?.kind === target.kind && e.involvedObject?.apiVersion === target.apiVersion && e.involvedObject?.name === target.name))
    .filter((e) => !types.length || types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()))
    // sort.Sort is not stable, but equal times are rare enough here to keep the listing's order.
    .sort((a, b) => lastTime(a) - lastTime(b));
  if (!items.length) {
    k.err += all ? 'No events found.\n' : `No events found in ${k.namespace} namespace.\n`;
    return;
  }
  if (output === 'name') k.out += items.map((e) => `event/${e.metadata.name}\n`).join('');
  else if (output) {
    const list = { apiVersion: 'v1', items, kind: 'EventList', metadata: {} };
    k.out += output === 'json' ? toJson(list) + '\n' : yamlFormat()(list);
  } else {
    const rows = items.map((e) => [
      ...(all ? [e.metadata.namespace] : []),
      eventInterval(e, k.now),
      e.type,
      e.reason,
      `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
      String(e.message ?? '').trim(),
    ]);
    const head = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    k.out += tabwrite(bool(k.p, 'no-headers') ? rows : [head, ...rows]);
  }
  // As get -w: every command ends with the cluster settled, so a watch would only wait.
  if (bool(k.p, 'watch')) k.err += 'kubesim: the watch ends here: the simulated cluster has settled, and kubectl would wait for changes until Ctrl+C\n';
}
