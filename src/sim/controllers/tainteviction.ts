/**
 * The taint-eviction controller of kube-controller-manager: pods on a node with a NoExecute taint
 * they do not tolerate are deleted, at once or after their tolerationSeconds (300 s by default for
 * not-ready/unreachable). On an unreachable node a deleted pod stays Terminating until its kubelet
 * comes back and confirms; the node lifecycle controller also marks such pods not ready.
 */
import { rfc3339, type Obj } from '../api/store.ts';
import type { Controller } from './context.ts';
import { tolerates } from './scheduler.ts';

function isMirror(pod: Obj): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

/** When a pod must go because of the node's NoExecute taints (ms), or undefined when never. */
export function evictionTime(pod: Obj, node: Obj): number | undefined {
  let at: number | undefined;
  for (const taint of (node.spec?.taints ?? []).filter((t: Obj) => t.effect === 'NoExecute')) {
    const tols = (pod.spec?.tolerations ?? []).filter((t: Obj) => tolerates(t, taint));
    const added = Date.parse(taint.timeAdded ?? '') || 0;
    if (!tols.length) return added;
    const secs = tols.map((t: Obj) => t.tolerationSeconds).filter((x: unknown) => typeof x === 'number');
    if (secs.length < tols.length) continue;
    const when = added + Math.max(0, Math.min(...secs)) * 1000;
    at = at === undefined ? when : Math.min(at, when);
  }
  return at;
}

export const taintEvictionController: Controller = ({ store, now, kubeletUp }) => {
  let changed = false;
  const t = now();
  for (const pod of store.list('Pod')) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) continue;
    const node = store.get('Node', undefined, nodeName);
    if (pod.metadata.deletionTimestamp) {
      // The kubelet (or pod GC for a node that is gone) finishes the deletion.
      if (!node || kubeletUp(nodeName)) {
        store.delete('Pod', pod.metadata.namespace, pod.metadata.name);
        changed = true;
      }
      continue;
    }
    if (!node || isMirror(pod)) continue;
    const ready = (node.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
    if (ready && ready.status === 'Unknown') {
      const pc = (pod.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
      if (pc && pc.status === 'True') {
        pc.status = 'False';
        pc.lastTransitionTime = rfc3339(t);
        for (const s of pod.status.containerStatuses ?? []) s.ready = false;
        store.touch(pod);
        store.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller');
        changed = true;
      }
    }
    const at = evictionTime(pod, node);
    if (at === undefined || t < at) continue;
    pod.metadata.deletionTimestamp = rfc3339(t + 30_000);
    pod.metadata.deletionGracePeriodSeconds = 30;
    store.touch(pod);
    store.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, 'taint-eviction-controller');
    changed = true;
  }
  return changed;
};
