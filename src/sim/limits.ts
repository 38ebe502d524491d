/**
 * Every bound the simulator puts on one session, in one place: what a paste or a script may be,
 * how much one `run()` may do and print, and how many API objects the cluster may hold. Each limit
 * reached ends in a `kubesim: …` message on stderr and a non-zero exit, never a hang or a throw.
 */

/**
 * The longest line `run()` accepts, in UTF-8 bytes: a real tty line is 4 KiB, and a pasted line of
 * base64 (a kubeconfig's key) about 3 KiB; reading a longer one is work before the JIT has warmed up.
 */
export const MAX_LINE_BYTES = 16 * 1024;
/**
 * The largest input one `run()` accepts (a pasted manifest or here-document), in UTF-8 bytes: ten
 * times a lesson's biggest manifest, and about 800 objects of flow-style YAML, which kubectl apply
 * creates in tens of milliseconds (a paste of 3000 took a quarter of a second).
 */
export const MAX_INPUT_BYTES = 64 * 1024;
/** The most lines one `run()` accepts. */
export const MAX_LINES = 10_000;
/**
 * The most simple commands one `run()` executes: a deterministic work budget (each command also lets
 * the controllers sync), which stops self-calling scripts and 5000-stage pipelines within 100 ms.
 */
export const MAX_COMMANDS = 1_000;
/** How deep `bash -c`, scripts, subshells and `$(…)` may nest. */
export const MAX_DEPTH = 32;
/** How deep `( … )` may nest in one command: far past any real script, well short of the engine's stack. */
export const MAX_NESTING = 256;
/** How deep shell functions may call each other: recursion ends here, the same on every engine, before its stack does. */
export const MAX_FUNCTION_NESTING = 100;
/**
 * The largest file a redirection may grow, and the longest value a variable or a sed pattern space
 * may hold, in characters: ten times the biggest manifest a lesson writes, and small enough that
 * building one never takes a phone more than a few milliseconds.
 */
export const MAX_FILE = 256 * 1024;
/** The most characters a pipe carries from one command to the next (as much as a file may hold). */
export const MAX_PIPE = MAX_FILE;
/**
 * The most characters one command reads from its files and standard input: four full files. Without
 * it `wc -c f f f …` over one big file named a thousand times read 300 million characters (a minute).
 */
export const MAX_READ = 4 * MAX_FILE;
/** Most a single `run()` keeps of each output stream, in characters; beyond it the output is cut with a note. */
export const MAX_OUTPUT = 256 * 1024;
/** The most API objects the store holds (events included); creates beyond it are refused. */
export const MAX_OBJECTS = 5_000;

/**
 * The most Pods the cluster holds (a ResourceQuota on count/pods, in effect). The sandbox's worker
 * nodes fit about 220 (110 each, kubelet's default maxPods), and the scheduler and controllers work
 * per pod on every sync (with its events): a `--replicas=100000000` must stop here, within 50 ms.
 */
export const MAX_PODS = 100;

/** `kubesim: input line too long (max N bytes)`. */
export const lineTooLong = (): string => `kubesim: input line too long (max ${MAX_LINE_BYTES} bytes)\n`;
/** `kubesim: input too large (max N bytes)`. */
export const inputTooLarge = (): string => `kubesim: input too large (max ${MAX_INPUT_BYTES} bytes)\n`;
/** `kubesim: script too long (N lines; max M lines)`. */
export const tooManyLines = (lines: number): string => `kubesim: script too long (${lines} lines; max ${MAX_LINES} lines)\n`;
/** `kubesim: too many commands in one run (max N)`. */
export const tooManyCommands = (): string => `kubesim: too many commands in one run (max ${MAX_COMMANDS})\n`;
/** `kubesim: pipe data truncated after N characters`. */
export const pipeTruncated = (): string => `kubesim: pipe data truncated after ${MAX_PIPE} characters\n`;
/** `kubesim: input nested too deeply (maximum depth exceeded)`, past MAX_NESTING or the engine's stack. */
export const nestedTooDeeply = (): string => `kubesim: input nested too deeply (maximum depth exceeded)\n`;
/** The message for a run that ran out of stack or string space (nesting or growth past the engine's limits). */
export const outOfResources = (error: RangeError): string =>
  /call stack/i.test(error.message) ? nestedTooDeeply() : `kubesim: out of memory (${error.message})\n`;
/** `kubesim: NAME: value too large (max N characters)`, for a variable or here-document past MAX_FILE. */
export const valueTooLarge = (name: string): string => `kubesim: ${name}: value too large (max ${MAX_FILE} characters)\n`;
/** `kubesim: printf: field width N too large (max M)`, for a width or precision past MAX_OUTPUT. */
export const fieldTooWide = (what: 'field width' | 'precision', n: string): string =>
  `kubesim: printf: ${what} ${n} too large (max ${MAX_OUTPUT})\n`;
/** `kubesim: output truncated after N characters`. */
export const outputTruncated = (): string => `\nkubesim: output truncated after ${MAX_OUTPUT} characters\n`;
/** `kubesim: object limit reached (N objects)`, as the API server's refusal message. */
export const objectLimitReached = (): string => `kubesim: object limit reached (${MAX_OBJECTS} objects)`;

/** `kubesim: pod limit reached (N pods)`, as the API server's refusal message. */
export const podLimitReached = (): string => `kubesim: pod limit reached (${MAX_PODS} pods)`;

/** UTF-8 length of a string, counted without allocating an encoded copy. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
