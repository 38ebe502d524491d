import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator } from '../../../../src/sim/index.ts';

// Whatever is typed, run() returns strings and an integer exit code and never throws; the
// world stays usable afterwards (the hosts are all there and a plain command still works).

const TOKENS = [
  'echo', 'cat', 'ls', 'grep', 'sed', 'awk', 'cd', 'ssh', 'exit', 'export', 'kubectl', 'get', 'pods', 'sleep', 'rm', '-rf',
  '|', '||', '&&', ';', '>', '>>', '2>&1', '<', '<<EOF', '<<<', '(', ')', '$(', '`', "'", '"', '\\', '$', '${', '}', '$((', '))',
  '*', '?', '[', ']', '~', '#', '\n', 'EOF', '/etc', '/tmp/x', 'node01', '日本語', '🙂', '-n', '-e', 's/a/b/', '{print $1}',
];

const line = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 24 })
  .map((parts) => parts.join(' '));

describe('run() on random input', () => {
  it('never throws and always returns a well-formed result', () => {
    const sim = createSimulator();
    fc.assert(
      fc.property(line, (input) => {
        const r = sim.run(input);
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
        expect(Number.isInteger(r.exitCode)).toBe(true);
        expect(r.exitCode).toBeGreaterThanOrEqual(0);
        expect(sim.world.hosts.size).toBe(3);
        // Leave any ssh session so the next input starts from a known host.
        while (sim.host() !== 'controlplane') sim.run('exit');
      }),
      { numRuns: 300, seed: 20261125 },
    );
    expect(sim.run('echo still fine').stdout).toBe('still fine\n');
  });

  it('handles very long and deeply nested input within limits', () => {
    const sim = createSimulator();
    expect(sim.run('echo ' + 'a '.repeat(8_000)).exitCode).toBe(0);
    expect(sim.run('echo ' + '$('.repeat(50) + 'echo x' + ')'.repeat(50)).exitCode).not.toBeUndefined();
    expect(sim.run('x\n'.repeat(20_000)).stderr).toMatch(/^kubesim: script too long/);
  });
});
