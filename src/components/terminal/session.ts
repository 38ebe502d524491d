/**
 * The worker's side of a terminal: one simulator of one scenario, answering the page's messages.
 * Kept apart from worker.ts (which only wires `postMessage`) so that it runs in Vitest.
 */
import type { FromWorker, ToWorker, TranscriptEntry } from './protocol.ts';
import type { LiveState } from '../../lib/diagrams/live-keys.ts';
import type { World } from '../../sim/types.ts';
import { MAX_INPUT_BYTES } from '../../sim/limits.ts';

/** The part of the simulator's public API (src/sim/index.ts) the terminal uses. */
export interface TerminalSimulator {
  run(input: string): { stdout: string; stderr: string; exitCode: number; chunks?: TranscriptEntry['chunks'] };
  /** The terminal's width (Simulator.resize). */
  resize?(columns: number): void;
  prompt(): string;
  complete?(line: string, cursor: number): string[];
  /** The script a path would run now (Simulator.scriptAt), for the chunks a line needs. */
  scriptAt?(path: string): string | undefined;
  /** The simulated world, read for the live diagrams' summary. */
  world?: World;
  /** The scenario's checks, evaluated now (the simulator runs them aside, unrecorded). */
  check?(): Array<{ pass: boolean }>;
}

/** Creates a fresh simulator at the start of a scenario. */
export type SimulatorFactory = (scenario: string) => TerminalSimulator;

/** Whether input so far is an unfinished command (open quote, heredoc, trailing `|` or `\\`). */
export type IncompleteTest = (input: string) => boolean;

/** The prompt bash shows ($PS2) while a command continues on the next line. */
export const CONTINUATION_PROMPT = '> ';

/** The prompt shown before the simulator answers (and if it has no prompt of its own). */
export const DEFAULT_PROMPT = 'controlplane $ ';

/**
 * Restores state by replaying: a fresh simulator of the same scenario re-runs the commands that
 * ran before, which the deterministic simulator turns into the same state and the same output.
 */
export class SimSession {
  #factory: SimulatorFactory;
  #incomplete: IncompleteTest;
  #sim: TerminalSimulator | undefined;
  /** Lines of a command still being typed (after `cat <<EOF`, an open quote…). */
  #pending: string[] = [];

  #liveState: ((world: World) => LiveState) | undefined;

  constructor(factory: SimulatorFactory, incomplete: IncompleteTest = () => false) {
    this.#factory = factory;
    this.#incomplete = incomplete;
  }

  /** Sends live diagrams' summary (diagrams/live-state.ts) with every answer from now on: only pages with such a diagram load it. */
  followDiagrams(liveState: (world: World) => LiveState): void {
    this.#liveState = liveState;
  }

  /** Answers one message from the page (`cancel` needs no answer). */
  handle(message: ToWorker): FromWorker | undefined {
    switch (message.type) {
      case 'cancel':
        this.#pending = [];
        return undefined;
      case 'init':
        return this.#init(message.scenario, message.replay);
      case 'run': {
        const input = [...this.#pending, message.input].join('\n');
        // Past the simulator's input limit, waiting for more (an endless here-document paste) would
        // re-read an ever longer text on every line: run it now and let the simulator refuse it.
        if (this.#sim && input.length <= MAX_INPUT_BYTES && this.#safeIncomplete(input)) {
          this.#pending.push(message.input);
          return { type: 'more', id: message.id, prompt: CONTINUATION_PROMPT };
        }
        this.#pending = [];
        if (message.columns) this.#sim?.resize?.(message.columns);
        const entry = this.#run(input);
        return { type: 'result', id: message.id, entry, prompt: this.#prompt(), state: this.#state(), checks: this.#checks() };
      }
      case 'complete':
        return { type: 'completions', id: message.id, candidates: this.#complete(message.line, message.cursor) };
    }
  }

  #safeIncomplete(input: string): boolean {
    try {
      return this.#incomplete(input);
    } catch {
      return false;
    }
  }

  #init(scenario: string, replay: string[]): FromWorker {
    this.#pending = [];
    try {
      this.#sim = this.#factory(scenario);
    } catch (error) {
      this.#sim = undefined;
      return { type: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
    // Whether the scenario starts broken decides the report's words: an exploration scenario
    // whose checks hold from the start has nothing to fix, so "Fixed!" would be untrue there.
    const start = this.#checks();
    const transcript = replay.map((input) => this.#run(input));
    const checks = replay.length > 0 ? this.#checks() : start;
    return { type: 'ready', prompt: this.#prompt(), transcript, state: this.#state(), checks, brokenAtStart: start?.includes(false) };
  }

  #run(input: string): TranscriptEntry {
    const prompt = this.#prompt();
    if (!this.#sim) return { prompt, input, stdout: '', stderr: 'kubesim: not started\n', exitCode: 1 };
    try {
      const { stdout, stderr, exitCode, chunks } = this.#sim.run(input);
      // The simulator sends the order only when it is not simply stdout then stderr.
      return chunks ? { prompt, input, stdout, stderr, exitCode, chunks } : { prompt, input, stdout, stderr, exitCode };
    } catch (error) {
      // The simulator promises never to throw; if it does, the reader still gets a line, not a dead terminal.
      const message = error instanceof Error ? error.message : String(error);
      return { prompt, input, stdout: '', stderr: `kubesim: internal error: ${message}\n`, exitCode: 1 };
    }
  }

  /** The script a path would run in the session now; undefined when that is not known (a line running it then loads everything). */
  scriptAt(path: string): string | undefined {
    try {
      return this.#sim?.scriptAt?.(path);
    } catch {
      return undefined;
    }
  }

  /** The live diagrams' summary; a diagram is an extra, so a failure here costs nothing but the picture. */
  #state(): LiveState | undefined {
    try {
      return this.#sim?.world && this.#liveState ? this.#liveState(this.#sim.world) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Pass/fail of each scenario check, so a troubleshooting demo can say when the fault is fixed. */
  #checks(): boolean[] | undefined {
    try {
      const results = this.#sim?.check?.() ?? [];
      return results.length > 0 ? results.map((r) => r.pass) : undefined;
    } catch {
      return undefined;
    }
  }

  #prompt(): string {
    try {
      return this.#sim?.prompt() || DEFAULT_PROMPT;
    } catch {
      return DEFAULT_PROMPT;
    }
  }

  #complete(line: string, cursor: number): string[] {
    try {
      return this.#sim?.complete?.(line, cursor) ?? [];
    } catch {
      return [];
    }
  }
}
