import { orderedOutput, runResult, type Host, type RunResult, type Vfs, type World } from '../types.ts';
import { commandPath, lookupCommand } from '../commands/registry.ts';
import { BUILTINS } from './builtins.ts';
import { ExpansionError, expandHereDoc, expandString, expandWord, ValueTooLargeError } from './expand.ts';
import type { ExpandEnv } from './expand.ts';
import { Output } from './output.ts';
import type { AndOr, Command, Pipeline, Redirect, SimpleCommand } from './parser.ts';
import { parse, splitCommands } from './parser.ts';
import { basename, dirname, HOME, resolvePath } from './paths.ts';
import { tokenize } from './tokenizer.ts';
import {
  inputTooLarge, lineTooLong, MAX_COMMANDS, MAX_DEPTH, MAX_FILE, MAX_INPUT_BYTES, MAX_LINE_BYTES, MAX_LINES, MAX_PIPE,
  outOfResources, pipeTruncated, tooManyCommands, tooManyLines, utf8Length, valueTooLarge,
} from '../limits.ts';

/** One login session on a host: what `ssh` pushes and `exit` pops. */
export interface Frame {
  host: Host;
  cwd: string;
  oldpwd?: string;
  vars: Map<string, string>;
  exported: Set<string>;
}

type Sink = { kind: 'out' } | { kind: 'err' } | { kind: 'pipe' } | { kind: 'null' } | { kind: 'file'; path: string };

const BIN_DIRS = new Set(['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin', '/usr/local/sbin']);

/** Thrown to unwind a run when a budget is exhausted; caught in `run`. */
class BudgetExceeded extends Error {}

// Registered rather than imported: the browser worker loads the list with the first line whose
// command word it has no command for (line-scan.ts); Node registers it at once (commands/all.ts).
let unavailableTools: readonly string[] = [];

/** Runs `<(src)` and returns the path of its output (the compound chunk: the line scan loads it for `<(`). */
type ProcessSubstitution = (sh: Shell, src: string, fd: number) => string;
let processSubstitution: ProcessSubstitution | undefined;

/** Registers process substitution. */
export function useProcessSubstitution(fn: ProcessSubstitution): void {
  processSubstitution = fn;
}

/** The sandbox's line for a resource type real clusters serve and its API server does not (unavailable.ts). */
type UnservedLine = (type: string) => string | undefined;
let unserved: UnservedLine | undefined;

/**
 * Registers the tools that get `kubesim: X: command not found in this sandbox`, and the line kubectl
 * gives for a real resource type the sandbox does not serve (unavailable.ts).
 */
export function useUnavailableTools(list: readonly string[], line?: UnservedLine): void {
  unavailableTools = list;
  unserved = line;
}

/** The sandbox's line for a real resource type it does not serve, once unavailable.ts is loaded. */
export const unservedLine = (type: string): string | undefined => unserved?.(type);

/**
 * The bash of the sandbox: runs complete commands one at a time, as an interactive terminal
 * does, so a syntax error on one line does not stop the next.
 */
export class Shell {
  readonly world: World;
  readonly history: string[] = [];
  readonly aliases = new Map<string, string>();
  readonly stack: Frame[];
  lastStatus = 0;
  /** Functions by name (compound.ts defines them); they come before builtins, as in bash. */
  readonly functions = new Map<string, (sh: Shell, argv: string[], stdin: string) => RunResult>();
  /** Set while a command runs with no terminal (ssh HOST CMD without -t): programs see a pipe, not a tty. */
  noTty = false;
  /** The terminal's width in characters, which programs on it read (Simulator.resize). */
  columns = 80;
  /** Files made for this line's `<(…)`, removed when it ends. */
  substituted: { fs: Vfs; path: string }[] = [];
  /** The standard input a compound command's body shares: `read` takes its lines one by one. */
  input?: { rest: string };
  /** Set by `exit` on the first host: the rest of the current run is skipped. */
  exited = false;
  /** What the running line has printed so far. */
  out = new Output();
  private depth = 0;
  private commandsRun = 0;
  /** Status of the last `$(…)` of the command being expanded (what `X=$(false)` leaves in `$?`). */
  private substStatus = 0;
  /** A tool ran since the cluster last reconciled: the end of the pipeline reconciles once. */
  private tickPending = false;

  constructor(world: World, firstHost: string) {
    this.world = world;
    const host = world.hosts.get(firstHost) ?? [...world.hosts.values()][0];
    this.stack = [newFrame(host)];
  }

  /** The session the user is typing into (the last `ssh`). */
  get frame(): Frame {
    return this.stack[this.stack.length - 1];
  }

  /** What the terminal shows before the cursor. */
  prompt(): string {
    return `${this.frame.host.name} $ `;
  }

  /** Runs a line or a script the way a terminal would, returning everything it printed. */
  run(input: string, record = true): RunResult {
    this.out = new Output();
    this.exited = false;
    this.commandsRun = 0;
    const refused = refuseInput(input);
    if (refused) {
      this.lastStatus = 2;
      return { stdout: '', stderr: refused, exitCode: 2 };
    }
    try {
      for (const piece of splitCommands(input)) {
        if (record) this.history.push(piece);
        this.runSource(piece, false);
        if (this.exited) break;
      }
    } catch (e) {
      // A budget ends the run with its message; so does the engine's own stack or string limit
      // (deeply nested parentheses, a variable doubled until it no longer fits), instead of a throw.
      if (e instanceof BudgetExceeded) this.out.write('stderr', e.message);
      else if (e instanceof RangeError) this.out.write('stderr', outOfResources(e));
      else throw e;
      this.lastStatus = 2;
      this.depth = 0;
    }
    // The line's process substitutions are closed: their files (and the directories made for them) go.
    for (const { fs, path } of this.substituted.reverse()) fs.remove(path);
    this.substituted = [];
    return runResult(this.out.stdout, this.out.stderr, this.lastStatus, this.out.chunks);
  }

  /**
   * Parses and runs shell source in the current session (scripts, `bash -c`, `ssh host cmd`);
   * `split` false when `src` is already one complete command (saves reading it once more).
   */
  runSource(src: string, split = true): number {
    if (this.depth >= MAX_DEPTH) {
      this.out.write('stderr', 'bash: maximum nesting level exceeded\n');
      this.lastStatus = 2;
      return 2;
    }
    this.depth++;
    try {
      for (const piece of split ? splitCommands(src) : [src]) {
        const parsed = parse(piece);
        for (const w of parsed.warnings) this.out.write('stderr', w + '\n');
        if (!parsed.ok) {
          this.out.write('stderr', parsed.error + '\n');
          this.lastStatus = 2;
          continue;
        }
        this.runList(parsed.list);
        if (this.exited) break;
      }
    } finally {
      this.depth--;
    }
    return this.lastStatus;
  }

  /** Runs `fn` with its output captured rather than shown, as `$(…)` needs. */
  capture(fn: () => void): RunResult {
    const saved = this.out;
    this.out = new Output();
    try {
      fn();
      return runResult(this.out.stdout, this.out.stderr, this.lastStatus, this.out.chunks);
    } finally {
      this.out = saved;
    }
  }

  /**
   * Runs `fn` (a compound command, a function) with `stdin` as the input its commands share,
   * capturing its output; what a run cut short by a budget printed goes to `cut` (else the terminal).
   */
  withInput(stdin: string, fn: () => number, cut?: (partial: RunResult) => void): RunResult {
    const saved = this.input;
    const outer = this.out;
    this.input = { rest: stdin };
    this.out = new Output();
    try {
      this.lastStatus = fn();
      return runResult(this.out.stdout, this.out.stderr, this.lastStatus, this.out.chunks);
    } catch (e) {
      const partial = runResult(this.out.stdout, this.out.stderr, 1, this.out.chunks);
      this.out = outer;
      if (cut) cut(partial);
      else for (const c of partial.chunks ?? orderedOutput(partial)) outer.write(c.stream, c.text);
      throw e;
    } finally {
      this.input = saved;
      this.out = outer;
    }
  }

  /** Runs `fn` in a copy of the session (subshell): cd, variables, ssh and exit do not leak out. */
  subshell(fn: () => void): void {
    const frame = this.frame;
    const saved = { ...frame, vars: new Map(frame.vars), exported: new Set(frame.exported) };
    const height = this.stack.length;
    try {
      fn();
    } finally {
      this.stack.length = height;
      Object.assign(this.stack[height - 1], saved);
      this.exited = false;
    }
  }

  /** Opens a session on another host (ssh). */
  pushHost(host: Host): void {
    this.stack.push(newFrame(host));
  }

  write(stream: 'stdout' | 'stderr', text: string): void {
    this.out.write(stream, text);
  }

  /** Environment passed to commands: exported variables. */
  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of this.frame.exported) {
      const v = this.frame.vars.get(name);
      if (v !== undefined) env[name] = v;
    }
    return env;
  }

  /** Runs a list of pipelines (a line's, a subshell's or a compound command's body). */
  runList(list: AndOr[]): void {
    for (const item of list) {
      let status = this.runPipeline(item.first);
      for (const { op, pipeline } of item.rest) {
        if (this.exited) break;
        if ((op === '&&') === (status === 0)) status = this.runPipeline(pipeline);
      }
      this.lastStatus = status;
      if (this.exited) return;
    }
  }

  private runPipeline(p: Pipeline): number {
    let input = this.input?.rest ?? '';
    let status = 0;
    // The stages of a pipe run at the same time, so the controllers catch up once after the whole
    // pipeline rather than after each stage (a 2000-stage pipe would otherwise reconcile 2000 times);
    // the commands of a list (`create && get`) still see each other's effects, pipeline by pipeline.
    // bash runs every stage of a real pipe in a subshell (no lastpipe), so `… | while read n; do
    // count=…; done` and `echo a | read x` leave the shell's variables as they were: the classic
    // gotcha a learner should meet here as on a node. A lone command runs in the shell itself.
    const piped = p.commands.length > 1;
    try {
      p.commands.forEach((cmd, k) => {
        if (this.exited) return;
        const last = k === p.commands.length - 1;
        const stage = () => {
          const r = this.runCommand(cmd, input, !last);
          input = r.piped;
          status = r.status;
        };
        if (piped) this.subshell(stage);
        else stage();
      });
    } finally {
      this.flushTick();
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  /** Reconciles the cluster if a tool ran since the last reconcile. */
  private flushTick(): void {
    if (!this.tickPending) return;
    this.tickPending = false;
    this.world.tick();
  }

  private runCommand(cmd: Command, stdin: string, toPipe: boolean): { status: number; piped: string } {
    if (++this.commandsRun > MAX_COMMANDS) {
      throw new BudgetExceeded(tooManyCommands());
    }
    const env = this.expandEnv();
    this.substStatus = 0;
    let words: string[] = [];
    let assigns: [string, string][] = [];
    try {
      if (cmd.kind === 'simple') {
        assigns = cmd.assigns.map((a) => splitAssign(a, env));
        for (const w of cmd.words) words.push(...expandWord(w, env));
        words = this.expandAlias(cmd, words, env);
      }
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      // A word past MAX_FILE is what execve(2) refuses with E2BIG: the command never starts.
      if (e instanceof ValueTooLargeError) {
        this.out.write('stderr', `bash: ${words[0] ?? (cmd.kind === 'simple' ? cmd.words[0] : '')}: Argument list too long\n`);
        return { status: 126, piped: '' };
      }
      this.out.write('stderr', e.message + '\n');
      return { status: 1, piped: '' };
    }
    if (words.reduce((n, w) => n + w.length, 0) > MAX_FILE) {
      this.out.write('stderr', `bash: ${words[0]}: Argument list too long\n`);
      return { status: 126, piped: '' };
    }
    const io = this.openRedirects(cmd.redirects, stdin, toPipe, env);
    if ('error' in io) {
      this.out.write('stderr', io.error);
      return { status: 1, piped: '' };
    }
    let result: RunResult;
    if (cmd.kind === 'subshell') {
      result = this.capture(() => this.subshell(() => this.runList(cmd.body)));
    } else if (cmd.kind === 'compound') {
      result = this.withInput(io.stdin, () => cmd.run(this), (partial) => this.route(partial, io.sinks));
    } else if (words.length === 0) {
      for (const [name, value] of assigns) this.frame.vars.set(name, value);
      result = { stdout: '', stderr: '', exitCode: this.substStatus };
    } else {
      const cmdEnv = { ...this.exportedEnv(), ...Object.fromEntries(assigns) };
      result = this.dispatch(words, io.stdin, cmdEnv, io.sinks[1].kind === 'out' && !this.noTty);
    }
    const piped = this.route(result, io.sinks);
    return { status: result.exitCode, piped };
  }

  private expandAlias(cmd: SimpleCommand, words: string[], env: ExpandEnv): string[] {
    const alias = words.length > 0 && cmd.words[0] === words[0] ? this.aliases.get(words[0]) : undefined;
    if (alias === undefined) return words;
    const toks = tokenize(alias).tokens.filter((t) => t.kind === 'word');
    return [...toks.flatMap((t) => expandWord((t as { text: string }).text, env)), ...words.slice(1)];
  }

  /** Runs one command by name: a builtin, a registered tool, or a script file. */
  dispatch(argv: string[], stdin: string, env: Record<string, string>, tty: boolean): RunResult {
    const name = argv[0];
    const builtin = this.functions.get(name) ?? BUILTINS[name];
    if (builtin) return builtin(this, argv, stdin, env);
    let fn = name.includes('/') ? undefined : lookupCommand(name);
    if (name.includes('/')) {
      const path = resolvePath(this.frame.cwd, name);
      if (BIN_DIRS.has(dirname(path)) && lookupCommand(basename(path)) && commandPath(basename(path)) === path) fn = lookupCommand(basename(path));
      else {
        const run = this.pathCommand(name);
        return typeof run === 'string' ? this.runScript(run, stdin) : run;
      }
    }
    if (fn) {
      const frame = this.frame;
      let result: RunResult;
      // A program that reads its standard input takes all of it (it reads ahead in blocks), so in
      // `while read h; do ssh-like-reader; done < list` the loop then ends: the getter tells.
      let readInput = false;
      try {
        result = fn({
          argv, env, cwd: frame.cwd, host: frame.host, world: this.world, stdoutIsTTY: tty, columns: tty ? this.columns : undefined,
          get stdin() {
            readInput = true;
            return stdin;
          },
          exec: (a, input) => {
            if (a.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
            // What a tool runs itself (xargs, watch) runs one after the other: each one is reconciled.
            const r = this.dispatch(a, input, env, false);
            this.flushTick();
            return r;
          },
        });
      } catch (e) {
        if (e instanceof BudgetExceeded) throw e;
        result = e instanceof RangeError
          ? { stdout: '', stderr: `${name}: ${outOfResources(e)}`, exitCode: 2 }
          : { stdout: '', stderr: `kubesim: internal error in ${name}: ${(e as Error)?.message ?? String(e)}\n`, exitCode: 70 };
      }
      this.tickPending = true;
      // What was read of the input a body shares (Shell.input) is used up, all of it.
      if (readInput && this.input?.rest === stdin) this.input.rest = '';
      return result;
    }
    if (unavailableTools.includes(name)) {
      return { stdout: '', stderr: `kubesim: ${name}: command not found in this sandbox\n`, exitCode: 127 };
    }
    return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
  }

  /**
   * What the file a command word names as a path runs on this shell's host: a script's text, or
   * bash's answer (or the sandbox's, for a program's stand-in) when nothing of it runs.
   */
  pathCommand(name: string): string | RunResult {
    const path = resolvePath(this.frame.cwd, name);
    const fs = this.frame.host.fs;
    const fail = (who: string, why: string, exitCode: number): RunResult => ({ stdout: '', stderr: `${who}: ${name}: ${why}\n`, exitCode });
    if (fs.isDir(path)) return fail('bash', 'Is a directory', 126);
    if (!fs.exists(path)) return fail('bash', 'No such file or directory', 127);
    if (((fs.stat?.(path)?.mode ?? 0o644) & 0o111) === 0) return fail('bash', 'Permission denied', 126);
    const text = fs.readFile(path) ?? '';
    // A program's binary (the CNI plugins' stand-ins): bash would run it, the sandbox has nothing to run.
    return /^(\x7fELF|ELF placeholder)/.test(text) ? fail('kubesim', 'running this program is not simulated in this sandbox', 127) : text;
  }

  /** Runs a script's text in a subshell with `stdin`, returning its output (bash FILE, ./x.sh). */
  runScript(src: string, _stdin: string): RunResult {
    return this.capture(() => this.subshell(() => this.runSource(src)));
  }

  /** What expansion reads and writes: this session's variables, files and `$(…)`. */
  expandEnv(): ExpandEnv {
    const frame = this.frame;
    // Each `<(…)` of a command gets the next descriptor down from 63, as bash hands them out.
    let fd = 63;
    return {
      getVar: (name) => (name === 'PWD' ? frame.cwd : name === 'RANDOM' ? String(Math.floor(this.world.rng.next() * 32768)) : frame.vars.get(name)),
      setVar: (name, value) => frame.vars.set(name, value),
      lastStatus: this.lastStatus,
      substitute: (src) => {
        const r = this.capture(() => this.subshell(() => this.runSource(src)));
        this.out.write('stderr', r.stderr);
        this.substStatus = r.exitCode;
        return r.stdout;
      },
      processSubstitution: processSubstitution && ((src) => processSubstitution!(this, src, fd--)),
      fs: frame.host.fs,
      cwd: frame.cwd,
    };
  }

  private openRedirects(
    redirects: Redirect[], stdin: string, toPipe: boolean, env: ExpandEnv,
  ): { stdin: string; sinks: Record<number, Sink> } | { error: string } {
    const sinks: Record<number, Sink> = { 1: toPipe ? { kind: 'pipe' } : { kind: 'out' }, 2: { kind: 'err' } };
    const fs = this.frame.host.fs;
    for (const r of redirects) {
      if (r.heredoc) {
        try {
          stdin = r.heredoc.expand ? safeExpand(() => expandHereDoc(r.heredoc!.body, env)) : r.heredoc.body;
        } catch (e) {
          if (e instanceof ValueTooLargeError) return { error: valueTooLarge('here-document') };
          throw e;
        }
        continue;
      }
      let target: string;
      try {
        target = r.op === '<<<' ? expandString(r.target, env) : expandWord(r.target, env).join(' ');
      } catch (e) {
        if (e instanceof ExpansionError) return { error: e.message + '\n' };
        throw e;
      }
      if (r.op === '<<<') {
        stdin = target + '\n';
        continue;
      }
      if ((r.op === '>&' || r.op === '<&') && /^\d+$/.test(target)) {
        const from = sinks[Number(target)];
        if (!from && r.op === '>&') return { error: `bash: ${target}: Bad file descriptor\n` };
        if (r.fd !== 0 && from) sinks[r.fd] = from;
        continue;
      }
      if ((r.op === '>&' || r.op === '<&') && target === '-') {
        sinks[r.fd] = { kind: 'null' };
        continue;
      }
      if (target === '' && r.target !== '') return { error: `bash: ${r.target}: ambiguous redirect\n` };
      const path = resolvePath(this.frame.cwd, target);
      if (r.op === '<' || r.op === '<>') {
        if (path === '/dev/null' || path === '/dev/stdin') {
          stdin = path === '/dev/null' ? '' : stdin;
          continue;
        }
        if (fs.isDir(path)) return { error: `bash: ${target}: Is a directory\n` };
        const data = fs.readFile(path);
        if (data === undefined) return { error: `bash: ${target}: No such file or directory\n` };
        stdin = data;
        continue;
      }
      let sink: Sink;
      if (path === '/dev/null') sink = { kind: 'null' };
      else if (path === '/dev/stdout') sink = sinks[1];
      else if (path === '/dev/stderr') sink = sinks[2];
      else if (path === '/dev/tty') sink = { kind: 'out' };
      else {
        if (fs.isDir(path)) return { error: `bash: ${target}: Is a directory\n` };
        if (!fs.isDir(dirname(path))) return { error: `bash: ${target}: No such file or directory\n` };
        const append = r.op === '>>' || r.op === '&>>';
        if (!append || !fs.exists(path)) fs.writeFile(path, append ? fs.readFile(path) ?? '' : '');
        sink = { kind: 'file', path };
      }
      if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === 1)) {
        sinks[1] = sink;
        sinks[2] = sink;
      } else {
        sinks[r.fd] = sink;
      }
    }
    return { stdin, sinks };
  }

  /** Sends a command's output where its redirections point; returns what goes down the pipe. */
  private route(result: RunResult, sinks: Record<number, Sink>): string {
    let piped = '';
    const fs = this.frame.host.fs;
    const send = (sink: Sink, text: string): void => {
      if (!text) return;
      switch (sink.kind) {
        case 'out': this.out.write('stdout', text); break;
        case 'err': this.out.write('stderr', text); break;
        case 'pipe':
          if (piped.length + text.length > MAX_PIPE) {
            piped += text.slice(0, Math.max(0, MAX_PIPE - piped.length));
            this.out.write('stderr', pipeTruncated());
          } else piped += text;
          break;
        case 'null': break;
        case 'file': {
          const before = fs.readFile(sink.path) ?? '';
          if (before.length + text.length > MAX_FILE) this.out.write('stderr', 'bash: write error: File too large\n');
          else fs.writeFile(sink.path, before + text);
        }
      }
    };
    // Interleaved output keeps its order when both streams end up in the same place.
    for (const c of orderedOutput(result)) send(c.stream === 'stdout' ? sinks[1] : sinks[2], c.text);
    return piped;
  }
}

/** The message for an input `run()` will not read (too big, too many lines, a line too long), if any. */
function refuseInput(input: string): string | undefined {
  // A line too long is named as such even when it alone passes the input limit (a 100 KB paste).
  let lines = 1;
  let start = 0;
  for (;;) {
    const end = input.indexOf('\n', start);
    const stop = end === -1 ? input.length : end;
    if (stop - start > MAX_LINE_BYTES || ((stop - start) * 3 > MAX_LINE_BYTES && utf8Length(input.slice(start, stop)) > MAX_LINE_BYTES)) return lineTooLong();
    if (end === -1) break;
    lines++;
    start = end + 1;
  }
  // Cheap bounds first: a UTF-8 byte is at least one UTF-16 unit and at most three.
  if (input.length > MAX_INPUT_BYTES || (input.length * 3 > MAX_INPUT_BYTES && utf8Length(input) > MAX_INPUT_BYTES)) return inputTooLarge();
  return lines > MAX_LINES ? tooManyLines(lines) : undefined;
}

function safeExpand(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExpansionError && !(e instanceof ValueTooLargeError)) return '';
    throw e;
  }
}

function splitAssign(word: string, env: ExpandEnv): [string, string] {
  const eq = word.indexOf('=');
  const name = word.slice(0, eq).replace(/\+$/, '');
  let raw = word.slice(eq + 1);
  if (raw.startsWith('(') && raw.endsWith(')')) raw = raw.slice(1, -1);
  const tooLarge = (): never => {
    throw new ExpansionError(valueTooLarge(name).trimEnd());
  };
  let value: string;
  try {
    value = expandString(raw, env);
  } catch (e) {
    if (e instanceof ValueTooLargeError) tooLarge();
    throw e;
  }
  if (word[eq - 1] !== '+') return [name, value];
  const before = env.getVar(name) ?? '';
  if (before.length + value.length > MAX_FILE) tooLarge();
  return [name, before + value];
}

/** The variables a fresh login shell on `host` has (as Ubuntu's root login sets them). */
export function newFrame(host: Host): Frame {
  const vars = new Map<string, string>([
    ['HOME', HOME],
    ['LANG', 'C.UTF-8'],
    ['LOGNAME', 'root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin'],
    ['PWD', HOME],
    ['SHELL', '/bin/bash'],
    ['SHLVL', '1'],
    ['TERM', 'xterm'],
    ['USER', 'root'],
  ]);
  const exported = new Set(vars.keys());
  vars.set('HOSTNAME', host.name);
  return { host, cwd: HOME, vars, exported };
}
