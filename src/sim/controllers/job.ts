/**
 * Job controller (pkg/controller/job/job_controller.go), simply: it labels a new Job's pods
 * (the job strategy's generateSelector), keeps `parallelism` pods running until `completions`
 * have succeeded, then marks the Job SuccessCriteriaMet and Complete.
 */
import { rfc3339, type Obj, type Store } from '../api/store.ts';
import { createPodFromTemplate, ownedBy, podActive, type Controller } from './context.ts';

/** Labels the API server's job strategy puts on the template and uses as the selector (generateSelector). */
function ensureSelector(store: Store, job: Obj): boolean {
  if (job.spec.selector || job.spec.manualSelector) return false;
  const uid = job.metadata.uid;
  const name = job.metadata.name;
  job.spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  job.spec.template.metadata = {
    ...(job.spec.template.metadata ?? {}),
    labels: { ...(job.spec.template.metadata?.labels ?? {}), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name },
  };
  store.touch(job);
  return true;
}

/** When the last of a Job's pods finished (its containers' finishedAt), else now. */
function finishedAt(pods: Obj[], now: number): string {
  let last = 0;
  for (const p of pods)
    for (const s of p.status?.containerStatuses ?? []) {
      const t = Date.parse(s.state?.terminated?.finishedAt ?? '');
      if (t > last) last = t;
    }
  return rfc3339(last || now);
}

function done(job: Obj): boolean {
  return (job.status?.conditions ?? []).some((c: Obj) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export const jobController: Controller = (ctx) => {
  const { store } = ctx;
  let changed = false;
  for (const job of store.list('Job')) {
    if (job.metadata.deletionTimestamp || done(job)) continue;
    if (ensureSelector(store, job)) changed = true;
    if (job.spec.suspend) continue;
    const ts = rfc3339(ctx.now());
    const pods = store.list('Pod', job.metadata.namespace).filter((p) => ownedBy(p, job));
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded');
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    let active = pods.filter(podActive).length;
    const completions = job.spec.completions ?? 1;
    const status: Obj = { ...(job.status ?? {}) };
    status.startTime ??= ts;
    if (succeeded.length >= completions) {
      const at = finishedAt(succeeded, ctx.now());
      status.completionTime = at;
      status.conditions = [
        { lastProbeTime: at, lastTransitionTime: at, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'SuccessCriteriaMet' },
        { lastProbeTime: at, lastTransitionTime: at, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'Complete' },
      ];
      delete status.active;
      status.ready = 0;
      status.succeeded = succeeded.length;
      status.terminating = 0;
      status.uncountedTerminatedPods = {};
      job.status = status;
      store.touch(job);
      store.event(job, 'Normal', 'Completed', 'Job completed', 'job-controller');
      changed = true;
      continue;
    }
    const want = Math.min(job.spec.parallelism ?? 1, completions - succeeded.length);
    for (; active < want; active++) {
      const name = `${job.metadata.name}-${store.rng.suffix(5)}`;
      const pod = createPodFromTemplate(ctx, job, job.spec.template, name);
      if (!pod) break;
      store.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'job-controller');
      changed = true;
    }
    const ready = pods.filter((p) => podActive(p) && (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True')).length;
    const next: Obj = { ...status, ready, terminating: 0, uncountedTerminatedPods: {} };
    if (active) next.active = active;
    else delete next.active;
    if (succeeded.length) next.succeeded = succeeded.length;
    if (failed) next.failed = failed;
    if (JSON.stringify(next) !== JSON.stringify(job.status ?? {})) {
      job.status = next;
      store.touch(job);
      changed = true;
    }
  }
  return changed;
};
