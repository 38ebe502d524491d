// Times the terminal's input path on hostile input: every input of the fuzz corpus
// (tests/unit/sim/fuzz/corpus.ts) and a sample of random lines, each as one run() (one Enter) on
// a fresh simulator, and prints each one's time, its time per complete command (a script of N
// lines is N commands, as the terminal runs them one Enter at a time) and the max and p99 of both.
// "cpu max" is the process's CPU time over the same run() (GC threads included): on a shared machine
// the wall figures also count the time spent waiting for a core.
// Usage: node bench/fuzz.mjs [rounds=3] [random lines=300]
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { createSimulator, splitScript } from '../src/sim/index.ts';
import { MAX_COMMANDS } from '../src/sim/limits.ts';
import { HOSTILE, TOKENS } from '../tests/unit/sim/fuzz/corpus.ts';

const rounds = Number(process.argv[2] ?? 3);
const randomCount = Number(process.argv[3] ?? 300);

const piece = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 }));
const randomLines = fc.sample(fc.array(piece, { maxLength: 30 }).map((p) => p.join(' ')), { numRuns: randomCount, seed: 42 });

/** CPU ms of this process so far: on a shared machine, wall time also counts the waits for a core. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU ms of one run() of `input`, on a simulator built beforehand (its build is not timed). */
function time(input) {
  const sim = createSimulator();
  const c0 = cpu();
  const t0 = performance.now();
  const r = sim.run(input);
  return { ms: performance.now() - t0, cpuMs: cpu() - c0, r };
}

// Warm the JIT on ordinary commands first, as a terminal that has been used a little would be.
for (let i = 0; i < 3; i++) time('kubectl get pods -A; echo hi | sed s/h/H/; printf "%s\\n" a b');

const all = [];
const perCommand = [];
const rows = [];
for (const [name, input] of Object.entries(HOSTILE)) {
  const times = [];
  const cpuTimes = [];
  let last;
  for (let k = 0; k < rounds; k++) {
    const { ms, cpuMs, r } = time(input);
    times.push(ms);
    cpuTimes.push(cpuMs);
    last = r;
  }
  all.push(...times);
  // A run stops after MAX_COMMANDS complete commands: the ones past it never ran.
  const commands = Math.max(1, Math.min(splitScript(input).length, MAX_COMMANDS));
  perCommand.push(...times.map((ms) => ms / commands));
  const note = last.stderr.split('\n').find((l) => l.startsWith('kubesim:') || l.includes(': kubesim:') || l.startsWith('bash:') || l.startsWith('Error from server')) ?? '';
  rows.push({ name, median: times.sort((a, b) => a - b)[Math.floor(times.length / 2)], max: Math.max(...times), cpuMax: Math.max(...cpuTimes), commands, exit: last.exitCode, note: note.slice(0, 64) });
}
const sim = createSimulator();
const randomTimes = randomLines.map((line) => {
  const t0 = performance.now();
  sim.run(line);
  const ms = performance.now() - t0;
  while (sim.host() !== 'controlplane') sim.run('exit');
  return ms;
});
all.push(...randomTimes);
perCommand.push(...randomTimes);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (ms) => ms.toFixed(1).padStart(8);
console.log(`${'input'.padEnd(40)} ${'median'.padStart(8)} ${'max'.padStart(8)} ${'cpu max'.padStart(8)} ${'cmds'.padStart(5)} ${'max/cmd'.padStart(8)}  exit  message`);
for (const r of rows) console.log(`${r.name.padEnd(40)} ${f(r.median)} ${f(r.max)} ${f(r.cpuMax)} ${String(r.commands).padStart(5)} ${f(r.max / r.commands)}  ${String(r.exit).padStart(4)}  ${r.note}`);
console.log(`\nrandom lines (${randomTimes.length}): max ${randomTimes.length ? Math.max(...randomTimes).toFixed(1) : '-'} ms, p99 ${randomTimes.length ? pct(randomTimes, 99).toFixed(1) : '-'} ms`);
console.log(`per command (${perCommand.length}): max ${Math.max(...perCommand).toFixed(1)} ms, p99 ${pct(perCommand, 99).toFixed(1)} ms, over 100 ms: ${perCommand.filter((x) => x > 100).length}`);
console.log(`per run() (${all.length}): max ${Math.max(...all).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, over 1 s: ${all.filter((x) => x > 1000).length}`);
