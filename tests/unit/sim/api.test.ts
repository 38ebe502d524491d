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

  it('says what a path would run where the session stands: a script, nothing of its own, or nothing known yet', () => {
    const sim = createSimulator();
    sim.run("cd /root; printf 'kubectl get nodes\\n' > fix.sh; chmod +x fix.sh; printf 'ls\\n' > notes.sh");
    expect(sim.scriptAt('./fix.sh')).toBe('kubectl get nodes\n');
    // bash's or the sandbox's own answer: a program's stand-in, a directory, a file without x.
    for (const path of ['/opt/cni/bin/bridge', '/etc', './notes.sh']) expect(sim.scriptAt(path), path).toBe('');
    expect(sim.run('/opt/cni/bin/bridge').stderr).toBe('kubesim: /opt/cni/bin/bridge: running this program is not simulated in this sandbox\n');
    expect(sim.run('./notes.sh')).toEqual({ stdout: '', stderr: 'bash: ./notes.sh: Permission denied\n', exitCode: 126 });
    expect(sim.scriptAt('./nosuch.sh')).toBeUndefined();
    expect(sim.run('./nosuch.sh')).toEqual({ stdout: '', stderr: 'bash: ./nosuch.sh: No such file or directory\n', exitCode: 127 });
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
