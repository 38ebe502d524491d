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
    expect(d).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       StartError\n      Exit Code:    128\n');
    expect(out("kubectl get pod kube-scheduler-controlplane -n kube-system -o jsonpath='{.status.containerStatuses[0].lastState.terminated.message}'")).toContain('exec: "kube-schedulerr": executable file not found in $PATH');
    out("sed -i 's/- kube-schedulerr$/- kube-scheduler/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    run('sleep 5');
    expect(row(out('kubectl get pods'), 'web')?.[2]).toBe('Running');
    expect(row(out('kubectl get pods -n kube-system'), 'kube-scheduler-controlplane')?.[2]).toBe('Running');
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
