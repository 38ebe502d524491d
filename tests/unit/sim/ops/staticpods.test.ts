import { describe, expect, it, vi } from 'vitest';
import { ops, row } from './helpers.ts';

// Whole-cluster sequences with long sleeps take a few seconds each.
vi.setConfig({ testTimeout: 60_000 });

// The kubelet's file source (pkg/kubelet/config/file.go) runs every file of staticPodPath as a pod with
// a mirror pod "<name>-<node>"; a changed file restarts the pod. A container whose command cannot be
// executed fails with StartError and backs off (CrashLoopBackOff, 10 s doubling to 5 min,
// pkg/kubelet/kuberuntime); an unparsable file is logged as "Could not process manifest file".
// kubectl's refusal: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (the server from /root/.kube/config).
describe('static pods', () => {
  it('a broken kube-scheduler manifest stops scheduling until the file is fixed', () => {
    const { run, out } = ops();
    out("sed -i 's/- kube-scheduler$/- kube-schedulerr/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    out('kubectl run web --image=nginx');
    run('sleep 60');
    expect(row(out('kubectl get pods'), 'web')?.[2]).toBe('Pending');
    const sched = row(out('kubectl get pods -n kube-system'), 'kube-scheduler-controlplane');
    expect(sched?.[1]).toBe('0/1');
    expect(sched?.[2]).toBe('CrashLoopBackOff');
    expect(Number(sched?.[3])).toBeGreaterThanOrEqual(3);
    const d = out('kubectl describe pod kube-scheduler-controlplane -n kube-system');
    // describeContainerState prints the runtime's message under Last State: the line that names the typo.
    expect(d).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       StartError\n      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "kube-schedulerr": executable file not found in $PATH: unknown\n      Exit Code:    128\n');
    // The kubelet's events name the static pod (UID = config hash); describe finds them through config.mirror.
    expect(d).toMatch(/\n  Warning  Failed   \d+s \(x\d+ over \d+s\) +kubelet  Error: failed to create containerd task: .*exec: "kube-schedulerr": executable file not found in \$PATH: unknown\n/);
    expect(d).toMatch(/\n  Warning  BackOff  \d+s \(x\d+ over \d+s\) +kubelet  Back-off restarting failed container kube-scheduler in pod kube-scheduler-controlplane_kube-system\([0-9a-f]{32}\)\n/);
    expect(out("kubectl get pod kube-scheduler-controlplane -n kube-system -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'")).toMatch(/^back-off (10|20|40)s restarting failed container=kube-scheduler /);
    expect(out("kubectl get pod kube-scheduler-controlplane -n kube-system -o jsonpath='{.status.containerStatuses[0].lastState.terminated.message}'")).toContain('exec: "kube-schedulerr": executable file not found in $PATH');
    // The back-off doubles to its 5-minute cap, printed as Go prints a time.Duration.
    run('sleep 300');
    expect(out("kubectl get pod kube-scheduler-controlplane -n kube-system -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'")).toMatch(/^back-off 5m0s restarting /);
    out("sed -i 's/- kube-schedulerr$/- kube-scheduler/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    run('sleep 5');
    expect(row(out('kubectl get pods'), 'web')?.[2]).toBe('Running');
    expect(row(out('kubectl get pods -n kube-system'), 'kube-scheduler-controlplane')?.[2]).toBe('Running');
    // The new pod's own events: pulled (present), created, started.
    expect(out('kubectl describe pod kube-scheduler-controlplane -n kube-system')).toMatch(/\n  Normal  Pulled   5s    kubelet  Container image "registry\.k8s\.io\/kube-scheduler:v1\.34\.2" already present on machine\n  Normal  Created  5s    kubelet  Created container: kube-scheduler\n  Normal  Started  5s    kubelet  Started container kube-scheduler\n$/);
  });

  // The kubelet records its events against the static pod (UID = config hash), aggregated by client-go's
  // correlator: a count and the first and last time. A run the manifest's change ended keeps its events.
  it('lists the kubelet\'s events about a static pod, those of the run a fix replaced included', () => {
    const { run, out } = ops();
    out("sed -i 's/- kube-scheduler$/- kube-schedulerr/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    run('sleep 60');
    out("sed -i 's/- kube-schedulerr$/- kube-scheduler/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    run('sleep 5');
    const lines = out('kubectl get events -n kube-system').split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    const ev = (reason: string, message: string) => lines.filter((l) => new RegExp(`^\\S+ +\\w+ +${reason} +pod/kube-scheduler-controlplane +${message}`).test(l));
    expect(ev('Failed', 'Error: failed to create containerd task: .*"kube-schedulerr": executable file not found')).toHaveLength(1);
    expect(ev('BackOff', 'Back-off restarting failed container kube-scheduler in pod kube-scheduler-controlplane_kube-system')).toHaveLength(1);
    // Pulled and Created twice (the broken run and the fixed one), Started once.
    expect(ev('Pulled', 'Container image "registry.k8s.io/kube-scheduler:v1.34.2" already present on machine')).toHaveLength(2);
    expect(ev('Created', 'Created container: kube-scheduler')).toHaveLength(2);
    expect(ev('Started', 'Started container kube-scheduler')).toEqual([expect.stringMatching(/^5s +Normal +Started /)]);
    // An hour later the API server has forgotten them (--event-ttl).
    run('sleep 3700');
    expect(out('kubectl get events -n kube-system --field-selector involvedObject.name=kube-scheduler-controlplane')).toBe('');
  });

  it('a wrong image tag gives ErrImagePull then ImagePullBackOff', () => {
    const { run, out } = ops();
    out("sed -i 's|kube-controller-manager:v1.34.2|kube-controller-manager:v1.34.99|' /etc/kubernetes/manifests/kube-controller-manager.yaml");
    expect(row(out('kubectl get pods -n kube-system'), 'kube-controller-manager-controlplane')?.[2]).toBe('ErrImagePull');
    run('sleep 15');
    expect(row(out('kubectl get pods -n kube-system'), 'kube-controller-manager-controlplane')?.[2]).toBe('ImagePullBackOff');
    // Without the controller manager a new Deployment gets no ReplicaSet.
    out('kubectl create deployment d --image=nginx');
    run('sleep 5');
    expect(out('kubectl get rs')).not.toContain('d-');
  });

  it('no kube-apiserver manifest: every kubectl command is refused; putting it back restores the API', () => {
    const { run, out } = ops();
    out('mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/');
    expect(run('kubectl get nodes')).toEqual({
      stdout: '',
      stderr: 'The connection to the server 192.168.121.10:6443 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    });
    out('mv /root/kube-apiserver.yaml /etc/kubernetes/manifests/');
    run('sleep 15');
    expect(out('kubectl get nodes')).toContain('controlplane');
  });

  it('an unparsable manifest is skipped and logged by the kubelet', () => {
    const { run, out } = ops();
    out("sed -i 's/^kind: Pod$/kind: Pod\\n  bad: [/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    run('sleep 5');
    expect(out('kubectl get pods -n kube-system')).not.toContain('kube-scheduler-controlplane');
    expect(out('journalctl -u kubelet')).toContain('"Could not process manifest file" err="/etc/kubernetes/manifests/kube-scheduler.yaml: couldn\'t parse as pod(yaml: line');
  });

  it('the broken-control-plane scenario is fixed by its solution', () => {
    const { sim } = ops('broken-control-plane');
    expect(sim.check().some((c) => !c.pass)).toBe(true);
    for (const s of sim.scenario.solution ?? []) sim.run(s);
    expect(sim.check().map((c) => c.pass)).toEqual([true, true]);
  });
});
