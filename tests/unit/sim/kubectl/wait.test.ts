import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

// staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go: "condition met" per object from the name printer,
// wait.ErrWaitTimeout extended with "on RESOURCE/NAME", errNoMatchingResources, conditionFuncFor's errors.
describe('kubectl wait', () => {
  it('prints "condition met" for conditions, jsonpath values and deletions', () => {
    const sim = createSimulator();
    sim.run('kubectl create deploy web --image=nginx --replicas=2');
    const ready = sim.run('kubectl wait --for=condition=Ready pod -l app=web --timeout=60s');
    expect(ready.exitCode).toBe(0);
    expect(ready.stdout).toMatch(/^pod\/web-[\w-]+ condition met\npod\/web-[\w-]+ condition met\n$/);
    expect(sim.run('kubectl wait --for=condition=available deployment/web').stdout).toBe('deployment.apps/web condition met\n');
    expect(sim.run("kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 deploy/web").stdout).toBe('deployment.apps/web condition met\n');
    expect(sim.run("kubectl wait --for=jsonpath='{.spec.replicas}' deploy/web").stdout).toBe('deployment.apps/web condition met\n');
    sim.run('kubectl run gone --image=nginx');
    expect(sim.run('kubectl delete pod gone --wait=false').exitCode).toBe(0);
    const deleted = sim.run('kubectl wait --for=delete pod/gone --timeout=60s');
    expect([deleted.stdout, deleted.exitCode]).toEqual(['', 0]);
  });

  it('times out in virtual time with the upstream message, and checks once with --timeout=0', () => {
    const sim = createSimulator();
    // No node has the label: the pod stays Pending, never Ready.
    sim.run(`kubectl run stuck --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"none"}}}'`);
    const before = sim.run('date +%s').stdout;
    const r = sim.run('kubectl wait --for=condition=Ready pod/stuck --timeout=5s');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/stuck\n');
    expect(r.exitCode).toBe(1);
    expect(Number(sim.run('date +%s').stdout) - Number(before)).toBeGreaterThanOrEqual(5);
    expect(sim.run('kubectl wait --for=condition=Ready pod/stuck --timeout=0').stderr).toBe('error: condition not met for pods/stuck\n');
  });

  it('reports bad input as kubectl does', () => {
    const sim = createSimulator();
    expect(sim.run('kubectl wait pod/x').stderr).toBe('error: unrecognized condition: ""\n');
    expect(sim.run('kubectl wait --for=ready pod/x').stderr).toBe('error: unrecognized condition: "ready"\n');
    expect(sim.run('kubectl wait --for=condition=Ready pod/x').stderr).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(sim.run('kubectl wait --for=condition=Ready pod -l app=none').stderr).toBe('error: no matching resources found\n');
    expect(sim.run('kubectl wait --for=condition=Ready pod').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(sim.run('kubectl wait --for=condition=Ready pod/x --timeout=soon').stderr).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubectl wait --help\' for usage.\n',
    );
    expect(sim.run("kubectl wait --for=jsonpath='{.status.phase}'= pod/x").stderr).toBe(
      "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n",
    );
  });
});
