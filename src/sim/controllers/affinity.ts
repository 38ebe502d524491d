/**
 * The scheduler's affinity rules, as kube-scheduler's NodeAffinity and InterPodAffinity plugins
 * (pkg/scheduler/framework/plugins/{nodeaffinity,interpodaffinity}): the required rules filter
 * nodes with upstream's reasons, the preferred ones score what is left.
 */
import { matchesLabelSelector } from '../api/selectors.ts';
import type { Obj } from '../api/store.ts';
import { podActive } from './context.ts';

/** NodeAffinity's filter reason (also nodeSelector's). */
export const NODE_AFFINITY_MISMATCH = "node(s) didn't match Pod's node affinity/selector";
/** InterPodAffinity's filter reasons. */
export const POD_AFFINITY_MISMATCH = "node(s) didn't match pod affinity rules";
/** The pod's own required anti-affinity forbids the node. */
export const POD_ANTI_AFFINITY_MISMATCH = "node(s) didn't match pod anti-affinity rules";
/** A pod already running forbids the new one next to it. */
export const EXISTING_ANTI_AFFINITY_MISMATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/** One matchExpressions/matchFields requirement against a value (Gt/Lt compare integers). */
function requirementHolds(e: Obj, has: boolean, value: string | undefined): boolean {
  const values: string[] = (e.values ?? []).map(String);
  switch (e.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const [a, b] = [Number.parseInt(value ?? '', 10), Number.parseInt(values[0] ?? '', 10)];
      if (!has || Number.isNaN(a) || Number.isNaN(b)) return false;
      return e.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** Whether a NodeSelectorTerm matches a node: all its expressions and fields; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: Obj | undefined, node: Obj): boolean {
  const expressions: Obj[] = term?.matchExpressions ?? [];
  const fields: Obj[] = term?.matchFields ?? [];
  if (!expressions.length && !fields.length) return false;
  const labels: Record<string, string> = node.metadata.labels ?? {};
  return (
    expressions.every((e) => requirementHolds(e, Object.hasOwn(labels, e.key), labels[e.key])) &&
    // metadata.name is the only field a node selector may name.
    fields.every((f) => f.key === 'metadata.name' && requirementHolds(f, true, node.metadata.name))
  );
}

/** Whether the node satisfies the pod's nodeSelector and required node affinity (terms are ORed). */
export function nodeAffinityAllows(pod: Obj, node: Obj): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  if (Object.entries(pod.spec?.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  const terms: Obj[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((t) => nodeSelectorTermMatches(t, node));
}

/** Sum of the weights of the pod's preferred node affinity terms the node matches. */
export function nodeAffinityScore(pod: Obj, node: Obj): number {
  const preferred: Obj[] = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.reduce((sum, p) => sum + (nodeSelectorTermMatches(p.preference, node) ? Number(p.weight ?? 0) : 0), 0);
}

/** An affinity term's label selector: nil selects nothing, `{}` selects every pod. */
function selects(term: Obj, pod: Obj, owner: Obj): boolean {
  const namespaces: string[] = term.namespaces?.length ? term.namespaces : [owner.metadata.namespace];
  if (!namespaces.includes(pod.metadata.namespace)) return false;
  const sel = term.labelSelector;
  if (!sel) return false;
  if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) return true;
  return matchesLabelSelector(sel, pod.metadata.labels);
}

/** Pods already placed (or assumed) on nodes, with their node. */
function placed(pods: Obj[], nodes: Obj[], except: Obj): Array<{ pod: Obj; node: Obj }> {
  const byName = new Map(nodes.map((n) => [n.metadata.name as string, n]));
  const out: Array<{ pod: Obj; node: Obj }> = [];
  for (const p of pods) {
    const node = p.spec?.nodeName ? byName.get(p.spec.nodeName) : undefined;
    if (node && p !== except && podActive(p)) out.push({ pod: p, node });
  }
  return out;
}

/** Whether two nodes share the term's topology domain (both carry the key, with the same value). */
function sameDomain(key: string, a: Obj, b: Obj): boolean {
  const [la, lb] = [a.metadata.labels ?? {}, b.metadata.labels ?? {}];
  return Object.hasOwn(la, key) && Object.hasOwn(lb, key) && la[key] === lb[key];
}

/** Whether some pod of the list has required anti-affinity, cached per list (the scheduler keeps one list for a pass). */
const antiAffinityIn = new WeakMap<Obj[], boolean>();
function anyRequiredAntiAffinity(pods: Obj[]): boolean {
  let any = antiAffinityIn.get(pods);
  if (any === undefined) {
    any = pods.some((p) => (p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0);
    antiAffinityIn.set(pods, any);
  }
  return any;
}

/** InterPodAffinity's Filter: undefined when the node passes, else upstream's reason. */
export function interPodAffinityError(pod: Obj, node: Obj, nodes: Obj[], pods: Obj[]): string | undefined {
  const affinity: Obj[] = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const anti: Obj[] = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  // Most pods have no such rules, nor does any pod placed: nothing to look at (a pass over 100 pods stays linear).
  if (!affinity.length && !anti.length && !anyRequiredAntiAffinity(pods)) return undefined;
  const others = placed(pods, nodes, pod);
  for (const term of affinity) {
    if (!Object.hasOwn(node.metadata.labels ?? {}, term.topologyKey)) return POD_AFFINITY_MISMATCH;
    const near = others.some((o) => sameDomain(term.topologyKey, o.node, node) && selects(term, o.pod, pod));
    // The first pod of a group that selects itself may go anywhere its other rules allow.
    const first = !others.some((o) => selects(term, o.pod, pod)) && selects(term, pod, pod);
    if (!near && !first) return POD_AFFINITY_MISMATCH;
  }
  for (const term of anti)
    if (others.some((o) => sameDomain(term.topologyKey, o.node, node) && selects(term, o.pod, pod))) return POD_ANTI_AFFINITY_MISMATCH;
  for (const o of others) {
    const theirs: Obj[] = o.pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    if (theirs.some((term) => sameDomain(term.topologyKey, o.node, node) && selects(term, pod, o.pod))) return EXISTING_ANTI_AFFINITY_MISMATCH;
  }
  return undefined;
}

/** InterPodAffinity's Score, unnormalized: preferred affinity weights add, anti-affinity weights subtract. */
export function interPodAffinityScore(pod: Obj, node: Obj, nodes: Obj[], pods: Obj[]): number {
  const preferred = [pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution];
  if (!preferred.some((terms) => terms?.length)) return 0;
  const others = placed(pods, nodes, pod);
  const score = (terms: Obj[] | undefined, sign: number) =>
    (terms ?? []).reduce((sum, w) => {
      const term = w.podAffinityTerm ?? {};
      const hits = others.filter((o) => sameDomain(term.topologyKey, o.node, node) && selects(term, o.pod, pod)).length;
      return sum + sign * Number(w.weight ?? 0) * hits;
    }, 0);
  return score(pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, 1) + score(pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, -1);
}
