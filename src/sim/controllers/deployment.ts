/**
 * Deployment controller: one ReplicaSet per template (`<deploy>-<pod-template-hash>`), the
 * new one scaled to `replicas` and old ones to 0 (an instant rollout), revision annotations.
 */
import { clone, rfc3339, type Obj } from '../api/store.ts';
import { controllerRef, ownedBy, setCondition, templateHash, type Controller } from './context.ts';

/** Each Deployment's pod-template-hash, valid while its resourceVersion and template object stay the same (every write bumps the version). */
const hashes = new WeakMap<Obj, { rv: string; template: Obj; hash: string }>();

function podTemplateHash(d: Obj): string {
  const known = hashes.get(d);
  if (known && known.rv === d.metadata.resourceVersion && known.template === d.spec.template) return known.hash;
  const hash = templateHash(d.spec.template);
  hashes.set(d, { rv: d.metadata.resourceVersion, template: d.spec.template, hash });
  return hash;
}

export const deploymentController: Controller = (ctx) => {
  const { store } = ctx;
  let changed = false;
  for (const d of store.list('Deployment')) {
    const ns = d.metadata.namespace;
    const hash = podTemplateHash(d);
    const owned = store.list('ReplicaSet', ns).filter((rs) => ownedBy(rs, d));
    let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const maxRev = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
    const want = d.spec.replicas ?? 1;
    if (!current) {
      const template = clone(d.spec.template);
      template.metadata ??= {};
      template.metadata.labels = { ...(template.metadata.labels ?? {}), 'pod-template-hash': hash };
      const selector = clone(d.spec.selector);
      selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
      const rs: Obj = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: ns,
          labels: clone(template.metadata.labels),
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(want),
            'deployment.kubernetes.io/max-replicas': String(want + Math.ceil(want * 0.25)),
            'deployment.kubernetes.io/revision': String(maxRev + 1),
          },
          ownerReferences: [controllerRef(d)],
        },
        spec: { replicas: want, selector, template },
      };
      const res = ctx.api.create(rs, ns);
      if (!res.obj) continue;
      current = res.obj;
      store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${want}`, 'deployment-controller');
      changed = true;
    } else {
      const rev = current.metadata.annotations?.['deployment.kubernetes.io/revision'];
      if (current.spec.replicas !== want) {
        const from = current.spec.replicas;
        current.spec.replicas = want;
        current.metadata.annotations['deployment.kubernetes.io/desired-replicas'] = String(want);
        current.metadata.annotations['deployment.kubernetes.io/max-replicas'] = String(want + Math.ceil(want * 0.25));
        store.update(current);
        store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${want > from ? 'up' : 'down'} replica set ${current.metadata.name} from ${from} to ${want}`, 'deployment-controller');
        changed = true;
      }
      if (Number(rev) < maxRev) {
        // Rolling back to an older template makes it the newest revision again.
        current.metadata.annotations['deployment.kubernetes.io/revision'] = String(maxRev + 1);
        store.touch(current);
        changed = true;
      }
    }
    for (const old of owned) {
      if (old === current || old.spec.replicas === 0) continue;
      const from = old.spec.replicas;
      old.spec.replicas = 0;
      store.update(old);
      store.event(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${old.metadata.name} from ${from} to 0`, 'deployment-controller');
      changed = true;
    }
    // Keep revisionHistoryLimit old ReplicaSets.
    const olds = owned
      .filter((rs) => rs !== current && rs.spec.replicas === 0)
      .sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']));
    const excess = olds.length - (d.spec.revisionHistoryLimit ?? 10);
    for (let i = 0; i < excess; i++) {
      store.delete('ReplicaSet', ns, olds[i].metadata.name);
      changed = true;
    }
    const revision = current.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const all = store.list('ReplicaSet', ns).filter((rs) => ownedBy(rs, d));
    const replicas = all.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
    const ready = all.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
    const updated = current.status?.replicas ?? 0;
    const now = rfc3339(ctx.now());
    const status: Obj = clone(d.status ?? {});
    status.observedGeneration = d.metadata.generation;
    status.replicas = replicas;
    status.updatedReplicas = updated;
    status.readyReplicas = ready;
    status.availableReplicas = ready;
    if (ready < want) status.unavailableReplicas = want - ready;
    else delete status.unavailableReplicas;
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'])
      if (!status[k]) delete status[k];
    status.conditions ??= [];
    const available = ready >= want - Math.floor(want * 0.25);
    setCondition(status.conditions, 'Available', available ? 'True' : 'False', now, {
      lastUpdateTime: now,
      message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
      reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
    });
    const progressed = ready >= want && updated === want;
    setCondition(status.conditions, 'Progressing', 'True', now, {
      lastUpdateTime: now,
      message: progressed ? `ReplicaSet "${current.metadata.name}" has successfully progressed.` : `ReplicaSet "${current.metadata.name}" is progressing.`,
      reason: progressed ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
    });
    status.conditions.sort((a: Obj, b: Obj) => (a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0));
    const annotations = { ...(d.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': revision };
    const before = JSON.stringify([d.status, d.metadata.annotations]);
    const cmp = (s: Obj) => JSON.stringify({ ...s, conditions: (s.conditions ?? []).map((c: Obj) => ({ ...c, lastUpdateTime: 0, lastTransitionTime: 0 })) });
    if (cmp(status) !== cmp(d.status ?? {}) || JSON.stringify(annotations) !== JSON.stringify(d.metadata.annotations) || before === '') {
      d.status = status;
      d.metadata.annotations = annotations;
      store.touch(d);
      changed = true;
    }
  }
  return changed;
};
