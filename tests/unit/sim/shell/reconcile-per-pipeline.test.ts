import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

/** A simulator whose `world.tick()` (one controller reconcile) is counted. */
function counted(): { sim: ReturnType<typeof createSimulator>; ticks: () => number } {
  const sim = createSimulator();
  let n = 0;
  const tick = sim.world.tick;
  sim.world.tick = () => {
    n++;
    tick();
  };
  return { sim, ticks: () => n };
}

// Issue #9: a pipe of thousands of stages reconciled the cluster after each stage. The stages of a
// pipe run at the same time in bash, so the controllers catch up once, after the pipeline; the
// commands of a list still run one after the other, each seeing what the one before it caused.
describe('when the cluster reconciles', () => {
  it('reconciles once per pipeline, not once per stage', () => {
    const { sim, ticks } = counted();
    expect(sim.run('kubectl get ns' + ' | cat'.repeat(50)).stdout).toMatch(/^NAME\s+STATUS\s+AGE\n/);
    expect(ticks()).toBe(1);
  });

  it('reconciles between the pipelines of a list, so a later command sees the controllers’ work', () => {
    const { sim, ticks } = counted();
    const r = sim.run('kubectl create deployment web --image=nginx --replicas=2 && kubectl get pods -l app=web --no-headers | wc -l');
    expect(r.stdout).toBe('deployment.apps/web created\n2\n');
    expect(ticks()).toBe(2);
    expect(sim.run('kubectl create configmap c1 --from-literal=a=b; kubectl get cm c1 -o name').stdout).toBe('configmap/c1 created\nconfigmap/c1\n');
  });

  it('reconciles right after a command that a tool runs itself (env, the editor of kubectl edit)', () => {
    const { sim, ticks } = counted();
    expect(sim.run('env kubectl create configmap c2').stdout).toBe('configmap/c2 created\n');
    expect(ticks()).toBe(2);
  });

  it('runs the 1500-stage pipe of the fuzz corpus up to the command budget with one reconcile', () => {
    const { sim, ticks } = counted();
    const r = sim.run('echo a' + ' | cat'.repeat(1500));
    expect(r.stderr).toContain('too many commands in one run');
    expect(ticks()).toBe(1);
  });
});
