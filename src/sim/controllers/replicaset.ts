/** ReplicaSet controller: keeps `replicas` pods named `<rs>-<5 chars>` and reports status. */
import { rfc3339, type Obj } from '../api/store.ts';
import { createPodFromTemplate, ownedBy, podActive, podReady, type Controller } from './context.ts';

/** pkg/controller/replicaset: BurstReplicas, the most pods one sync creates or deletes. */
const BURST_REPLICAS = 500;

export const replicaSetController: Controller = (ctx) => {
  const { store } = ctx;
  let changed = false;
  for (const rs of store.list('ReplicaSet')) {
    const ns = rs.metadata.namespace;
    const pods = store.list('Pod', ns).filter((p) => ownedBy(p, rs) && podActive(p));
    const want = rs.spec.replicas ?? 1;
    if (pods.length < want) {
      // As manageReplicas does: at most BurstReplicas (500) creates per sync, and a failed create
      // (here: the sandbox's object limit) ends the batch instead of being retried want times.
      const batch = Math.min(want - pods.length, BURST_REPLICAS);
      for (let i = 0; i < batch; i++) {
        const name = `${rs.metadata.name}-${store.rng.suffix(5)}`;
        const pod = createPodFromTemplate(ctx, rs, rs.spec.template, name);
        if (!pod) break;
        pods.push(pod);
        store.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'replicaset-controller');
        changed = true;
      }
    } else if (pods.length > want) {
      // Newest and unscheduled pods go first, as the controller's ranking prefers.
      const victims = [...pods]
        .sort((a, b) => Number(!!a.spec.nodeName) - Number(!!b.spec.nodeName) || (b.metadata.creationTimestamp < a.metadata.creationTimestamp ? -1 : 1) || (b.metadata.name < a.metadata.name ? -1 : 1))
        .slice(0, pods.length - want);
      for (const v of victims) {
        store.delete('Pod', ns, v.metadata.name);
        store.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${v.metadata.name}`, 'replicaset-controller');
      }
      changed = true;
    }
    const live = store.list('Pod', ns).filter((p) => ownedBy(p, rs) && podActive(p));
    const ready = live.filter(podReady).length;
    const status: Obj = {
      availableReplicas: ready,
      fullyLabeledReplicas: live.length,
      observedGeneration: rs.metadata.generation,
      readyReplicas: ready,
      replicas: live.length,
    };
    if (!ready) {
      delete status.availableReplicas;
      delete status.readyReplicas;
    }
    if (!live.length) delete status.fullyLabeledReplicas;
    if (JSON.stringify(status) !== JSON.stringify(rs.status)) {
      rs.status = status;
      store.touch(rs);
      changed = true;
    }
  }
  return changed;
};

/** Time now as the controllers stamp it. */
export function stamp(now: number): string {
  return rfc3339(now);
}
