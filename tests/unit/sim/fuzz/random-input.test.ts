import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator } from '../../../../src/sim/index.ts';
import { MAX_OBJECTS, MAX_OUTPUT } from '../../../../src/sim/limits.ts';
import { TOKENS } from './corpus.ts';

// Random lines built from shell syntax, control characters, ANSI escapes and NUL bytes: run()
// never throws, returns a well-formed result whose output stays bounded, and the session survives.

const piece = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const line = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(' '));
const store = (sim: ReturnType<typeof createSimulator>) => (sim.world.cluster as { store: { size(): number } }).store;

describe('run() on random hostile input', () => {
  it('never throws, keeps output bounded and the session usable', () => {
    const sim = createSimulator();
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (lines) => {
        const r = sim.run(lines.join('\n'));
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
        expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode < 256).toBe(true);
        expect(r.stdout.length).toBeLessThanOrEqual(MAX_OUTPUT);
        expect(r.stderr.length).toBeLessThanOrEqual(MAX_OUTPUT + 100);
        expect(r.stderr).not.toContain('internal error');
        while (sim.host() !== 'controlplane') sim.run('exit');
      }),
      { numRuns: 200, seed: 9_2026 },
    );
    expect(store(sim).size()).toBeLessThanOrEqual(MAX_OBJECTS);
    expect(sim.run('echo still fine').stdout).toBe('still fine\n');
  }, 120_000);

  it('takes control characters and escapes in arguments as text', () => {
    const sim = createSimulator();
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).filter((c) => c !== 0x27 && c !== 0x0a).map((c) => String.fromCharCode(c)), maxLength: 40 }), (text) => {
        // Single quotes keep every byte but the quote itself; printf %s prints it back unchanged.
        expect(sim.run(`printf '%s' '${text}'`).stdout).toBe(text);
      }),
      { numRuns: 200, seed: 2026 },
    );
  }, 60_000);
});
