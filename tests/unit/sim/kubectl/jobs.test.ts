import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

// kubectl create job / cronjob: staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go (container named
// after the Job, restartPolicy Never, "either --image or --from must be specified") and create_cronjob.go
// (restartPolicy OnFailure by default). Columns: printJob / printCronJob in
// pkg/printers/internalversion/printers.go (NAME STATUS COMPLETIONS DURATION AGE; NAME SCHEDULE TIMEZONE
// SUSPEND ACTIVE LAST SCHEDULE AGE). Labels and selector: pkg/registry/batch/job/strategy.go generateSelector.
// Job names of a CronJob: pkg/controller/cronjob/utils.go getJobName (minutes since the epoch).
describe('Jobs and CronJobs', () => {
  it('runs a Job to completion and lists it', () => {
    const { k, cluster } = makeWorld();
    expect(k(['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hello']).stdout).toBe('job.batch/hello created\n');
    const job = cluster.store.get('Job', 'default', 'hello')!;
    expect(job.spec.template.spec.containers[0]).toMatchObject({ name: 'hello', image: 'busybox', command: ['echo', 'hello'] });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec).toMatchObject({ backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed', suspend: false });
    const uid = job.metadata.uid;
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const pods = cluster.store.list('Pod', 'default');
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).toMatch(/^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0].metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'hello', 'controller-uid': uid, 'job-name': 'hello' });
    expect(k('get pods').stdout).toMatch(/^hello-\w{5}\s+0\/1\s+Completed\s+0\s+0s$/m);
    expect(k('get jobs').stdout).toBe('NAME    STATUS     COMPLETIONS   DURATION   AGE\nhello   Complete   1/1           1s         0s\n');
    expect(job.status.conditions.map((c: { type: string }) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(k('delete job hello').stdout).toBe('job.batch "hello" deleted from default namespace\n');
    expect(cluster.store.list('Pod', 'default')).toEqual([]);
  });

  it('keeps a Job Running while its pod runs', () => {
    const { k } = makeWorld();
    k('create job web --image=nginx');
    expect(k('get jobs').stdout).toBe("NAME   STATUS    COMPLETIONS   DURATION   AGE\nweb    Running   0/1           0s         0s\n");
  });

  it('says what create job and create cronjob need', () => {
    const { k } = makeWorld();
    expect(k('create job x').stderr).toBe('error: either --image or --from must be specified\n');
    expect(k('create cronjob x --image=busybox').stderr).toBe('error: required flag(s) "schedule" not set\n');
    expect(k('create job x --from=cronjob/nope').stderr).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });

  it('creates the Job of each schedule time of a CronJob', () => {
    const { k, world, cluster } = makeWorld();
    expect(k(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date']).stdout).toBe('cronjob.batch/tick created\n');
    const cj = cluster.store.get('CronJob', 'default', 'tick')!;
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(k('get cronjobs').stdout).toBe('NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntick   */5 * * * *   <none>     false     0        <none>          0s\n');
    world.clock.advance(5 * 60_000);
    world.tick();
    const due = Math.floor(world.clock.now() / 300_000) * 300_000;
    const jobs = cluster.store.list('Job', 'default');
    expect(jobs.map((j) => j.metadata.name)).toEqual([`tick-${due / 60_000}`]);
    expect(jobs[0].metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(new Date(due).toISOString().replace('.000Z', 'Z'));
    expect(k('get cj tick').stdout).toMatch(/^tick   \*\/5 \* \* \* \*   <none>     false     0        \d+s\s+5m\d*s?$/m);
    // Four more runs: only three successful Jobs are kept.
    for (let i = 0; i < 4; i++) {
      world.clock.advance(5 * 60_000);
      world.tick();
    }
    expect(cluster.store.list('Job', 'default')).toHaveLength(3);
  });
});
