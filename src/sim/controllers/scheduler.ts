/**
 * kube-scheduler, simply: filters nodes by readiness, cordon, taints/tolerations, nodeSelector
 * and node affinity, CPU/memory requests, volumes and inter-pod (anti-)affinity, then ranks the
 * rest by preferred affinity, PreferNoSchedule taints and load (ties by name).
 */
import { parseQuantity } from '../api/quantity.ts';
import { rfc3339, type Obj, type Store } from '../api/store.ts';
import { EXISTING_ANTI_AFFINITY_MISMATCH, interPodAffinityError, interPodAffinityScore, NODE_AFFINITY_MISMATCH, nodeAffinityAllows, nodeAffinityScore, POD_ANTI_AFFINITY_MISMATCH } from './affinity.ts';
import { podActive, type Controller } from './context.ts';
import { ANN_SELECTED_NODE, bindClaim, fits, waitsForConsumer } from './claims.ts';

/** Whether some Available volume could take the claim (without binding it). */
function canBind(store: Store, pvc: Obj): boolean {
  return store.list('PersistentVolume').some((v) => v.status?.phase === 'Available' && !v.spec.claimRef && fits(v, pvc));
}

/** Whether a toleration tolerates a taint (v1.Toleration.ToleratesTaint). */
export function tolerates(tol: Obj, taint: Obj): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  if (!tol.key && tol.operator !== 'Exists') return false;
  if (tol.operator === 'Exists') return true;
  return (tol.value ?? '') === (taint.value ?? '');
}

/** Taints of a node the pod does not tolerate, for the given effects. */
export function untoleratedTaints(pod: Obj, node: Obj, effects = ['NoSchedule', 'NoExecute']): Obj[] {
  const tols: Obj[] = pod.spec?.tolerations ?? [];
  return (node.spec?.taints ?? []).filter((t: Obj) => effects.includes(t.effect) && !tols.some((tol) => tolerates(tol, t)));
}

/** Whether the node's Ready condition is True. */
export function nodeReady(node: Obj): boolean {
  return (node.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
}

/** CPU (cores) and memory (bytes) requested by a pod. */
export function podRequests(pod: Obj): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? c.resources?.limits ?? {};
    if (r.cpu !== undefined) cpu += parseQuantity(r.cpu) || 0;
    if (r.memory !== undefined) memory += parseQuantity(r.memory) || 0;
  }
  return { cpu, memory };
}

function fitError(pod: Obj, node: Obj, pods: Obj[]): string | undefined {
  if (node.spec?.unschedulable && !(pod.spec?.tolerations ?? []).some((t: Obj) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })))
    return 'node(s) were unschedulable';
  const bad = untoleratedTaints(pod, node);
  if (bad.length) return 'node(s) had untolerated taint(s)';
  if (!nodeAffinityAllows(pod, node)) return NODE_AFFINITY_MISMATCH;
  const req = podRequests(pod);
  const used = pods.filter((p) => p.spec.nodeName === node.metadata.name && podActive(p)).map(podRequests);
  const alloc = node.status?.allocatable ?? {};
  if (req.cpu && used.reduce((n, u) => n + u.cpu, 0) + req.cpu > parseQuantity(alloc.cpu ?? '0')) return 'Insufficient cpu';
  if (req.memory && used.reduce((n, u) => n + u.memory, 0) + req.memory > parseQuantity(alloc.memory ?? '0')) return 'Insufficient memory';
  if (!nodeReady(node)) return 'node(s) had untolerated taint(s)';
  return undefined;
}

/** What VolumeBinding's PreFilter found about a pod's claims. */
interface Claims {
  /** A reason that stops scheduling before any node is looked at. */
  pre?: string;
  /** WaitForFirstConsumer claims to bind to existing volumes on the chosen node. */
  delayed: Obj[];
  /** WaitForFirstConsumer claims a provisioner must create a volume for on the chosen node. */
  provision: Obj[];
  /** Volumes of bound claims (their node affinity limits the nodes). */
  bound: Obj[];
  /** A claim already handed to a provisioner: the pod waits in PreBind until it is bound. */
  waiting: boolean;
}

/**
 * VolumeBinding's PreFilter: a missing claim or an unbound Immediate claim stops scheduling
 * before any node is looked at; WaitForFirstConsumer claims bind to a fitting volume or,
 * when none fits and the class has a provisioner, are provisioned on the chosen node.
 */
function claimProblem(store: Store, pod: Obj): Claims {
  const out: Claims = { delayed: [], provision: [], bound: [], waiting: false };
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const pvc = store.get('PersistentVolumeClaim', pod.metadata.namespace, name);
    if (!pvc) return { ...out, pre: `persistentvolumeclaim "${name}" not found` };
    if (pvc.status?.phase === 'Bound') {
      const pv = store.get('PersistentVolume', undefined, pvc.spec.volumeName ?? '');
      if (pv) out.bound.push(pv);
      continue;
    }
    if (!waitsForConsumer(store, pvc)) return { ...out, pre: 'pod has unbound immediate PersistentVolumeClaims' };
    if (pvc.metadata.annotations?.[ANN_SELECTED_NODE]) out.waiting = true;
    else if (canBind(store, pvc)) out.delayed.push(pvc);
    else if (store.get('StorageClass', undefined, pvc.spec.storageClassName)?.provisioner !== 'kubernetes.io/no-provisioner') out.provision.push(pvc);
    else out.delayed.push(pvc);
  }
  return out;
}

/** Whether a node satisfies a volume's required node affinity (matchExpressions In/NotIn/Exists). */
function volumeAllows(pv: Obj, node: Obj): boolean {
  const terms: Obj[] = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (!terms.length) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) =>
    (t.matchExpressions ?? []).every((e: Obj) => {
      const has = e.key in labels;
      if (e.operator === 'In') return has && (e.values ?? []).includes(labels[e.key]);
      if (e.operator === 'NotIn') return !has || !(e.values ?? []).includes(labels[e.key]);
      if (e.operator === 'Exists') return has;
      if (e.operator === 'DoesNotExist') return !has;
      return false;
    }),
  );
}

/** Filter reasons whose status is Unschedulable, not UnschedulableAndUnresolvable: preemption could help there. */
const PREEMPTABLE = new Set(['Insufficient cpu', 'Insufficient memory', POD_ANTI_AFFINITY_MISMATCH, EXISTING_ANTI_AFFINITY_MISMATCH]);

/** A node's rank: lower is better, compared element by element. */
type Score = [number, number, number];

function better(a: Score, b: Score): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** Schedules every pending pod of the default scheduler, or records why it cannot. */
export const scheduler: Controller = ({ store, now }) => {
  let changed = false;
  const nodes = store.list('Node');
  const pods = store.list('Pod');
  for (const pod of pods) {
    if (pod.spec.nodeName || !podActive(pod) || (pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') continue;
    const reasons = new Map<string, number>();
    let best: Obj | undefined;
    let bestScore: Score | undefined;
    const claims = claimProblem(store, pod);
    // Assumed on a node, waiting in PreBind for the provisioner to bind its claims.
    if (claims.waiting) continue;
    if (claims.pre) reasons.set(claims.pre, 0);
    for (const node of claims.pre ? [] : nodes) {
      const err =
        fitError(pod, node, pods) ??
        (claims.bound.some((pv) => !volumeAllows(pv, node)) ? 'node(s) had volume node affinity conflict' : undefined) ??
        (claims.delayed.length && !claims.delayed.every((c) => canBind(store, c)) ? "node(s) didn't find available persistent volumes to bind" : undefined) ??
        interPodAffinityError(pod, node, nodes, pods);
      if (err) {
        reasons.set(err, (reasons.get(err) ?? 0) + 1);
        continue;
      }
      // Scoring, simply: preferred (anti-)affinity first, then fewer PreferNoSchedule taints the
      // pod does not tolerate, then the least loaded node; the first node by name wins a tie.
      const score: Score = [
        -(nodeAffinityScore(pod, node) + interPodAffinityScore(pod, node, nodes, pods)),
        untoleratedTaints(pod, node, ['PreferNoSchedule']).length,
        pods.filter((p) => p.spec.nodeName === node.metadata.name && podActive(p)).length,
      ];
      if (!bestScore || better(score, bestScore)) {
        best = node;
        bestScore = score;
      }
    }
    const ts = rfc3339(now());
    if (best && claims.provision.length) {
      // VolumeBinding's PreBind: the chosen node goes on the claims; the pod binds once they are provisioned.
      for (const c of claims.provision) {
        c.metadata.annotations = { ...(c.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: best.metadata.name };
        store.touch(c);
      }
      for (const c of claims.delayed) bindClaim(store, c);
      changed = true;
    } else if (best) {
      for (const c of claims.delayed) bindClaim(store, c);
      pod.spec.nodeName = best.metadata.name;
      pod.status = { ...(pod.status ?? {}), conditions: [{ lastProbeTime: null, lastTransitionTime: ts, status: 'True', type: 'PodScheduled' }] };
      store.touch(pod);
      store.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${best.metadata.name}`, 'default-scheduler');
      changed = true;
    } else {
      const parts = [...reasons.entries()].map(([r, n]) => (n ? `${n} ${r}` : r)).sort();
      // v1.34 wording: taint details are no longer printed, and the DRA plugin (GA, on by default)
      // adds its PostFilter note before the preemption summary.
      // DefaultPreemption: nodes that failed with an Unschedulable (not ...AndUnresolvable) status
      // are tried, but no pod there has a lower priority to evict.
      const tried = [...reasons.entries()].filter(([r]) => PREEMPTABLE.has(r)).reduce((n, [, c]) => n + c, 0);
      const preemption = [[nodes.length - tried, 'Preemption is not helpful for scheduling'], [tried, 'No preemption victims found for incoming pod']]
        .filter(([n]) => n)
        .map(([n, r]) => `${n} ${r}`)
        .sort();
      const msg = `0/${nodes.length} nodes are available: ${parts.join(', ')}. no new claims to deallocate, preemption: 0/${nodes.length} nodes are available: ${preemption.join(', ')}.`;
      const prev = (pod.status?.conditions ?? []).find((c: Obj) => c.type === 'PodScheduled' && c.status === 'False');
      if (prev?.message === msg) continue;
      pod.status = {
        ...(pod.status ?? {}),
        conditions: [{ lastProbeTime: null, lastTransitionTime: ts, message: msg, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }],
      };
      store.touch(pod);
      store.event(pod, 'Warning', 'FailedScheduling', msg, 'default-scheduler');
      changed = true;
    }
  }
  return changed;
};
