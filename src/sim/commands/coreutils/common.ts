import type { CommandContext, RunResult } from '../../types.ts';
import { openPath } from '../../shell/paths.ts';
import { MAX_READ } from '../../limits.ts';

/** A successful result with `stdout`. */
export const ok = (stdout = ''): RunResult => ({ stdout, stderr: '', exitCode: 0 });
/** A failed result with `stderr`. */
export const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

/** GNU's pointer to --help after a usage error. */
export const tryHelp = (tool: string): string => `Try '${tool} --help' for more information.\n`;

/** Whether GNU's shell-escape quoting would quote `name`: a character the shell treats specially, or `#`/`~` first. */
function needsQuotes(name: string): boolean {
  return name === '' || name === '{' || name === '}' || /[\s!"$&'()*;<=>?[\\^`|]/.test(name) || /^[#~]/.test(name);
}

/** A file name as GNU coreutils' quoteaf shows it (`cannot access 'x'`): always quoted, in double quotes when it holds a single quote. */
export function quoteaf(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  return /[$`"\\!]/.test(name) ? `'${name.replace(/'/g, "'\\''")}'` : `"${name}"`;
}

/** A file name as quotef shows it (`cat: x: No such file…`): bare unless the shell would need quotes. */
export function quotef(name: string): string {
  return needsQuotes(name) ? quoteaf(name) : name;
}

/** The absolute path a command argument names. */
export const abs = (ctx: CommandContext, p: string): string => openPath(ctx.cwd, p);

/** Lines of a text without their newlines; a final newline does not make an empty last line. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Joins lines back, each ending with a newline. */
export const unlines = (ls: string[]): string => ls.map((l) => l + '\n').join('');

/** Options parsed the getopt way: flags, option values (last wins, all kept) and operands. */
export interface Options {
  flags: Set<string>;
  values: Map<string, string[]>;
  args: string[];
  error?: string;
}

/**
 * getopt_long as GNU tools use it: `short` like "inA:" (a colon marks an argument), `long` maps
 * long names to the short key. Options may follow operands (GNU permutes) until `--`.
 */
export function getopt(argv: string[], tool: string, short: string, long: Record<string, string> = {}): Options {
  const o: Options = { flags: new Set(), values: new Map(), args: [] };
  const takes = (k: string): boolean => short.includes(k + ':');
  const set = (k: string, v?: string): void => {
    if (v === undefined) o.flags.add(k);
    else o.values.set(k, [...(o.values.get(k) ?? []), v]);
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      o.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(long).filter((l) => l === name || l.startsWith(name));
      const key = long[name] ?? (matches.length === 1 ? long[matches[0]] : undefined);
      if (key === undefined) {
        o.error = `${tool}: unrecognized option '${a}'\n`;
        return o;
      }
      if (takes(key)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) {
          o.error = `${tool}: option '--${matches[0] ?? name}' requires an argument\n`;
          return o;
        }
        set(key, v);
      } else set(key);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const k = a[j];
        if (!short.includes(k) || k === ':') {
          o.error = `${tool}: invalid option -- '${k}'\n`;
          return o;
        }
        if (takes(k)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) {
            o.error = `${tool}: option requires an argument -- '${k}'\n`;
            return o;
          }
          set(k, v);
          break;
        }
        set(k);
      }
      continue;
    }
    o.args.push(a);
  }
  return o;
}

/** The last value given for an option. */
export const last = (o: Options, k: string): string | undefined => o.values.get(k)?.at(-1);

const charged = new WeakMap<CommandContext, number>();

/**
 * Counts `text` against what the command may read (MAX_READ) and returns it; past the limit, a
 * RangeError that the shell reports as `TOOL: kubesim: out of memory (input over N characters)`.
 */
export function charge(ctx: CommandContext, text: string): string {
  const total = (charged.get(ctx) ?? 0) + text.length;
  charged.set(ctx, total);
  if (total > MAX_READ) throw new RangeError(`input over ${MAX_READ} characters`);
  return text;
}

/**
 * The inputs of a filter (cat, grep, head…): stdin when no files (or `-`), else each file.
 * Missing files and directories become `tool: NAME: message` lines, as GNU prints them.
 */
export function readInputs(ctx: CommandContext, files: string[], tool: string): { inputs: { name: string; text: string }[]; errors: string } {
  const inputs: { name: string; text: string }[] = [];
  let errors = '';
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      inputs.push({ name: '(standard input)', text: charge(ctx, ctx.stdin) });
      continue;
    }
    const p = abs(ctx, f);
    if (ctx.host.fs.isDir(p)) {
      errors += `${tool}: ${quotef(f)}: Is a directory\n`;
      continue;
    }
    const text = ctx.host.fs.readFile(p);
    if (text === undefined) errors += `${tool}: ${quotef(f)}: No such file or directory\n`;
    else inputs.push({ name: f, text: charge(ctx, text) });
  }
  return { inputs, errors };
}
