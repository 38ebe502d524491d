/** StatefulSet controller: ordinal pods `<name>-0…`, one at a time (OrderedReady), PVCs from claim templates. */
import { clone, type Obj } from '../api/store.ts';
import { createPodFromTemplate, ownedBy, podActive, podReady, templateHash, type Controller } from './context.ts';

export const statefulSetController: Controller = (ctx) => {
  const { store } = ctx;
  let changed = false;
  for (const sts of store.list('StatefulSet')) {
    const ns = sts.metadata.namespace;
    const name = sts.metadata.name;
    const want = sts.spec.replicas ?? 1;
    const revision = `${name}-${templateHash(sts.spec.template)}`;
    const parallel = sts.spec.podManagementPolicy === 'Parallel';
    const pods = () => store.list('Pod', ns).filter((p) => ownedBy(p, sts) && podActive(p));
    for (let i = 0; i < want; i++) {
      const podName = `${name}-${i}`;
      const existing = store.get('Pod', ns, podName);
      if (existing) {
        if (!podReady(existing) && !parallel) break;
        continue;
      }
      for (const tpl of sts.spec.volumeClaimTemplates ?? []) {
        const claim = `${tpl.metadata?.name}-${podName}`;
        if (!store.get('PersistentVolumeClaim', ns, claim)) {
          const pvc = clone(tpl);
          pvc.apiVersion = 'v1';
          pvc.kind = 'PersistentVolumeClaim';
          pvc.metadata = { name: claim, namespace: ns, labels: { ...(sts.spec.selector?.matchLabels ?? {}) } };
          delete pvc.status;
          ctx.api.create(pvc, ns);
          store.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claim} Pod ${podName} in StatefulSet ${name} success`, 'statefulset-controller');
        }
      }
      const template = clone(sts.spec.template);
      template.spec.volumes = [
        ...(template.spec.volumes ?? []),
        ...(sts.spec.volumeClaimTemplates ?? []).map((t: Obj) => ({ name: t.metadata?.name, persistentVolumeClaim: { claimName: `${t.metadata?.name}-${podName}` } })),
      ];
      createPodFromTemplate(ctx, sts, template, podName, {
        labels: { 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName },
        hostname: podName,
        subdomain: sts.spec.serviceName || undefined,
      });
      store.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${name} successful`, 'statefulset-controller');
      changed = true;
      if (!parallel) break;
    }
    // Scale down from the highest ordinal.
    for (const p of pods().sort((a, b) => b.metadata.name.localeCompare(a.metadata.name, 'en', { numeric: true }))) {
      const ord = Number(p.metadata.name.slice(name.length + 1));
      if (ord >= want) {
        store.delete('Pod', ns, p.metadata.name);
        store.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`, 'statefulset-controller');
        changed = true;
        if (!parallel) break;
      }
    }
    const live = pods();
    const ready = live.filter(podReady).length;
    const status: Obj = {
      availableReplicas: ready,
      collisionCount: 0,
      currentReplicas: live.length,
      currentRevision: revision,
      observedGeneration: sts.metadata.generation,
      readyReplicas: ready,
      replicas: live.length,
      updateRevision: revision,
      updatedReplicas: live.length,
    };
    if (!ready) delete status.readyReplicas;
    if (JSON.stringify(status) !== JSON.stringify(sts.status)) {
      sts.status = status;
      store.touch(sts);
      changed = true;
    }
  }
  return changed;
};
