/** DaemonSet controller: one pod per node whose taints the pod tolerates (after the DS's own tolerations). */
import { clone, type Obj } from '../api/store.ts';
import { createPodFromTemplate, ownedBy, podActive, podReady, templateHash, type Controller } from './context.ts';
import { untoleratedTaints } from './scheduler.ts';

/** Tolerations the DaemonSet controller adds to its pods (pkg/controller/daemon/util). */
function daemonTolerations(template: Obj): Obj[] {
  const tols: Obj[] = clone(template.spec?.tolerations ?? []);
  const add = (key: string, effect: string) => {
    if (!tols.some((t) => t.key === key && t.effect === effect)) tols.push({ effect, key, operator: 'Exists' });
  };
  add('node.kubernetes.io/not-ready', 'NoExecute');
  add('node.kubernetes.io/unreachable', 'NoExecute');
  add('node.kubernetes.io/disk-pressure', 'NoSchedule');
  add('node.kubernetes.io/memory-pressure', 'NoSchedule');
  add('node.kubernetes.io/pid-pressure', 'NoSchedule');
  add('node.kubernetes.io/unschedulable', 'NoSchedule');
  if (template.spec?.hostNetwork) add('node.kubernetes.io/network-unavailable', 'NoSchedule');
  return tols;
}

export const daemonSetController: Controller = (ctx) => {
  const { store } = ctx;
  let changed = false;
  for (const ds of store.list('DaemonSet')) {
    const ns = ds.metadata.namespace;
    const hash = templateHash(ds.spec.template);
    const template = clone(ds.spec.template);
    template.spec.tolerations = daemonTolerations(template);
    const pods = store.list('Pod', ns).filter((p) => ownedBy(p, ds) && podActive(p));
    const nodes = store.list('Node').filter((n) => {
      const probe = { spec: template.spec };
      if (untoleratedTaints(probe, n).length) return false;
      const sel = template.spec.nodeSelector ?? {};
      return Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v);
    });
    for (const node of nodes) {
      const existing = pods.find((p) => p.spec.nodeName === node.metadata.name);
      if (existing && existing.metadata.labels?.['controller-revision-hash'] === hash) continue;
      if (existing) store.delete('Pod', ns, existing.metadata.name);
      const t = clone(template);
      t.spec.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }] }],
          },
        },
      };
      const name = `${ds.metadata.name}-${store.rng.suffix(5)}`;
      const pod = createPodFromTemplate(ctx, ds, t, name, {
        labels: { 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
      });
      if (pod) store.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'daemonset-controller');
      changed = true;
    }
    for (const p of pods) {
      if (p.spec.nodeName && !nodes.some((n) => n.metadata.name === p.spec.nodeName)) {
        store.delete('Pod', ns, p.metadata.name);
        store.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, 'daemonset-controller');
        changed = true;
      }
    }
    const live = store.list('Pod', ns).filter((p) => ownedBy(p, ds) && podActive(p));
    const ready = live.filter(podReady).length;
    const updated = live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length;
    const status: Obj = {
      currentNumberScheduled: live.length,
      desiredNumberScheduled: nodes.length,
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: updated,
    };
    if (!ready) delete status.numberAvailable;
    if (nodes.length > ready) status.numberUnavailable = nodes.length - ready;
    if (JSON.stringify(status) !== JSON.stringify(ds.status)) {
      ds.status = status;
      store.touch(ds);
      changed = true;
    }
  }
  return changed;
};
