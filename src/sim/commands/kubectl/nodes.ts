/** `kubectl cordon`, `uncordon`, `drain` and `taint` (kubectl/pkg/drain, pkg/cmd/taint). */
import { isQualifiedName, isValidLabelValue } from '../../api/name-rules.ts';
import { notFound } from '../../api/server.ts';
import { resolveResource } from '../../api/kinds.ts';
import { clone, type Obj } from '../../api/store.ts';
import { dryRunMode } from './common.ts';
import { fail, type Kctx } from './context.ts';
import { formatApiError, seeHelp } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { durationString, parseDuration } from './duration.ts';
import { budgetPods } from '../../controllers/disruption.ts';
import { podReady } from '../../controllers/context.ts';
import { matches } from '../../api/selectors.ts';
import { labelRequirements } from './resources.ts';

export const NODE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'delete-local-data', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'pod-selector', type: 'string' },
  { name: 'skip-wait-for-delete-timeout', type: 'int' },
  { name: 'chunk-size', type: 'int' },
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'validate', type: 'string' },
];

function nodeArg(k: Kctx, verb: string): Obj | undefined {
  const arg = k.p.args[0];
  if (!arg) {
    k.err += `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`;
    k.code = 1;
    return undefined;
  }
  const name = arg.replace(/^(node|nodes|no)\//, '');
  const node = k.store.get('Node', undefined, name);
  if (!node) {
    k.err += formatApiError(notFound(resolveResource('nodes')!, name));
    k.code = 1;
  }
  return node;
}

function setUnschedulable(k: Kctx, node: Obj, value: boolean): boolean {
  if (!!node.spec.unschedulable === value) return false;
  const next = clone(node);
  if (value) next.spec.unschedulable = true;
  else delete next.spec.unschedulable;
  const taints: Obj[] = (next.spec.taints ?? []).filter((t: Obj) => t.key !== 'node.kubernetes.io/unschedulable');
  if (value) taints.push({ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: new Date(k.now).toISOString().replace(/\.\d+Z$/, 'Z') });
  if (taints.length) next.spec.taints = taints;
  else delete next.spec.taints;
  node.spec = next.spec;
  k.store.touch(node);
  return true;
}

export function cordon(k: Kctx, value: boolean): void {
  const node = nodeArg(k, value ? 'cordon' : 'uncordon');
  if (!node) return;
  const changed = setUnschedulable(k, node, value);
  const word = value ? 'cordoned' : 'uncordoned';
  k.out += changed ? `node/${node.metadata.name} ${word}\n` : `node/${node.metadata.name} already ${word}\n`;
}

/** The " (dry run)" / " (server dry run)" suffix PrintFlagsWithDryRunStrategy adds to the operation. */
const DRY_SUFFIX: Record<string, string> = { none: '', client: ' (dry run)', server: ' (server dry run)' };

export function drain(k: Kctx): void {
  // --timeout is a DurationVar: pflag refuses a bad one before anything runs.
  const timeoutText = str(k.p, 'timeout', '0s');
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined) return fail(k, `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\n${seeHelp('drain')}`);
  // Complete(): labels.Parse checks --pod-selector before anything runs; GetPodsForDeletion lists only the pods it selects.
  const podSelector = str(k.p, 'pod-selector');
  const podReqs = podSelector ? labelRequirements(podSelector) : [];
  if (typeof podReqs === 'string') return fail(k, '--pod-selector=<pod_selector> must be a valid label selector');
  const mode = dryRunMode(k);
  const dry = DRY_SUFFIX[mode];
  if (dry === undefined) return fail(k, mode);
  const node = nodeArg(k, 'drain');
  if (!node) return;
  const name = node.metadata.name;
  // A dry run leaves the node as it is (client: no request; server: a dry-run patch).
  const cordoned = dry ? !node.spec.unschedulable : setUnschedulable(k, node, true);
  k.out += cordoned ? `node/${name} cordoned${dry}\n` : `node/${name} already cordoned${dry}\n`;
  const pods = k.store
    .list('Pod')
    .filter((p) => p.spec.nodeName === name && matches(podReqs, p.metadata.labels));
  // pkg/drain/filters.go: "Any finished pod can be removed", whatever owns it or whatever it mounts.
  const finished = (p: Obj) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
  const daemon: string[] = [];
  const unmanaged: string[] = [];
  const local: string[] = [];
  const evict: Obj[] = [];
  for (const p of pods) {
    const id = `${p.metadata.namespace}/${p.metadata.name}`;
    if (p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
    if (finished(p)) {
      evict.push(p);
      continue;
    }
    const ref = (p.metadata.ownerReferences ?? []).find((r: Obj) => r.controller);
    if (ref?.kind === 'DaemonSet') {
      daemon.push(id);
      continue;
    }
    if (!ref && !bool(k.p, 'force')) unmanaged.push(id);
    if ((p.spec.volumes ?? []).some((v: Obj) => v.emptyDir) && !bool(k.p, 'delete-emptydir-data')) local.push(id);
    evict.push(p);
  }
  const errors: string[] = [];
  if (daemon.length && !bool(k.p, 'ignore-daemonsets')) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.join(', ')}`);
  if (unmanaged.length) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.join(', ')}`);
  if (local.length) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.join(', ')}`);
  if (errors.length) {
    const joined = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    k.err += `error: unable to drain node "${name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n`;
    // The aggregate error goes through cmdutil.CheckErr's MultipleErrors with an empty prefix.
    for (const e of errors) k.err += `${e}\n`;
    k.code = 1;
    return;
  }
  const warnings: string[] = [];
  if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.join(', ')}`);
  const lone = pods.filter((p) => !finished(p) && !(p.metadata.ownerReferences ?? []).length && p.metadata.annotations?.['kubernetes.io/config.mirror'] === undefined);
  if (bool(k.p, 'force') && lone.length) warnings.push(`deleting Pods that declare no controller: ${lone.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
  if (warnings.length) k.err += `Warning: ${warnings.join('; ')}\n`;
  if (dry) {
    // deleteOrEvictPodsSimple (client) and Helper.evictPods (server): no "evicted" lines, nothing removed.
    for (const p of evict) k.out += `evicting pod ${p.metadata.namespace}/${p.metadata.name}${dry}\n`;
    k.out += `node/${name} drained${dry}\n`;
    return;
  }
  if (bool(k.p, 'disable-eviction')) {
    // Helper.deletePods: plain deletes, no budget asked, and no "evicting" lines.
    for (const p of evict) k.store.delete('Pod', p.metadata.namespace, p.metadata.name);
    k.out += evict.map((p) => `pod/${p.metadata.name} deleted\n`).join('') + `node/${name} drained\n`;
    return;
  }
  const errs = evictAll(k, evict, timeout);
  if (errs === 'stuck') {
    k.err += `kubesim: kubectl drain tries each refused eviction again every 5s for as long as the budget refuses it (a real one until Ctrl+C, or --timeout); the sandbox stops here, with node/${name} cordoned\n`;
    k.code = 1;
    return;
  }
  if (errs.length) {
    // deleteOrEvictPodsSimple, then RunDrain; CheckErr prints the aggregate's errors a line each.
    const joined = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
    const left = k.store.list('Pod').filter((p) => p.spec.nodeName === name && evict.some((e) => e.metadata.uid === p.metadata.uid));
    if (left.length) k.err += `There are pending pods in node "${name}" when an error occurred: ${joined}\n${left.map((p) => `pod/${p.metadata.name}\n`).join('')}`;
    k.err += `error: unable to drain node "${name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n`;
    for (const e of errs) k.err += `${e}\n`;
    k.code = 1;
    return;
  }
  k.out += `node/${name} drained\n`;
}

const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";

/**
 * Helper.evictPods against the eviction subresource (pod/storage/eviction.go): every pod at once;
 * a budget with no disruption left refuses (429) and drain tries that pod again 5 s later, while
 * the cluster runs on and replacements become ready. Returns the errors of the pods given up on,
 * or 'stuck' when, with no --timeout, nothing can change any more.
 */
function evictAll(k: Kctx, pods: Obj[], timeout: number): string[] | 'stuck' {
  const clock = k.ctx.world.clock;
  const errors: string[] = [];
  let pending = pods;
  let waited = 0;
  let before = '';
  let settled = false;
  while (pending.length) {
    const refused: Obj[] = [];
    const gone: Obj[] = [];
    for (const p of pending) {
      const id = `pods/"${p.metadata.name}" -n "${p.metadata.namespace}"`;
      k.out += `evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`;
      if (timeout > 0 && waited >= timeout) {
        errors.push(`error when evicting ${id}: global timeout reached: ${durationString(timeout)}`);
        continue;
      }
      const verdict = evictionVerdict(k, p);
      if (verdict === 'refused') {
        k.err += `error when evicting ${id} (will retry after 5s): ${VIOLATES}\n`;
        refused.push(p);
      } else if (verdict) errors.push(`error when evicting ${id}: ${verdict}`);
      else gone.push(p);
    }
    for (const p of gone) {
      k.store.delete('Pod', p.metadata.namespace, p.metadata.name);
      k.out += `pod/${p.metadata.name} evicted\n`;
    }
    pending = refused;
    if (!pending.length) break;
    // The cluster moves on while drain sleeps: replacements start and the budgets are counted again.
    // Once a round changed nothing, the next ones would not either: only the clock moves (an hour's
    // --timeout costs what a minute's does).
    clock.advance(5000);
    waited += 5000;
    if (settled) continue;
    k.ctx.world.tick();
    const now = JSON.stringify(k.store.list('PodDisruptionBudget').map((b) => b.status));
    settled = !gone.length && now === before;
    if (timeout === 0 && settled) return 'stuck';
    before = now;
  }
  return errors;
}

/** What the eviction subresource answers for a pod: '' (evicted), 'refused' (429), or another error's message. */
function evictionVerdict(k: Kctx, pod: Obj): string {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) return '';
  const budgets = k.store.list('PodDisruptionBudget', pod.metadata.namespace).filter((b) => budgetPods(k.store, b).includes(pod));
  if (budgets.length > 1) return 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
  const pdb = budgets[0];
  if (!pdb) return '';
  const st = pdb.status ?? {};
  // An unready pod goes without using up a disruption while the budget is met (IfHealthyBudget).
  if (!podReady(pod) && st.currentHealthy >= st.desiredHealthy && st.desiredHealthy > 0) return '';
  if ((pdb.metadata.generation ?? 1) > (st.observedGeneration ?? 0) || !(st.disruptionsAllowed > 0)) return 'refused';
  st.disruptionsAllowed--;
  k.store.touch(pdb);
  return '';
}

export function taint(k: Kctx): void {
  const [kind, ...rest] = k.p.args;
  let args = rest;
  let nodeName = '';
  if (kind?.includes('/')) nodeName = kind.split('/')[1];
  else {
    nodeName = rest[0] ?? '';
    args = rest.slice(1);
  }
  if (!kind || !nodeName) {
    k.err += "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const r = resolveResource(kind.split('/')[0]);
  if (r?.kind !== 'Node') return fail(k, `invalid resource type ${kind.split('/')[0]}, only node types are supported`);
  if (!args.length) {
    k.err += "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const node = k.store.get('Node', undefined, nodeName);
  if (!node) {
    k.err += formatApiError(notFound(r, nodeName));
    k.code = 1;
    return;
  }
  // parseTaints (kubectl/pkg/cmd/taint/utils.go): every spec is checked before the node changes.
  const toAdd: Obj[] = [];
  const toRemove: Obj[] = [];
  for (const a of args) {
    const remove = a.endsWith('-');
    const parsed = parseTaint(remove ? a.slice(0, -1) : a);
    if (typeof parsed === 'string') return fail(k, parsed);
    if (remove) toRemove.push(parsed);
    else {
      if (!parsed.effect) return fail(k, `invalid taint spec: ${a}`);
      if (toAdd.some((t) => t.key === parsed.key && t.effect === parsed.effect))
        return fail(k, `duplicated taints with the same key and effect: {${parsed.key} ${parsed.value ?? ''} ${parsed.effect} <nil>}`);
      toAdd.push(parsed);
    }
  }
  const old: Obj[] = node.spec.taints ?? [];
  const overwrite = bool(k.p, 'overwrite');
  if (!overwrite) {
    const existing = toAdd.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
    if (existing.length) return fail(k, `node ${nodeName} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  // reorganizeTaints: the new taints, then the old ones they do not replace, less the removed ones.
  let taints: Obj[] = [...toAdd, ...clone(old).filter((o: Obj) => !toAdd.some((t) => t.key === o.key && t.effect === o.effect))];
  const added = old.length !== taints.length;
  let removed = false;
  const missing: string[] = [];
  for (const r of toRemove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = taints.length !== before;
    if (!removed) missing.push(`taint "${r.key}${r.effect ? `:${r.effect}` : ''}" not found`);
  }
  if (missing.length) return fail(k, missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`);
  if (taints.length) node.spec.taints = taints;
  else delete node.spec.taints;
  k.store.touch(node);
  k.out += `node/${nodeName} ${(added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted'}\n`;
}

/** parseTaint: `key=value:effect`, `key:effect` or `key`, checked as kubectl checks it; a string is the error. */
function parseTaint(spec: string): Obj | string {
  const parts = spec.split(':');
  let key = parts[0];
  let value: string | undefined;
  let effect: string | undefined;
  if (parts.length > 2) return `invalid taint spec: ${spec}`;
  if (parts.length === 2) {
    effect = parts[1];
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = parts[0].split('=');
    if (kv.length > 2) return `invalid taint spec: ${spec}`;
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) return `invalid taint spec: ${spec}, ${errs.join('; ')}`;
    }
  }
  const errs = isQualifiedName(key);
  if (errs.length) return `invalid taint spec: ${spec}, ${errs.join('; ')}`;
  const taint: Obj = { effect, key };
  if (value) taint.value = value;
  return taint;
}
