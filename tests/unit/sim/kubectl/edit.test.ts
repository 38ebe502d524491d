/**
 * `kubectl edit` as k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go runs it: the object goes
 * to a temp file, $KUBE_EDITOR (then $EDITOR, default vi) runs on it; an unchanged file prints
 * "Edit cancelled, no changes made." on stderr, a changed one updates the object and prints
 * "<kind>/<name> edited".
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('kubectl edit', () => {
  it('leaves the object alone when the editor saves nothing (vi closed without saving)', () => {
    const sim = createSimulator();
    const r = sim.run('kubectl -n kube-system edit configmap kube-proxy');
    expect(r).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });
  });

  it('applies what a non-interactive KUBE_EDITOR changed', () => {
    const sim = createSimulator();
    const r = sim.run(`KUBE_EDITOR="sed -i 's/mode: \\"\\"/mode: ipvs/'" kubectl -n kube-system edit configmap kube-proxy`);
    expect(r.stdout).toBe('configmap/kube-proxy edited\n');
    expect(r.exitCode).toBe(0);
    const mode = sim.run(`kubectl -n kube-system get configmap kube-proxy -o jsonpath='{.data.config\\.conf}' | grep '^mode'`);
    expect(mode.stdout).toBe('mode: ipvs\n');
  });

  it('falls back to EDITOR and removes its temp file', () => {
    const sim = createSimulator();
    const r = sim.run(`EDITOR="sed -i 's/replicas: 2/replicas: 3/'" kubectl -n kube-system edit deployment/coredns`);
    expect(r.stdout).toBe('deployment.apps/coredns edited\n');
    expect(sim.run("kubectl -n kube-system get deploy coredns -o jsonpath='{.spec.replicas}'").stdout).toBe('3');
    expect(sim.run('ls /tmp').stdout).not.toContain('kubectl-edit-');
  });

  it('reports a missing object as the server does', () => {
    const r = createSimulator().run('kubectl edit configmap nope');
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });
});
