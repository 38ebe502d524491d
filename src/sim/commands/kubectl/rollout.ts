/** `kubectl rollout status|history|undo|restart` for Deployments (instant rollouts in the simulator). */
import { resolveResource } from '../../api/kinds.ts';
import { clone, rfc3339, type Obj } from '../../api/store.ts';
import { goTabwriter } from '../../printers/table.ts';
import { fail, type Kctx } from './context.ts';
import { kindName } from './common.ts';
import { getOrNotFound } from './lookup.ts';
import { str, type FlagSpec } from './flags.ts';
import { noResourceType } from './errors.ts';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'to-revision', type: 'int' },
  { name: 'revision', type: 'int' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
];

function ownedRS(k: Kctx, d: Obj): Obj[] {
  return k.store
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === d.metadata.uid))
    .sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']));
}

export function rollout(k: Kctx): void {
  const [sub, target, maybeName] = k.p.args;
  let kind = target ?? '';
  let name = maybeName ?? '';
  if (kind.includes('/')) [kind, name] = kind.split('/');
  if (!sub || !kind || !name) {
    k.err += "error: required resource not specified\nSee 'kubectl rollout -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const r = resolveResource(kind);
  if (!r) return fail(k, noResourceType(kind));
  const o = getOrNotFound(k, r, name);
  if (!o) return;
  switch (sub) {
    case 'status':
      if (r.kind === 'Deployment') k.out += `deployment "${name}" successfully rolled out\n`;
      else if (r.kind === 'DaemonSet') k.out += `daemon set "${name}" successfully rolled out\n`;
      else if (r.kind === 'StatefulSet') k.out += `partitioned roll out complete: ${o.status?.readyReplicas ?? 0} new pods have been updated...\n`;
      return;
    case 'history': {
      if (r.kind !== 'Deployment') return fail(k, `no history for ${r.kind}`);
      const rev = str(k.p, 'revision');
      const rss = ownedRS(k, o);
      if (rev) {
        const rs = rss.find((x) => x.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev);
        if (!rs) return fail(k, `unable to find the specified revision`);
        k.out += `${kindName(o)} with revision #${rev}\nPod Template:\n  Labels:\t${Object.entries<string>(rs.spec.template.metadata?.labels ?? {}).map(([a, b]) => `${a}=${b}`).join('\n\t')}\n  Containers:\n`;
        for (const c of rs.spec.template.spec.containers) k.out += `   ${c.name}:\n    Image:\t${c.image}\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n`;
        k.out += '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n';
        return;
      }
      const rows = [['REVISION', 'CHANGE-CAUSE']];
      for (const rs of rss) rows.push([rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '', rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>']);
      // history.go: tabbedString (padding 2) handed to the name printer as its "operation".
      k.out += `${kindName(o)} \n${goTabwriter(rows.map((r) => r.join('\t')).join('\n') + '\n', 2)}\n`;
      return;
    }
    case 'undo': {
      const rss = ownedRS(k, o);
      const want = str(k.p, 'to-revision');
      const current = rss[rss.length - 1];
      const target = want && want !== '0' ? rss.find((x) => x.metadata.annotations?.['deployment.kubernetes.io/revision'] === want) : rss[rss.length - 2];
      if (!target) return fail(k, want ? `unable to find specified revision ${want} in history` : 'no rollout history found for deployment "' + name + '"');
      if (target === current) {
        k.out += `${kindName(o)} skipped rollback (current template already matches revision ${want})\n`;
        return;
      }
      const next = clone(o);
      next.spec.template = clone(target.spec.template);
      delete next.spec.template.metadata.labels['pod-template-hash'];
      k.api.update(next);
      k.out += `${kindName(o)} rolled back\n`;
      return;
    }
    case 'restart': {
      const next = clone(o);
      next.spec.template.metadata ??= {};
      next.spec.template.metadata.annotations = { ...(next.spec.template.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(k.now).replace('Z', '+00:00') };
      k.api.update(next);
      k.out += `${kindName(o)} restarted\n`;
      return;
    }
    case 'pause':
    case 'resume': {
      const next = clone(o);
      next.spec.paused = sub === 'pause';
      if (!next.spec.paused) delete next.spec.paused;
      k.api.update(next);
      k.out += `${kindName(o)} ${sub === 'pause' ? 'paused' : 'resumed'}\n`;
      return;
    }
    default:
      k.err += `error: unknown command "${sub}" for "kubectl rollout"\n`;
      k.code = 1;
  }
}
