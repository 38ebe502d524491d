import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { MemoryVfs } from '../../../../src/sim/shell/vfs.ts';

// MemoryVfs counts its changes so that the node agents (controllers/nodeagent.ts) can skip re-reading
// every static pod manifest after commands that changed nothing they read.

describe('MemoryVfs.changes()', () => {
  it('moves on every write, mkdir, removal and chmod, and not on reads or refused writes', () => {
    const fs = new MemoryVfs();
    const at = (): number => fs.changes();
    const start = at();
    fs.mkdir('/etc');
    fs.writeFile('/etc/hosts', 'x');
    fs.chmod('/etc/hosts', 0o600);
    fs.remove('/etc/hosts');
    expect(at()).toBe(start + 4);
    fs.readFile('/etc/hosts');
    fs.list('/etc');
    fs.stat('/etc');
    expect(fs.writeFile('/nope/file', 'x')).toBe(false);
    expect(fs.mkdir('/etc')).toBe(false);
    expect(fs.remove('/missing')).toBe(false);
    expect(at()).toBe(start + 4);
  });
});

describe('node agents on an unchanged host', () => {
  const counting = () => {
    const sim = createSimulator();
    const fs = sim.world.hosts.get('controlplane')!.fs;
    const list = fs.list.bind(fs);
    let reads = 0;
    fs.list = (path: string) => {
      if (path === '/etc/kubernetes/manifests') reads++;
      return list(path);
    };
    return { sim, reads: () => reads };
  };

  it('skip reading the manifests after commands that change nothing, and notice the next change', () => {
    const { sim, reads } = counting();
    sim.run('cat /etc/hostname');
    const before = reads();
    for (let i = 0; i < 10; i++) sim.run('cat /etc/hostname; kubectl get nodes');
    expect(reads()).toBe(before);
    // Moving a manifest out at the same virtual time is a change all the same: its mirror pod goes.
    sim.run('mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/');
    expect(reads()).toBeGreaterThan(before);
    expect(sim.run('kubectl get pods -n kube-system -o name').stdout).not.toContain('pod/kube-scheduler-controlplane');
    sim.run('mv /root/kube-scheduler.yaml /etc/kubernetes/manifests/');
    expect(sim.run('kubectl get pods -n kube-system -o name').stdout).toContain('pod/kube-scheduler-controlplane\n');
  });
});
