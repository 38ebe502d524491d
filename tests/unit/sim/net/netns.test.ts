/**
 * `ip netns` as iproute2's ip/ipnetns.c behaves: `add` creates /run/netns/NAME, `list` prints
 * the names, a second `add` or a `delete` of a missing one fails with strerror's text.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('ip netns', () => {
  it('adds, lists and deletes a named network namespace', () => {
    const sim = createSimulator();
    expect(sim.run('ip netns add demo')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.run('ip netns list').stdout).toBe('demo\n');
    expect(sim.run('ls /run/netns').stdout).toBe('demo\n');
    expect(sim.run('ip netns delete demo').exitCode).toBe(0);
    expect(sim.run('ip netns').stdout).toBe('');
  });

  it('fails on a duplicate or a missing name', () => {
    const sim = createSimulator();
    sim.run('ip netns add demo');
    expect(sim.run('ip netns add demo')).toEqual({ stdout: '', stderr: 'Cannot create namespace file "/run/netns/demo": File exists\n', exitCode: 1 });
    expect(sim.run('ip netns del nope')).toEqual({ stdout: '', stderr: 'Cannot remove namespace file "/run/netns/nope": No such file or directory\n', exitCode: 1 });
  });
});
