/** `kubectl logs`: a container's log as the runtime keeps it (runtime/logs.ts), through the API server. */
import type { Obj } from '../../api/store.ts';
import { containerLog } from '../../runtime/logs.ts';
import { fail, type Kctx } from './context.ts';
import { findPod, pickContainer } from './exec.ts';
import { bool, str, type FlagSpec } from './flags.ts';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'timestamps', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'max-log-requests', type: 'int' },
];

export function logs(k: Kctx): void {
  const [target, maybeContainer] = k.p.args;
  if (!target && !str(k.p, 'selector')) {
    k.err += "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n";
    k.code = 1;
    return;
  }
  let pod: Obj | undefined;
  if (target) {
    pod = findPod(k, target);
    if (!pod) return;
    if (target.includes('/') && !/^(po|pod|pods)\//.test(target)) {
      const owners = k.store.list('Pod', k.namespace).filter((p) => (p.metadata.ownerReferences ?? []).length && p.metadata.labels && pod && Object.entries<string>(pod.metadata.labels).every(([a, b]) => p.metadata.labels[a] === b));
      if (owners.length > 1) k.err += `Found ${owners.length} pods, using pod/${pod.metadata.name}\n`;
    }
  } else {
    const sel = str(k.p, 'selector').split(',').map((s) => s.split('='));
    pod = k.store.list('Pod', k.namespace).find((p) => sel.every(([a, b]) => p.metadata.labels?.[a] === b));
    if (!pod) {
      k.err += `No resources found in ${k.namespace} namespace.\n`;
      return;
    }
  }
  const c = pickContainer(k, pod, str(k.p, 'container') || maybeContainer || '');
  if (!c) return;
  const st = (pod.status?.containerStatuses ?? []).find((s: Obj) => s.name === c.name);
  if (!st?.state?.running && !st?.state?.terminated && !st?.lastState?.terminated) {
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    const why = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason;
    k.err += `Error from server (BadRequest): container "${c.name}" in pod "${pod.metadata.name}" is waiting to start: ${why}\n`;
    k.code = 1;
    return;
  }
  if (bool(k.p, 'previous')) {
    if (!st.lastState?.terminated)
      return fail(k, `Error from server (BadRequest): previous terminated container "${c.name}" in pod "${pod.metadata.name}" not found\n`);
  }
  const started = st.state?.running?.startedAt ?? st.state?.terminated?.startedAt ?? st.lastState?.terminated?.startedAt ?? pod.metadata.creationTimestamp;
  let lines = containerLog(k.ctx.world, pod, c, started);
  const tail = str(k.p, 'tail');
  if (tail && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  if (bool(k.p, 'timestamps')) lines = lines.map((l) => `${started.replace('Z', '.000000000Z')} ${l}`);
  k.out += lines.map((l) => l + '\n').join('');
}
