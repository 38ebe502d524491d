/**
 * Node lifecycle: a node whose kubelet stopped posting status turns NotReady (Unknown) after
 * the 50 s grace period (node-monitor-grace-period) and gets the unreachable taints; it turns Ready again when the kubelet
 * comes back. Taint-based eviction after 300 s is the seam for part 2.
 */
import { healthyConditions } from '../api/bootstrap.ts';
import { rfc3339, type Obj } from '../api/store.ts';
import type { Controller } from './context.ts';

// kube-controller-manager --node-monitor-grace-period: 50 s by default since v1.32.
const GRACE_MS = 50_000;

export const nodeLifecycleController: Controller = ({ store, now, kubeletUp, kubeletStoppedAt }) => {
  let changed = false;
  for (const node of store.list('Node')) {
    const ready = (node.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
    if (!ready) continue;
    const up = kubeletUp(node.metadata.name);
    if (up && ready.status !== 'True') {
      const fresh = healthyConditions(rfc3339(now()));
      node.status.conditions = node.status.conditions.map((c: Obj) => (c.type === 'NetworkUnavailable' ? c : (fresh.find((f) => f.type === c.type) ?? c)));
      node.spec.taints = (node.spec.taints ?? []).filter((t: Obj) => t.key !== 'node.kubernetes.io/unreachable');
      if (!node.spec.taints.length) delete node.spec.taints;
      store.touch(node);
      changed = true;
    } else if (!up && ready.status === 'True' && now() - Math.max(Date.parse(ready.lastHeartbeatTime), kubeletStoppedAt(node.metadata.name) ?? 0) >= GRACE_MS) {
      for (const c of node.status.conditions) {
        if (c.type === 'NetworkUnavailable') continue;
        c.status = 'Unknown';
        c.reason = 'NodeStatusUnknown';
        c.message = 'Kubelet stopped posting node status.';
        c.lastTransitionTime = rfc3339(now());
      }
      node.spec.taints = [
        ...(node.spec.taints ?? []),
        { effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: rfc3339(now()) },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: rfc3339(now()) },
      ];
      store.touch(node);
      changed = true;
    } else if (up && ready.status === 'True') {
      // The kubelet's heartbeat: every condition's lastHeartbeatTime moves (no resourceVersion bump, no event).
      for (const c of node.status.conditions) if (c.type !== 'NetworkUnavailable') c.lastHeartbeatTime = rfc3339(now());
    }
  }
  return changed;
};
