/**
 * GNU coreutils' `id -u`/`-g`/`-un` and `chown` as kubeadm's printed instructions use them
 * (`chown $(id -u):$(id -g) $HOME/.kube/config`); the sandbox has one account, root.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('id and chown', () => {
  it('prints root ids for -u, -g and names for -n', () => {
    const sim = createSimulator();
    expect(sim.run('id -u').stdout).toBe('0\n');
    expect(sim.run('id -g').stdout).toBe('0\n');
    expect(sim.run('id -un').stdout).toBe('root\n');
    expect(sim.run('id').stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
  });

  it('accepts root as owner and rejects unknown users and missing files', () => {
    const sim = createSimulator();
    expect(sim.run('chown $(id -u):$(id -g) $HOME/.kube/config')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.run('chown bob /etc/hosts')).toEqual({ stdout: '', stderr: 'chown: invalid user: ‘bob’\n', exitCode: 1 });
    expect(sim.run('chown root /nope').stderr).toBe("chown: cannot access '/nope': No such file or directory\n");
  });
});
