/**
 * CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go), simply: at the most recent
 * schedule time that has passed it creates the Job `<name>-<minutes since the epoch>`, tracks the
 * active Jobs, notes completed ones and keeps successfulJobsHistoryLimit of them. Times are UTC,
 * as kube-controller-manager runs on a kubeadm node.
 */
import { rfc3339, type Obj, type Store } from '../api/store.ts';
import { controllerRef, ownedBy, type Controller } from './context.ts';

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The set of values one cron field allows, or undefined when it does not parse. */
function field(text: string, min: number, max: number): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const step = m[2] ? Number(m[2]) : 1;
    let lo = min;
    let hi = max;
    if (m[1] !== '*') {
      const [a, b] = m[1].split('-').map(Number);
      lo = a;
      hi = b ?? (m[2] ? max : a);
    }
    if (step < 1 || lo < min || hi > max || lo > hi) return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** A parsed standard cron schedule (robfig/cron's standard parser, as the controller uses). */
export function parseSchedule(schedule: string): ((t: Date) => boolean) | undefined {
  const parts = (MACROS[schedule.trim()] ?? schedule).trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const [mi, h, dom, mon, dow] = [field(parts[0], 0, 59), field(parts[1], 0, 23), field(parts[2], 1, 31), field(parts[3], 1, 12), field(parts[4].replace(/\b7\b/g, '0'), 0, 6)];
  if (!mi || !h || !dom || !mon || !dow) return undefined;
  const anyDom = parts[2] === '*';
  const anyDow = parts[4] === '*';
  return (t) => {
    if (!mi.has(t.getUTCMinutes()) || !h.has(t.getUTCHours()) || !mon.has(t.getUTCMonth() + 1)) return false;
    const d = dom.has(t.getUTCDate());
    const w = dow.has(t.getUTCDay());
    // Cron's rule: when both day fields are restricted, either one matching is enough.
    return anyDom || anyDow ? d && w : d || w;
  };
}

/** The most recent schedule time in (after, now], looking back at most a week. */
function lastMissed(matches: (t: Date) => boolean, after: number, now: number): number | undefined {
  const start = Math.max(after, now - 7 * 24 * 3600_000);
  for (let t = Math.floor(now / 60_000) * 60_000; t > start; t -= 60_000) if (matches(new Date(t))) return t;
  return undefined;
}

function finished(job: Obj): string | undefined {
  return (job.status?.conditions ?? []).find((c: Obj) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;
}

function ref(job: Obj): Obj {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid };
}

function sync(store: Store, cj: Obj, now: number, create: (job: Obj) => Obj | undefined): boolean {
  let changed = false;
  const jobs = store.list('Job', cj.metadata.namespace).filter((j) => ownedBy(j, cj));
  const status: Obj = { ...(cj.status ?? {}) };
  const seen = new Set<string>((status.active ?? []).map((r: Obj) => r.uid));
  for (const j of jobs) {
    const end = finished(j);
    if (end && seen.has(j.metadata.uid)) {
      store.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${end}`, 'cronjob-controller');
      if (end === 'Complete') status.lastSuccessfulTime = j.status.completionTime;
    }
  }
  const matches = parseSchedule(String(cj.spec.schedule ?? ''));
  const last = status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : Date.parse(cj.metadata.creationTimestamp);
  const due = matches && !cj.spec.suspend ? lastMissed(matches, last, now) : undefined;
  const running = jobs.filter((j) => !finished(j));
  if (due !== undefined && !(cj.spec.concurrencyPolicy === 'Forbid' && running.length)) {
    if (cj.spec.concurrencyPolicy === 'Replace') for (const j of running) store.delete('Job', j.metadata.namespace, j.metadata.name);
    const tpl = cj.spec.jobTemplate ?? {};
    const name = `${cj.metadata.name}-${Math.floor(due / 60_000)}`;
    const job = create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        annotations: { ...(tpl.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339(due) },
        ownerReferences: [controllerRef(cj)],
      },
      spec: JSON.parse(JSON.stringify(tpl.spec ?? {})),
    });
    if (job) store.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`, 'cronjob-controller');
    status.lastScheduleTime = rfc3339(due);
    changed = true;
  }
  // History limits: the oldest finished Jobs beyond the limits go.
  for (const [kind, limit] of [['Complete', cj.spec.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec.failedJobsHistoryLimit ?? 1]] as const) {
    const old = store
      .list('Job', cj.metadata.namespace)
      .filter((j) => ownedBy(j, cj) && finished(j) === kind)
      .sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
    for (const j of old.slice(0, Math.max(0, old.length - limit))) {
      store.delete('Job', j.metadata.namespace, j.metadata.name);
      store.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, 'cronjob-controller');
      changed = true;
    }
  }
  const active = store.list('Job', cj.metadata.namespace).filter((j) => ownedBy(j, cj) && !finished(j)).map(ref);
  if (active.length) status.active = active;
  else delete status.active;
  if (JSON.stringify(status) !== JSON.stringify(cj.status ?? {})) {
    cj.status = status;
    store.touch(cj);
    changed = true;
  }
  return changed;
}

export const cronJobController: Controller = (ctx) => {
  let changed = false;
  for (const cj of ctx.store.list('CronJob')) {
    if (cj.metadata.deletionTimestamp) continue;
    if (sync(ctx.store, cj, ctx.now(), (job) => ctx.api.create(job, job.metadata.namespace).obj)) changed = true;
  }
  return changed;
};
