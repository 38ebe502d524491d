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
import { budgetCovers } from '../../controllers/disruption.ts';
import { podReady } from '../../controllers/context.ts';
import { matches, type Requirement } from '../../api/selectors.ts';
import { labelRequirements, parseLabelSelector } from './resources.ts';

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

/**
 * The nodes a cordon, uncordon or drain line names (drain.go Complete): NODE names, or `-l` (the
 * API server parses it, as for get). Every name is looked up before any node changes.
 */
function nodeTargets(k: Kctx, verb: string): Obj[] | undefined {
  const selector = str(k.p, 'selector');
  const usage = (msg: string) => {
    k.err += `error: ${msg}\nSee 'kubectl ${verb} -h' for help and examples\n`;
    k.code = 1;
    return undefined;
  };
  if (!k.p.args.length && !selector) return usage(`USAGE: ${verb} NODE [flags]`);
  // cmdutil.UsageErrorf's message already starts with "error: ", and CheckErr adds another.
  if (k.p.args.length && selector) return usage('error: cannot specify both a node name and a --selector option');
  const nodes = resolveResource('nodes')!;
  if (selector) {
    const reqs = parseLabelSelector(selector, nodes);
    if (typeof reqs === 'string') return void fail(k, reqs);
    return k.store.list('Node').filter((n) => matches(reqs, n.metadata.labels));
  }
  const found: Obj[] = [];
  for (const arg of k.p.args) {
    const name = arg.replace(/^(node|nodes|no)\//, '');
    const node = k.store.get('Node', undefined, name);
    if (!node) {
      k.err += formatApiError(notFound(nodes, name));
      k.code = 1;
      return undefined;
    }
    found.push(node);
  }
  return found;
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
  const word = value ? 'cordoned' : 'uncordoned';
  for (const node of nodeTargets(k, value ? 'cordon' : 'uncordon') ?? []) {
    const changed = setUnschedulable(k, node, value);
    k.out += changed ? `node/${node.metadata.name} ${word}\n` : `node/${node.metadata.name} already ${word}\n`;
  }
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
  const nodes = nodeTargets(k, 'drain');
  if (!nodes) return;
  // RunDrain cordons every node first (a dry run leaves them as they are), then drains them in turn.
  for (const node of nodes) {
    const cordoned = dry ? !node.spec.unschedulable : setUnschedulable(k, node, true);
    k.out += cordoned ? `node/${node.metadata.name} cordoned${dry}\n` : `node/${node.metadata.name} already cordoned${dry}\n`;
  }
  const fatal: string[][] = [];
  const pending: string[] = [];
  for (const node of nodes) {
    const errs = drainNode(k, node, podReqs, timeout, dry);
    if (errs === 'stuck') {
      k.err += `kubesim: kubectl drain tries each refused eviction again every 5s for as long as the budget refuses it (a real one until Ctrl+C, or --timeout); the sandbox stops here, with node/${node.metadata.name} cordoned\n`;
      k.code = 1;
      return;
    }
    if (!errs.length) continue;
    k.err += `error: unable to drain node "${node.metadata.name}" due to error: ${aggregate(errs)}, continuing command...\n`;
    fatal.push(errs);
    pending.push(node.metadata.name);
  }
  if (!pending.length) return;
  k.err += `There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`;
  // CheckErr unwraps an aggregate of one (a node's own aggregate then prints an error a line);
  // several nodes' errors print a line each, each in its aggregate's form.
  k.err += (fatal.length === 1 ? fatal[0] : fatal.map((errs) => aggregate(errs))).map((e) => `${e}\n`).join('');
  k.code = 1;
}

/** utilerrors.NewAggregate(errs).Error(): one error as it is, several in brackets. */
const aggregate = (errs: string[]): string => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);

/** deleteOrEvictPodsSimple for one node: its errors (none when drained), or 'stuck'. */
function drainNode(k: Kctx, node: Obj, podReqs: Requirement[], timeout: number, dry: string): string[] | 'stuck' {
  const name = node.metadata.name;
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
  if (errors.length) return errors;
  const warnings: string[] = [];
  if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.join(', ')}`);
  const lone = pods.filter((p) => !finished(p) && !(p.metadata.ownerReferences ?? []).length && p.metadata.annotations?.['kubernetes.io/config.mirror'] === undefined);
  if (bool(k.p, 'force') && lone.length) warnings.push(`deleting Pods that declare no controller: ${lone.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
  if (warnings.length) k.err += `Warning: ${warnings.join('; ')}\n`;
  if (dry) {
    // deleteOrEvictPodsSimple (client) and Helper.evictPods (server): no "evicted" lines, nothing removed.
    for (const p of evict) k.out += `evicting pod ${p.metadata.namespace}/${p.metadata.name}${dry}\n`;
    k.out += `node/${name} drained${dry}\n`;
    return [];
  }
  if (bool(k.p, 'disable-eviction')) {
    // Helper.deletePods: plain deletes, no budget asked, and no "evicting" lines.
    for (const p of evict) k.store.delete('Pod', p.metadata.namespace, p.metadata.name);
    k.out += evict.map((p) => `pod/${p.metadata.name} deleted\n`).join('') + `node/${name} drained\n`;
    return [];
  }
  const errs = evictAll(k, evict, timeout);
  if (errs === 'stuck') return errs;
  if (errs.length) {
    const left = k.store.list('Pod').filter((p) => p.spec.nodeName === name && evict.some((e) => e.metadata.uid === p.metadata.uid));
    if (left.length) k.err += `There are pending pods in node "${name}" when an error occurred: ${aggregate(errs)}\n${left.map((p) => `pod/${p.metadata.name}\n`).join('')}`;
    return errs;
  }
  k.out += `node/${name} drained\n`;
  return [];
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
  const budgets = k.store.list('PodDisruptionBudget', pod.metadata.namespace).filter((b) => budgetCovers(b, pod));
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
