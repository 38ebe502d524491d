import { describe, expect, it, vi } from 'vitest';
import { ops, row } from './helpers.ts';

// Whole-cluster sequences with long sleeps take a few seconds each.
vi.setConfig({ testTimeout: 60_000 });

// kube-controller-manager: --node-monitor-grace-period 50s since v1.32 (kubernetes/kubernetes#126287);
// conditions Unknown "Kubelet stopped posting node status." and the node.kubernetes.io/unreachable taints
// (pkg/controller/nodelifecycle/node_lifecycle_controller.go); DefaultTolerationSeconds admission adds
// tolerationSeconds 300 for not-ready/unreachable NoExecute, after which the taint-eviction controller
// deletes the pod ("Marking for deletion Pod default/x", pkg/controller/tainteviction/taint_eviction.go).
// A pod deleted on an unreachable node stays Terminating until its kubelet confirms.
describe('a stopped kubelet', () => {
  it('turns the node NotReady after 50 s, evicts its pods after 300 s, and recovers when started', () => {
    const { run, out } = ops();
    out('kubectl create deployment web --image=nginx --replicas=4');
    out(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: solo
spec:
  nodeName: node01
  containers:
  - name: c
    image: nginx
EOF`);
    const before = out('kubectl get pods -o wide');
    const onNode01 = before.split('\n').filter((l) => / node01 /.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(onNode01).toContain('solo');
    expect(onNode01.length).toBeGreaterThanOrEqual(2);

    out('ssh node01 systemctl stop kubelet');
    run('sleep 45');
    expect(row(out('kubectl get nodes'), 'node01')?.[1]).toBe('Ready');
    run('sleep 10');
    expect(row(out('kubectl get nodes'), 'node01')?.[1]).toBe('NotReady');
    const describe = out('kubectl describe node node01');
    expect(describe).toContain('Taints:             node.kubernetes.io/unreachable:NoSchedule\n                    node.kubernetes.io/unreachable:NoExecute\n');
    expect(describe).toContain('Kubelet stopped posting node status.');

    run('sleep 240'); // 295 s after the stop: the 300 s tolerations have not run out yet
    for (const name of onNode01) expect(out('kubectl get pods').includes(`${name} `) && !out('kubectl get pod ' + name).includes('Terminating')).toBe(true);
    run('sleep 60');
    const after = out('kubectl get pods -o wide');
    for (const name of onNode01) expect(row(after, name)?.[2]).toBe('Terminating');
    // The ReplicaSet replaced its pods on node02; the bare pod has no replacement.
    const running = after.split('\n').filter((l) => l.startsWith('web-') && l.includes(' Running '));
    expect(running).toHaveLength(4);
    expect(running.every((l) => l.includes(' node02 '))).toBe(true);
    expect(out('kubectl get events').includes('Marking for deletion Pod default/solo')).toBe(true);

    out('ssh node01 systemctl start kubelet');
    expect(row(out('kubectl get nodes'), 'node01')?.[1]).toBe('Ready');
    const final = out('kubectl get pods');
    expect(final).not.toContain('Terminating');
    expect(final).not.toContain('solo');
  });

  it('keeps the kubelet-stopped scenario fixable with its own solution', () => {
    const { sim } = ops('kubelet-stopped');
    expect(sim.check().every((c) => c.pass)).toBe(false);
    for (const s of sim.scenario.solution ?? []) sim.run(s);
    expect(sim.check().every((c) => c.pass)).toBe(true);
  });
});
