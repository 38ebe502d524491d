import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

// A terminal shows both streams in the order a program wrote them; RunResult.chunks carries that
// order when it is not simply "stdout, then stderr" (src/sim/types.ts).
describe('stdout and stderr order', () => {
  it('keeps the order of commands of one line, and leaves plain results without chunks', () => {
    const sim = createSimulator();
    expect(sim.run('echo a >&2; echo b').chunks).toEqual([
      { stream: 'stderr', text: 'a\n' },
      { stream: 'stdout', text: 'b\n' },
    ]);
    expect(sim.run('echo a; echo b >&2')).toEqual({ stdout: 'a\n', stderr: 'b\n', exitCode: 0 });
    expect(sim.run('echo a; ls /nope; echo c').chunks?.map((c) => c.stream)).toEqual(['stdout', 'stderr', 'stdout']);
  });

  it("keeps a command's own interleaving through 2>&1 and in the terminal's result", () => {
    const sim = createSimulator({ scenario: 'drain' });
    // kubectl drain (pkg/cmd/drain/drain.go): the cordon line, the DaemonSet warning on stderr, then the evictions.
    const merged = sim.run('kubectl drain node01 --ignore-daemonsets --force --delete-emptydir-data --dry-run=client 2>&1 | cat').stdout.split('\n');
    expect(merged[0]).toBe('node/node01 cordoned (dry run)');
    expect(merged[1]).toMatch(/^Warning: ignoring DaemonSet-managed Pods: /);
    expect(merged[2]).toMatch(/^evicting pod default\/\S+ \(dry run\)$/);
    const r = sim.run('kubectl drain node01 --ignore-daemonsets --force --delete-emptydir-data');
    expect(r.chunks?.map((c) => c.stream)).toEqual(['stdout', 'stderr', 'stdout']);
    expect(r.chunks?.[1].text).toBe(r.stderr);
    expect(r.chunks?.[0].text).toBe('node/node01 cordoned\n');
    expect((r.chunks?.[0].text ?? '') + (r.chunks?.[2].text ?? '')).toBe(r.stdout);
  });
});
