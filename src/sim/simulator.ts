/**
 * The simulator object behind both entries: index.ts (Node, every scenario and command loaded)
 * and browser.ts (the worker, which imports its scenario module and loads command families lazily).
 */
import type { Bilingual, Scenario } from './scenario/schema.ts';
import { Shell } from './shell/interpreter.ts';
import type { RunResult, World } from './types.ts';
import { buildWorld } from './world.ts';

/**
 * Enough to rebuild a simulator: its scenario and every input `run` received, in order. The
 * simulator is deterministic (seeded names, virtual clock), so replaying the log restores the
 * same state; the browser keeps a snapshot from before each command to undo a timed-out one.
 */
export interface Snapshot {
  scenario: string | object;
  log: string[];
}

/** One scenario check and whether it holds now. */
export interface CheckResult {
  name: string;
  pass: boolean;
  stdout: string;
}

export interface SimulatorOptions {
  /** A scenario name from content/scenarios, or a scenario object (validated; may `extends`). */
  scenario?: string | object;
  /** A snapshot to restore (its scenario wins over `scenario`). */
  state?: Snapshot;
}

export interface Simulator {
  /** Runs one line or a multi-line script (here-documents included) and returns what it printed. */
  run(input: string): RunResult;
  /**
   * The terminal's width in characters: what `ls` and `ps` fit their output to on the terminal,
   * and bash's COLUMNS (checkwinsize), on every host of the session. 80 until a terminal says.
   */
  resize(columns: number): void;
  /** The prompt the terminal shows now, e.g. `controlplane $ `. */
  prompt(): string;
  /** The host the session is on (changes with `ssh` and `exit`). */
  host(): string;
  /**
   * The script a command word that is a path would run now: '' when it runs nothing of the
   * sandbox's (a program's stand-in, a directory), undefined when no file is there yet. For a
   * word without a slash, the text of the alias it is, if any (what bash runs in its place).
   */
  scriptAt(path: string): string | undefined;
  /** Candidates that could replace the word under the cursor. */
  complete(line: string, cursor?: number): string[];
  /** State to pass back as `createSimulator({ state })`. */
  snapshot(): Snapshot;
  /** Evaluates the scenario's checks (commands run in a side session, not recorded). */
  check(): CheckResult[];
  /** The resolved scenario (title, task, solution…). */
  readonly scenario: Readonly<Scenario>;
  readonly title: Bilingual | undefined;
  /** The world, for tools and tests that look inside. */
  readonly world: World;
}

/** Tab completion over a shell (shell/complete.ts). */
export type Completer = (shell: Shell, line: string, cursor?: number) => string[];

// Registered rather than imported: the browser worker loads completion with the first Tab.
let completer: Completer | undefined;

/** Registers tab completion (index.ts at once; browser.ts's loadCompletion before the first Tab). */
export function useCompleter(fn: Completer): void {
  completer = fn;
}

/** Builds a simulator whose scenario (name or object) `resolve` turns into a Scenario. */
export function buildSimulator(options: SimulatorOptions, resolve: (source: string | object) => Scenario): Simulator {
  const source = options.state?.scenario ?? options.scenario ?? 'default';
  const scenario = resolve(structuredClone(source));
  const world = buildWorld(scenario);
  const shell = new Shell(world, scenario.start);
  for (const [k, v] of Object.entries(scenario.env)) {
    shell.frame.vars.set(k, v);
    shell.frame.exported.add(k);
  }
  const log: string[] = [];
  const run = (input: string): RunResult => {
    log.push(input);
    return shell.run(String(input));
  };
  for (const input of options.state?.log ?? []) run(input);
  return {
    run,
    resize: (columns) => {
      if (!Number.isInteger(columns) || columns < 1) return;
      shell.columns = columns;
      for (const frame of shell.stack) frame.vars.set('COLUMNS', String(columns));
    },
    prompt: () => shell.prompt(),
    host: () => shell.frame.host.name,
    scriptAt: (path) => {
      if (!path.includes('/')) return shell.aliases.get(path);
      const run = shell.pathCommand(path);
      if (typeof run === 'string') return run;
      return run.stderr.endsWith('No such file or directory\n') ? undefined : '';
    },
    complete: (line, cursor) => completer?.(shell, line, cursor) ?? [],
    snapshot: () => ({ scenario: structuredClone(source), log: [...log] }),
    check: () =>
      scenario.checks.map((c, i) => {
        const side = new Shell(world, c.host ?? scenario.start);
        const r = side.run(c.run, false);
        const pass = (c.exitCode === undefined ? c.expect !== undefined || c.reject !== undefined || r.exitCode === 0 : r.exitCode === c.exitCode)
          && (c.expect === undefined || r.stdout.includes(c.expect))
          && (c.reject === undefined || !r.stdout.includes(c.reject));
        return { name: c.name ?? `check ${i + 1}`, pass, stdout: r.stdout };
      }),
    scenario,
    title: scenario.title,
    world,
  };
}
