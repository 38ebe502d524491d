/** `kubectl logs`: a container's log as the runtime keeps it (runtime/logs.ts), through the API server. */
import type { Obj } from '../../api/store.ts';
import { containerLog } from '../../runtime/logs.ts';
import { fail, type Kctx } from './context.ts';
import { findPod, pickContainer } from './exec.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { matches } from '../../api/selectors.ts';
import { parseLabelSelector } from './resources.ts';
import { resolveResource, type ResourceInfo } from '../../api/kinds.ts';

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
  const selector = str(k.p, 'selector');
  if (!target && !selector) {
    k.err += "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n";
    k.code = 1;
    return;
  }
  let pods: Obj[];
  if (target) {
    const pod = findPod(k, target);
    if (!pod) return;
    if (target.includes('/') && !/^(po|pod|pods)\//.test(target)) {
      const owners = k.store.list('Pod', k.namespace).filter((p) => (p.metadata.ownerReferences ?? []).length && p.metadata.labels && Object.entries<string>(pod.metadata.labels).every(([a, b]) => p.metadata.labels[a] === b));
      if (owners.length > 1) k.err += `Found ${owners.length} pods, using pod/${pod.metadata.name}\n`;
    }
    pods = [pod];
  } else {
    const reqs = parseLabelSelector(selector, resolveResource('pods') as ResourceInfo);
    if (typeof reqs === 'string') return fail(k, reqs);
    pods = k.store.list('Pod', k.namespace).filter((p) => matches(reqs, p.metadata.labels));
    if (!pods.length) {
      k.err += `No resources found in ${k.namespace} namespace.\n`;
      return;
    }
  }
  // --tail defaults to -1 (everything), or to 10 lines per container with a selector.
  const tail = k.p.flags.has('tail') ? Number(str(k.p, 'tail')) : selector ? 10 : -1;
  // A selector's pods are read one after the other; the first error ends the output (sequentialConsumeRequest).
  for (const pod of pods) {
    const c = pickContainer(k, pod, str(k.p, 'container') || maybeContainer || '');
    if (!c) return;
    let lines = podLog(k, pod, c);
    if (!lines) return;
    if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
    const prefix = bool(k.p, 'prefix') ? `[pod/${pod.metadata.name}/${c.name}] ` : '';
    k.out += lines.map((l) => `${prefix}${l}\n`).join('');
  }
}

/** One container's log lines (with --timestamps), or undefined after the server's error. */
function podLog(k: Kctx, pod: Obj, c: Obj): string[] | undefined {
  const st = (pod.status?.containerStatuses ?? []).find((s: Obj) => s.name === c.name);
  if (!st?.state?.running && !st?.state?.terminated && !st?.lastState?.terminated) {
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    const why = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason;
    k.err += `Error from server (BadRequest): container "${c.name}" in pod "${pod.metadata.name}" is waiting to start: ${why}\n`;
    k.code = 1;
    return undefined;
  }
  if (bool(k.p, 'previous') && !st.lastState?.terminated) {
    fail(k, `Error from server (BadRequest): previous terminated container "${c.name}" in pod "${pod.metadata.name}" not found\n`);
    return undefined;
  }
  const started = st.state?.running?.startedAt ?? st.state?.terminated?.startedAt ?? st.lastState?.terminated?.startedAt ?? pod.metadata.creationTimestamp;
  const lines = containerLog(k.ctx.world, pod, c, started);
  return bool(k.p, 'timestamps') ? lines.map((l) => `${started.replace('Z', '.000000000Z')} ${l}`) : lines;
}
