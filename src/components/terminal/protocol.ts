import type { LiveState } from '../../lib/diagrams/live-keys.ts';

/**
 * Messages between the terminal element (page) and its simulator worker. Each terminal has its
 * own worker, so no message names a terminal.
 */

/** What one command leaves on the screen (the simulator's RunResult, plus the prompt it ran at). */
export interface TranscriptEntry {
  prompt: string;
  input: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Both streams in write order, when the command interleaved them (RunResult.chunks). */
  chunks?: { stream: 'stdout' | 'stderr'; text: string }[];
}

/** Start (or restart) the simulator of a scenario, replaying commands that ran before. */
export interface InitMessage {
  type: 'init';
  scenario: string;
  replay: string[];
  /** Whether the page has a live diagram: the worker then sends its summary with every answer. */
  live?: boolean;
}

/** Run one command line. `hang` is the end-to-end tests' way to make the worker loop forever. */
export interface RunMessage {
  type: 'run';
  id: number;
  input: string;
  hang?: boolean;
  /** The terminal's width in characters, for the programs that fit their output to it (`ls`). */
  columns?: number;
}

/** Ask for the completions of the word at `cursor`. */
export interface CompleteMessage {
  type: 'complete';
  id: number;
  line: string;
  cursor: number;
}

/** Ctrl+C on a continuation line: forget the unfinished command's lines. */
export interface CancelMessage {
  type: 'cancel';
}

/** Page → worker. */
export type ToWorker = InitMessage | RunMessage | CompleteMessage | CancelMessage;

/** The simulator is ready; `transcript` holds the output of the replayed commands, in order. */
export interface ReadyMessage {
  type: 'ready';
  prompt: string;
  transcript: TranscriptEntry[];
  /** What live diagrams show of the simulator now (absent when it cannot be read). */
  state?: LiveState;
  /** Whether each of the scenario's checks passes (absent when the scenario has none). */
  checks?: boolean[];
  /** Whether a check failed before any command ran: the scenario has a fault to fix. */
  brokenAtStart?: boolean;
}

/** A command finished; `entry.input` is the whole command, all its lines joined by newlines. */
export interface ResultMessage {
  type: 'result';
  id: number;
  entry: TranscriptEntry;
  /** The prompt for the next line (it changes after `ssh node01`). */
  prompt: string;
  /** What live diagrams show of the simulator after this command. */
  state?: LiveState;
  /** Whether each of the scenario's checks passes after this command. */
  checks?: boolean[];
}

/** The line did not finish a command (open quote, heredoc…): nothing ran, send the next line. */
export interface MoreMessage {
  type: 'more';
  id: number;
  /** The continuation prompt (`> `). */
  prompt: string;
}

/** Completion candidates for a `complete` request. */
export interface CompletionsMessage {
  type: 'completions';
  id: number;
  candidates: string[];
}

/** The simulator could not be created (missing scenario, failed import). */
export interface FailMessage {
  type: 'fail';
  message: string;
}

/**
 * A `run` begins now: the command families it needs are loaded. The page times the command from
 * here, so a slow download of the families never counts against the command's time limit.
 */
export interface StartedMessage {
  type: 'started';
  id: number;
}

/** Worker → page. */
export type FromWorker = StartedMessage | ReadyMessage | ResultMessage | MoreMessage | CompletionsMessage | FailMessage;
