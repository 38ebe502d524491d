import { describe, expect, it, vi } from 'vitest';
import { createSimulator, type Simulator } from '../../../../src/sim/index.ts';
import {
  MAX_COMMANDS, MAX_FILE, MAX_INPUT_BYTES, MAX_LINE_BYTES, MAX_LINES, MAX_OBJECTS, MAX_OUTPUT, MAX_PODS, MAX_READ, pipeTruncated,
  tooManyCommands,
} from '../../../../src/sim/limits.ts';
import { HOSTILE } from './corpus.ts';

// Several of these runs take a second or more on a loaded 2-core machine; the timing figures are bench/fuzz.mjs's.
vi.setConfig({ testTimeout: 60_000 });

// Each limit of src/sim/limits.ts, reached: a kubesim:/bash: message on stderr, a non-zero exit
// where the input is refused, and a session that still answers afterwards.

const store = (sim: Simulator) => (sim.world.cluster as { store: { size(): number; count(kind: string): number } }).store;

function expectFine(sim: Simulator) {
  expect(sim.run('echo still fine').stdout).toBe('still fine\n');
}

describe('input limits', () => {
  it('refuses a line over MAX_LINE_BYTES, counting UTF-8 bytes', () => {
    const sim = createSimulator();
    for (const input of [HOSTILE['line of 100 KB']!, HOSTILE['line of 100 KB in UTF-8 (34k characters)']!]) {
      expect(sim.run(input)).toEqual({ stdout: '', stderr: `kubesim: input line too long (max ${MAX_LINE_BYTES} bytes)\n`, exitCode: 2 });
    }
    // A long pipeline or chain is refused by its length before a word of it is read.
    for (const name of ['5000 pipes', '8000 &&']) expect(sim.run(HOSTILE[name]!).stderr, name).toBe(`kubesim: input line too long (max ${MAX_LINE_BYTES} bytes)\n`);
    expect(sim.run('echo ' + 'x'.repeat(MAX_LINE_BYTES - 5)).stdout).toHaveLength(MAX_LINE_BYTES - 4);
    expectFine(sim);
  });

  it('refuses an input over MAX_INPUT_BYTES and a script over MAX_LINES', () => {
    const sim = createSimulator();
    expect(sim.run(HOSTILE['here-document of 2 MB']!)).toEqual({ stdout: '', stderr: `kubesim: input too large (max ${MAX_INPUT_BYTES} bytes)\n`, exitCode: 2 });
    expect(sim.run(HOSTILE['script of 10001 lines']!)).toEqual({ stdout: '', stderr: `kubesim: script too long (10001 lines; max ${MAX_LINES} lines)\n`, exitCode: 2 });
    // Below the limits a big here-document goes through whole.
    expect(sim.run(HOSTILE['here-document of 60 KB']!).stdout).toHaveLength(60_600);
    expectFine(sim);
  });

  it("answers unbalanced quotes and here-documents with bash's messages", () => {
    const sim = createSimulator();
    expect(sim.run(HOSTILE['unterminated double quote']!)).toMatchObject({ stderr: "bash: unexpected EOF while looking for matching `\"'\n", exitCode: 2 });
    expect(sim.run(HOSTILE['unterminated single quote']!)).toMatchObject({ stderr: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 });
    expect(sim.run(HOSTILE['unterminated here-document']!)).toMatchObject({
      stdout: 'abc\n', stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", exitCode: 0,
    });
    const paren = sim.run(HOSTILE['unbalanced parenthesis']!);
    expect(paren.exitCode).toBe(2);
    expect(paren.stderr).toMatch(/^bash: syntax error near unexpected token /);
  });
});

describe('work limits', () => {
  it('stops deep nesting with a message instead of overflowing the stack', () => {
    const sim = createSimulator();
    expect(sim.run(HOSTILE['500 nested $( )']!).stderr).toContain('bash: maximum nesting level exceeded\n');
    for (const name of ['3000 nested ( )', '3000 nested arithmetic ( )']) {
      expect(sim.run(HOSTILE[name]!), name).toEqual({ stdout: '', stderr: 'kubesim: input nested too deeply (maximum depth exceeded)\n', exitCode: 2 });
    }
    expectFine(sim);
  });

  it('ends a run after MAX_COMMANDS commands (long pipelines and chains, self-calling scripts)', () => {
    const sim = createSimulator();
    for (const name of ['1500 pipes', '2000 &&', 'self-calling script']) {
      const r = sim.run(HOSTILE[name]!);
      expect(r.exitCode, name).toBe(2);
      expect(r.stderr, name).toContain(`kubesim: too many commands in one run (max ${MAX_COMMANDS})\n`);
    }
    expect(sim.run('echo a' + ' | cat'.repeat(200)).stdout).toBe('a\n');
    // A paste of one command per line counts every line: the first MAX_COMMANDS run, then the message.
    const lines = sim.run(HOSTILE['1100 configmaps, one per line']!);
    expect(lines.exitCode).toBe(2);
    expect(lines.stderr).toBe(tooManyCommands());
    expect(lines.stdout.split('\n').filter((l) => l.endsWith(' created'))).toHaveLength(MAX_COMMANDS);
    expectFine(sim);
  });

  it('ends endless loops and self-calling functions with a kubesim line, the session still usable', () => {
    const sim = createSimulator();
    const loop = sim.run(HOSTILE['endless while loop']!);
    expect(loop.stdout.startsWith('y\ny\n')).toBe(true);
    expect(loop.stderr.endsWith(tooManyCommands())).toBe(true);
    expect(sim.run(HOSTILE['endless loop into a pipe']!)).toMatchObject({ stdout: '', stderr: tooManyCommands(), exitCode: 2 });
    expect(sim.run(HOSTILE['for over 100000 words']!).stderr.endsWith(tooManyCommands())).toBe(true);
    for (const name of ['self-calling function', 'self-calling function in a pipe', '3000 nested if', '3000 nested (( ))']) {
      expect(sim.run(HOSTILE[name]!), name).toMatchObject({ stdout: '', stderr: 'kubesim: input nested too deeply (maximum depth exceeded)\n', exitCode: 2 });
    }
    // No loop or function call is left open: break and return outside one say so.
    expect(sim.run('break').stderr).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n");
    expect(sim.run('return').stderr).toBe("bash: return: can only `return' from a function or sourced script\n");
    expectFine(sim);
  });

  it('keeps variables, pipes and command output within MAX_FILE', () => {
    const sim = createSimulator();
    const v = sim.run(HOSTILE['variable doubled until it does not fit']!);
    expect(v.stderr).toContain(`kubesim: x: value too large (max ${MAX_FILE} characters)\n`);
    // The last doubling that fits is kept: 64 characters doubled 12 times.
    expect(v.stdout).toBe(`${64 * 2 ** 12}\n`);
    expect(sim.run(HOSTILE['sed multiplying a line']!)).toMatchObject({
      stdout: '', stderr: `sed: kubesim: out of memory (pattern space over ${MAX_FILE} characters)\n`, exitCode: 2,
    });
    expect(sim.run(HOSTILE['awk printing a wide field per line']!)).toMatchObject({
      stdout: '0\n', stderr: `awk: kubesim: out of memory (output over ${MAX_FILE} characters)\n`,
    });
    expect(sim.run("seq 3 | awk '{printf \"%3d|\", $1} END {print \"\"}'").stdout).toBe('  1|  2|  3|\n');
    // A command reads at most MAX_READ characters, however many times a file is named.
    expect(sim.run(HOSTILE['one big file named 1500 times']!)).toMatchObject({ stdout: '', stderr: `wc: kubesim: out of memory (input over ${MAX_READ} characters)\n` });
    for (const tool of ['cat', 'grep x', 'sed p', 'sort', 'head -1', 'awk 1']) {
      expect(sim.run(`${tool} f f f f f f`).stderr, tool).toBe(`${tool.split(' ')[0]}: kubesim: out of memory (input over ${MAX_READ} characters)\n`);
    }
    expect(sim.run('cat f f f f | wc -c')).toMatchObject({ stdout: `${MAX_OUTPUT}\n`, stderr: pipeTruncated(), exitCode: 0 });
    // seq stops once it has more than a pipe carries; the pipe cuts it with its note.
    expect(sim.run(HOSTILE['seq to 1e12']!)).toMatchObject({ stderr: pipeTruncated(), exitCode: 0 });
    // The pipeline's status is wc's, as in bash; sed's own ends with the message.
    expect(sim.run(HOSTILE['pipe multiplying its input']!)).toMatchObject({
      stdout: '0\n', stderr: `sed: kubesim: out of memory (output over ${MAX_FILE} characters)\n`, exitCode: 0,
    });
    expectFine(sim);
  });

  it('refuses a word, a += or a here-document past MAX_FILE before building it', () => {
    const sim = createSimulator();
    sim.run(`x=${'a'.repeat(15_000)}; x=$x$x; x=$x$x; x=$x$x; x=$x$x`);
    expect(sim.run('echo ${#x}').stdout).toBe('240000\n');
    expect(sim.run('echo $x$x')).toEqual({ stdout: '', stderr: 'bash: echo: Argument list too long\n', exitCode: 126 });
    expect(sim.run('x+=$x')).toEqual({ stdout: '', stderr: `kubesim: x: value too large (max ${MAX_FILE} characters)\n`, exitCode: 1 });
    expect(sim.run('cat <<EOF\n$x$x\nEOF')).toEqual({ stdout: '', stderr: `kubesim: here-document: value too large (max ${MAX_FILE} characters)\n`, exitCode: 1 });
    expect(sim.run('echo ${#x}').stdout).toBe('240000\n');
  });

  it('keeps sed substitutions as they were below the limit', () => {
    const sim = createSimulator();
    expect(sim.run("echo aaa | sed 's/a/[&]/2'").stdout).toBe('a[a]a\n');
    expect(sim.run("echo aaaa | sed 's/a/b/2g'").stdout).toBe('abbb\n');
    expect(sim.run("echo abc | sed 's/x*/-/g'").stdout).toBe('-a-b-c-\n');
    expect(sim.run("echo 'k=v' | sed -E 's/(.)=(.)/\\2=\\1 \\3&\\n/'").stdout).toBe('v=k k=v\n\n');
    expect(sim.run("printf 'a\\nb\\n' | sed -n 's/b/B/p'").stdout).toBe('B\n');
  });

  it('cuts the output at MAX_OUTPUT with a note, and refuses printf widths past it', () => {
    const sim = createSimulator();
    const big = sim.run(HOSTILE['output of 400 KB']!);
    expect(big.stdout).toHaveLength(MAX_OUTPUT);
    expect(big.stderr).toBe(`\nkubesim: output truncated after ${MAX_OUTPUT} characters\n`);
    expect(sim.run(HOSTILE['printf width 1e9']!)).toEqual({ stdout: '', stderr: `kubesim: printf: field width 1000000000 too large (max ${MAX_OUTPUT})\n`, exitCode: 1 });
    expect(sim.run(HOSTILE['printf precision 1e9']!)).toEqual({ stdout: '', stderr: `kubesim: printf: precision 1000000000 too large (max ${MAX_OUTPUT})\n`, exitCode: 1 });
    expect(sim.run(`printf '%${MAX_OUTPUT}d' 7`).stdout).toBe(' '.repeat(MAX_OUTPUT - 1) + '7');
    expect(sim.run("printf '%.120f' 1")).toEqual({ stdout: '1.' + '0'.repeat(120), stderr: '', exitCode: 0 });
    // Escapes belong to the format only; an argument's backslashes print as they are. In a format,
    // \0101 is \010 and a 1: three octal digits with the \0 (printf.def tescape).
    expect(sim.run("printf '%s\\t%-4s|\\x41\\0101%%\\n' 'a\\n' b").stdout).toBe('a\\n\tb   |A\b1%\n');
    // The format prints \c as it is; only a %b argument's \c stops the output.
    expect(sim.run("printf 'a\\cb%s' x").stdout).toBe('a\\cbx');
    expect(sim.run("printf 'a%bz' '\\cb'").stdout).toBe('a');
  });
});

describe('object limits', () => {
  it('refuses creates past MAX_OBJECTS with a kubesim message and keeps the store bounded', () => {
    const sim = createSimulator();
    // 3000 objects in one paste no longer fit in the input; 700 do, and are all created.
    expect(sim.run(HOSTILE['YAML List of 3000 configmaps']!)).toEqual({ stdout: '', stderr: `kubesim: input too large (max ${MAX_INPUT_BYTES} bytes)\n`, exitCode: 2 });
    const list = sim.run(HOSTILE['YAML List of 700 configmaps']!);
    expect(list.exitCode).toBe(0);
    expect(list.stdout.split('\n').filter((l) => l.endsWith(' created'))).toHaveLength(700);
    // More pastes of 700, each with its own names, until the store is nearly full.
    for (let k = 1; store(sim).size() + 700 < MAX_OBJECTS; k++) {
      expect(sim.run(HOSTILE['YAML List of 700 configmaps']!.replaceAll('name: list-', `name: list${k}-`)).exitCode).toBe(0);
    }
    const docs = sim.run(HOSTILE['multi-document apply of 1000 secrets']!);
    expect(docs.exitCode).not.toBe(0);
    expect(docs.stderr).toContain(`kubesim: object limit reached (${MAX_OBJECTS} objects)`);
    expect(store(sim).size()).toBeLessThanOrEqual(MAX_OBJECTS);
    const one = sim.run('kubectl create configmap one-more --from-literal=k=v');
    expect(one).toEqual({ stdout: '', stderr: `Error from server (Forbidden): kubesim: object limit reached (${MAX_OBJECTS} objects)\n`, exitCode: 1 });
    // Deleting makes room again.
    sim.run('kubectl delete configmap list-0');
    expect(sim.run('kubectl create configmap one-more --from-literal=k=v').stdout).toBe('configmap/one-more created\n');
  });

  it('stops a Deployment of 1e8 replicas at MAX_PODS pods', () => {
    const sim = createSimulator();
    expect(sim.run(HOSTILE['deployment of 1e8 replicas']!).stdout).toBe('deployment.apps/huge created\n');
    expect(store(sim).count('Pod')).toBe(MAX_PODS);
    expect(sim.run('kubectl create deployment more --image=nginx').exitCode).toBe(0);
    expect(store(sim).count('Pod')).toBe(MAX_PODS);
    expect(sim.run('kubectl get deployment huge -o jsonpath={.spec.replicas}').stdout).toBe('100000000');
  });
});
