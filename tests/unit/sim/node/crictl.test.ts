/**
 * crictl ps/pods/logs filters as cri-tools' container.go and sandbox.go apply them: running only
 * unless -a, --state, --latest or --last; --name and --namespace as unanchored regular expressions;
 * --pod/--id by prefix; newest first; -q for IDs; log.Fatalf's line for a bad --state.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

const names = (table: string) => table.trim().split('\n').slice(1).map((l) => l.split(/\s{2,}/)[4]);

describe('crictl filters', () => {
  const sim = createSimulator({ scenario: 'broken-control-plane' });
  const run = (line: string) => sim.run(line);

  it('shows only the containers --name matches, running ones unless -a', () => {
    expect(names(run('crictl ps -a --name kube-scheduler').stdout)).toEqual(['kube-scheduler']);
    expect(run('crictl ps --name kube-scheduler').stdout.trim().split('\n')).toHaveLength(1);
    expect(names(run('crictl ps --name=kube-').stdout)).toEqual(['kube-flannel', 'kube-proxy', 'kube-apiserver', 'kube-controller-manager']);
    expect(names(run('crictl ps --name "^kube-(api|sched)"').stdout)).toEqual(['kube-apiserver']);
  });

  it('filters by state, newest first, and --latest takes every state', () => {
    expect(names(run('crictl ps -s exited').stdout)).toEqual(['kube-scheduler']);
    expect(names(run('crictl ps --latest').stdout)).toEqual(['kube-scheduler']);
    expect(run('crictl ps -n 2 -q').stdout.trim().split('\n')).toHaveLength(2);
    expect(run('crictl ps --state bogus')).toMatchObject({ stdout: '', stderr: '2026/11/25 09:00:00 --state should be one of created, running, exited or unknown\n', exitCode: 1 });
  });

  it('prints full IDs with -q or --no-trunc, and filters pods by name and namespace', () => {
    const id = run('crictl ps -aq --name=etcd').stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(run('crictl ps --no-trunc --name etcd').stdout).toContain(id);
    expect(run(`crictl ps --id ${id.slice(0, 6)} -q`).stdout).toBe(`${id}\n`);
    // crictl's own flags before the verb take their values.
    expect(run('crictl --runtime-endpoint unix:///run/containerd/containerd.sock ps -q --name etcd').stdout).toBe(`${id}\n`);
    const pods = run('crictl pods --name coredns').stdout.trim().split('\n').slice(1);
    expect(pods.map((l) => l.split(/\s{2,}/)[3])).toEqual(['coredns-76769f9b8-jh6qp', 'coredns-76769f9b8-kwvlk']);
    expect(run('crictl pods --namespace kube-flannel -q').stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads logs --tail N ID, and says which verbs and formats it does not simulate', () => {
    const id = run('crictl ps -q --name etcd').stdout.trim();
    expect(run(`crictl logs --tail 1 ${id}`).exitCode).toBe(0);
    expect(run('crictl logs').stderr).toMatch(/level=fatal msg="ID cannot be empty"/);
    expect(run('crictl inspect abc').stderr).toBe('kubesim: crictl inspect: not simulated in this sandbox (ps, pods, logs, images and version are)\n');
    expect(run('crictl ps -o wide').stderr).toMatch(/msg="listing containers: list containers: unsupported output format \\"wide\\""/);
    expect(run('crictl bogus')).toMatchObject({ stderr: "No help topic for 'bogus'\n", exitCode: 3 });
  });
});

// runtime/containers.ts and runtime/logs.ts: one list of sandboxes and one log per container, so
// crictl, ps and kubectl agree on IDs, images and log lines.
describe('crictl and the runtime it reads', () => {
  it('prints the log kubectl logs prints, klog writers on standard error', () => {
    const sim = createSimulator();
    sim.run('kubectl create deploy web --image=nginx');
    sim.run('sleep 20');
    const pod = sim.run('kubectl get pods -l app=web -o name').stdout.trim();
    const node = sim.run(`kubectl get ${pod} -o jsonpath='{.spec.nodeName}'`).stdout;
    const viaCrictl = sim.run(`ssh ${node} 'crictl logs $(crictl ps -q --name nginx)'`);
    expect(viaCrictl.stdout).toBe(sim.run(`kubectl logs ${pod}`).stdout);
    expect(viaCrictl.stdout).toContain('Configuration complete; ready for start up\n');
    const apiserver = sim.run('crictl logs --tail 1 $(crictl ps -q --name kube-apiserver)');
    expect(apiserver).toMatchObject({ stdout: '', exitCode: 0 });
    expect(apiserver.stderr).toMatch(/^I\d{4} [\d:.]+ +1 secure_serving\.go:211\] Serving securely on \[::\]:6443\n$/);
  });

  it('lists the images its containers run and the pinned pause image, each with one ID on every node', () => {
    const sim = createSimulator();
    const images = (host: string) => sim.run(`ssh ${host} crictl images`).stdout.trim().split('\n').slice(1).map((l) => l.split(/\s{2,}/));
    const cp = images('controlplane');
    expect(cp.map((r) => r[0])).toContain('registry.k8s.io/kube-apiserver');
    expect(cp.find((r) => r[0] === 'registry.k8s.io/pause')?.[1]).toBe('3.10.1');
    const proxy = (rows: string[][]) => rows.find((r) => r[0] === 'registry.k8s.io/kube-proxy')?.[2];
    expect(proxy(images('node01'))).toBe(proxy(cp));
    // crictl ps's IMAGE column is that ID.
    const ps = sim.run('crictl ps --name kube-proxy').stdout.trim().split('\n')[1].split(/\s{2,}/);
    expect(ps[1]).toBe(proxy(cp));
  });
});
