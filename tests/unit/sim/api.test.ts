import { describe, expect, it } from 'vitest';
import { createSimulator, isIncomplete, jsonpath, splitScript } from '../../../src/sim/index.ts';

describe('public API', () => {
  it('returns strings and an exit code for a line or a script', () => {
    const sim = createSimulator();
    const r = sim.run('echo one\necho two >&2\nfalse');
    expect(r).toEqual({ stdout: 'one\n', stderr: 'two\n', exitCode: 1 });
    expect(sim.prompt()).toBe('controlplane $ ');
    expect(sim.host()).toBe('controlplane');
  });

  it('keeps simulators apart', () => {
    const a = createSimulator();
    const b = createSimulator();
    a.run('echo a > /root/mine; cd /tmp; export X=1');
    expect(b.run('cat /root/mine').exitCode).toBe(1);
    expect(b.run('pwd; echo "[$X]"').stdout).toBe('/root\n[]\n');
  });

  it('is deterministic and restores from a snapshot by replay', () => {
    const a = createSimulator();
    a.run('mkdir /root/d && echo hi > /root/d/f');
    a.run('ssh node01');
    a.run('sleep 30');
    const snap = a.snapshot();
    expect(snap).toEqual({ scenario: 'default', log: ['mkdir /root/d && echo hi > /root/d/f', 'ssh node01', 'sleep 30'] });
    const b = createSimulator({ state: JSON.parse(JSON.stringify(snap)) });
    expect(b.prompt()).toBe('node01 $ ');
    b.run('exit');
    expect(b.run('cat /root/d/f; date +%T').stdout).toBe('hi\n09:00:30\n');
  });

  it('completes command names, kubectl verbs, resource types and paths', () => {
    const sim = createSimulator();
    expect(sim.complete('kubec')).toEqual(['kubectl']);
    expect(sim.complete('kubectl desc')).toEqual(['describe']);
    expect(sim.complete('kubectl get deploy')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(sim.complete('cat /etc/kubernetes/man')).toEqual(['/etc/kubernetes/manifests/']);
    expect(sim.complete('ls | gr')).toEqual(['grep']);
    expect(sim.complete('kubectl get nodes ')).toEqual(['controlplane', 'node01', 'node02']);
  });

  it('exports the jsonpath printer and script helpers', () => {
    expect(typeof jsonpath).toBe('function');
    expect(splitScript('a\nb')).toEqual(['a', 'b']);
    expect(isIncomplete('cat <<EOF')).toBe(true);
  });

  it('rejects an invalid scenario with a message naming the field', () => {
    expect(() => createSimulator({ scenario: { name: 'x', seed: 'abc' } })).toThrow('scenario "x": seed: expected an integer');
  });
});
