/**
 * The contracts between the simulator's parts: the shell runs commands, commands read and
 * write the world (hosts, files, the cluster). Kept in one small file so that each part can
 * be written against it without importing the others.
 */

/** What one command (or a whole script) leaves behind, as a terminal would show it. */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Both streams in the order they were written, when a tool interleaves them (kubectl drain's
   * warning before its evictions, etcdctl's log before "Snapshot saved at"). Optional: when
   * present, its stdout pieces joined are `stdout` and its stderr pieces joined are `stderr`.
   */
  chunks?: OutputChunk[];
}

/** One piece of a command's output and the stream it went to. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The result's output in the order it was written: its chunks, else stdout then stderr. */
export function orderedOutput(r: Pick<RunResult, 'stdout' | 'stderr' | 'chunks'>): OutputChunk[] {
  if (r.chunks) return r.chunks;
  const out: OutputChunk[] = [];
  if (r.stdout) out.push({ stream: 'stdout', text: r.stdout });
  if (r.stderr) out.push({ stream: 'stderr', text: r.stderr });
  return out;
}

/** Whether an ordered output says more than "stdout, then stderr" (only then is it worth carrying). */
export function interleaved(chunks: OutputChunk[] | undefined): chunks is OutputChunk[] {
  return !!chunks && chunks.length > 1 && !(chunks.length === 2 && chunks[0].stream === 'stdout');
}

/** A RunResult that carries `chunks` only when the streams were interleaved. */
export function runResult(stdout: string, stderr: string, exitCode: number, chunks?: OutputChunk[]): RunResult {
  return interleaved(chunks) ? { stdout, stderr, exitCode, chunks: chunks.map((c) => ({ ...c })) } : { stdout, stderr, exitCode };
}

/** Appends a piece to an ordered list, merging it into the last piece of the same stream. */
export function pushChunk(chunks: OutputChunk[], stream: OutputChunk['stream'], text: string): void {
  if (!text) return;
  const last = chunks[chunks.length - 1];
  if (last?.stream === stream) last.text += text;
  else chunks.push({ stream, text });
}

/** A virtual file system of one host. Paths are absolute and already normalised by the caller. */
export interface Vfs {
  /** File contents, or undefined when there is no such file (directories are not files). */
  readFile(path: string): string | undefined;
  /** Creates or replaces a file; parent directories must exist (returns false when they do not). */
  writeFile(path: string, data: string): boolean;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** Names directly inside a directory, sorted; undefined when the path is not a directory. */
  list(path: string): string[] | undefined;
  mkdir(path: string, parents?: boolean): boolean;
  remove(path: string, recursive?: boolean): boolean;
  /** Size, mtime and mode for `ls -l` and `stat`; optional so that simple stores may omit it. */
  stat?(path: string): FileStat | undefined;
  /** A count that moves on every change, so a reader can skip re-reading an unchanged tree; optional too. */
  changes?(): number;
}

/** What `Vfs.stat` reports about a path. */
export interface FileStat {
  isDir: boolean;
  /** Bytes (UTF-8) of a file; 4096 for a directory, as ext4 shows. */
  size: number;
  /** Virtual time (ms) of the last write. */
  mtime: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
}

/** A systemd unit on a host (kubelet, containerd, etcd, kube-apiserver in the systemd setup…). */
export interface Service {
  name: string;
  active: boolean;
  enabled: boolean;
  /** Virtual time (ms) of the last start or stop, for `systemctl status` "since". */
  since: number;
  /** Lines `journalctl -u` prints, newest last. */
  journal: string[];
}

/** One machine of the sandbox: its name, files and services. */
export interface Host {
  name: string;
  /** Primary IPv4 address, e.g. 192.168.121.10. */
  ip: string;
  fs: Vfs;
  services: Map<string, Service>;
  /** Whether `docker` exists on this host (chapter 4); otherwise containerd only. */
  hasDocker: boolean;
}

/** The virtual clock: only `sleep` and explicit advances move it. */
export interface Clock {
  /** Milliseconds since the epoch in simulated time. */
  now(): number;
  advance(ms: number): void;
}

/** Seeded randomness for generated names (pod suffixes, uids). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** `n` characters from kube's name alphabet "bcdfghjklmnpqrstvwxz2456789". */
  suffix(n: number): string;
}

/** What a command receives. `argv[0]` is the command's own name. */
export interface CommandContext {
  argv: string[];
  stdin: string;
  /** Environment as the shell exported it plus `VAR=value` prefixes of this command. */
  env: Record<string, string>;
  cwd: string;
  host: Host;
  world: World;
  /** True when stdout goes to the terminal rather than a pipe or file (`ls` prints columns then). */
  stdoutIsTTY?: boolean;
  /** The terminal's width in characters when stdout is the terminal (what the TIOCGWINSZ ioctl reports). */
  columns?: number;
  /** Runs another command of the sandbox with this context's host, cwd and env (env, xargs, watch…). */
  exec?: (argv: string[], stdin: string) => RunResult;
}

/** A command of the sandbox (kubectl, cat, etcdctl…). Never throws for bad input: returns a message. */
export type CommandFn = (ctx: CommandContext) => RunResult;

/**
 * Everything a simulator holds. `cluster` is the Kubernetes side (object store + controllers),
 * typed loosely here so the shell does not depend on it.
 */
export interface World {
  hosts: Map<string, Host>;
  clock: Clock;
  rng: Rng;
  cluster: unknown;
  /** Called after each command and after the clock moves, so controllers can reconcile. */
  tick(): void;
}
