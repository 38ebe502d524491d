/**
 * The disruption controller (pkg/controller/disruption/disruption.go): each PodDisruptionBudget's
 * status from the pods its selector matches. An eviction reads and decrements `disruptionsAllowed`
 * (kubectl drain, nodes.ts); this controller computes it again from the pods on the next pass.
 */
import { matchesLabelSelector } from '../api/selectors.ts';
import type { Obj, Store } from '../api/store.ts';
import { podReady, type Controller } from './context.ts';

/** intstr.GetScaledValueFromIntOrPercent with roundUp: an int, or `NN%` of `total` rounded up. */
function scaledValue(v: unknown, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v));
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number.NaN;
}

/** The sum of the scales of the controllers that own the pods (getExpectedScale): a ReplicaSet's Deployment, a StatefulSet. */
function expectedScale(store: Store, pods: Obj[]): number {
  const scales = new Map<string, number>();
  for (const pod of pods) {
    const ref = (pod.metadata.ownerReferences ?? []).find((r: Obj) => r.controller);
    if (!ref) continue;
    let owner = store.get(ref.kind, pod.metadata.namespace, ref.name);
    const up = ref.kind === 'ReplicaSet' ? (owner?.metadata.ownerReferences ?? []).find((r: Obj) => r.controller && r.kind === 'Deployment') : undefined;
    if (up) owner = store.get('Deployment', pod.metadata.namespace, up.name);
    if (owner) scales.set(owner.metadata.uid, Number(owner.spec?.replicas ?? 1));
  }
  return [...scales.values()].reduce((a, b) => a + b, 0);
}

/** Whether a budget covers a pod: same namespace, and its selector matches (policy/v1: a null selector none, an empty one every pod). */
export function budgetCovers(pdb: Obj, pod: Obj): boolean {
  const sel = pdb.spec?.selector;
  if (!sel || pod.metadata.namespace !== pdb.metadata.namespace) return false;
  const empty = !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
  return empty || matchesLabelSelector(sel, pod.metadata.labels);
}

/** What a budget's status should say now, from the pods it covers (getExpectedPodCount, countHealthyPods, updatePdbStatus). */
function budgetStatus(store: Store, pdb: Obj, pods: Obj[], now: number): Obj {
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  let expected = pods.length;
  let desired = 0;
  if (maxUnavailable !== undefined) {
    expected = expectedScale(store, pods);
    desired = Math.max(0, expected - scaledValue(maxUnavailable, expected));
  } else if (typeof minAvailable === 'number') desired = minAvailable;
  else if (minAvailable !== undefined) {
    expected = expectedScale(store, pods);
    desired = scaledValue(minAvailable, expected);
  }
  const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && podReady(p)).length;
  const allowed = expected <= 0 ? 0 : Math.max(0, healthy - desired);
  const was = (pdb.status?.conditions ?? []).find((c: Obj) => c.type === 'DisruptionAllowed');
  const state = allowed > 0 ? 'True' : 'False';
  return {
    conditions: [
      {
        lastTransitionTime: was?.status === state ? was.lastTransitionTime : new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
        message: '',
        observedGeneration: pdb.metadata.generation ?? 1,
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
        status: state,
        type: 'DisruptionAllowed',
      },
    ],
    currentHealthy: healthy,
    desiredHealthy: desired,
    disruptionsAllowed: allowed,
    expectedPods: expected,
    observedGeneration: pdb.metadata.generation ?? 1,
  };
}

/** Writes every budget's status when it changed. */
export const disruptionController: Controller = ({ store, now }) => {
  let changed = false;
  for (const pdb of store.list('PodDisruptionBudget')) {
    const pods = store.list('Pod', pdb.metadata.namespace).filter((p) => budgetCovers(pdb, p));
    const status = budgetStatus(store, pdb, pods, now());
    if (JSON.stringify(status) === JSON.stringify(pdb.status ?? {})) continue;
    pdb.status = status;
    store.touch(pdb);
    // trySync's event (its recorder's component is "controllermanager"), here once per status written.
    if (!pods.length) store.event(pdb, 'Normal', 'NoPods', 'No matching pods found', 'controllermanager');
    changed = true;
  }
  return changed;
};
