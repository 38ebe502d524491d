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
