/**
 * kubectl's help, as its templater prints it (k8s.io/kubectl/pkg/util/templates/templater.go):
 * the long description, then aliases, examples, subcommands, options, the usage line and the
 * hints, word-wrapped for the terminal as term.NewResponsiveWriter wraps them. The texts are
 * data (help-commands.json, kubectl v1.34's generated reference); this module only lays them out.
 */
import DATA from './help-commands.json' with { type: 'json' };
import { wrapString } from './wordwrap.ts';

/** One flag as the reference lists it: shorthand, name, pflag type, default value, usage. */
type HelpFlag = [short: string, name: string, type: string, def: string, usage: string];

/** One command's help texts. */
interface HelpCommand {
  use: string;
  short?: string;
  long?: string;
  example?: string;
  flags: HelpFlag[];
  aliases?: string[];
  /** Subcommands with their short descriptions, in cobra's (sorted) order. */
  children?: [string, string][];
}

interface HelpData {
  root: { long: string; groups: [string, string[]][]; other: string[]; shorts: Record<string, string> };
  commands: Record<string, HelpCommand>;
}

const HELP = DATA as unknown as HelpData;

/** What the help printer knows of stdout: whether it is a terminal, and how wide. */
export interface HelpTerminal {
  stdoutIsTTY?: boolean;
  columns?: number;
}

// term.GetWordWrapperLimit: 120, 100 or 80 by the terminal's width; 0 (no wrapping) for a pipe or a narrower terminal.
function wrapLimit(t: HelpTerminal): number {
  const w = t.stdoutIsTTY ? (t.columns ?? 0) : 0;
  return w >= 120 ? 120 : w >= 100 ? 100 : w >= 80 ? 80 : 0;
}

const trimRight = (s: string) => s.replace(/\s+$/, '');
const OPTIONS_HINT = 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

// cobra's NamePadding: the longest sibling name (of those listed, unless given), at least 11.
function commandList(entries: [string, string][], names = entries.map(([name]) => name)): string {
  const pad = Math.max(11, ...names.map((name) => name.length));
  return entries.map(([name, short]) => `  ${name.padEnd(pad)}   ${short}`).join('\n');
}

// help_flags_printer.go PrintHelpFlag with templater.go getFlagFormat: the flag and its default
// on one line, the usage on the next after a tab, wrapped 10 columns short of the limit.
function flagsUsages(flags: HelpFlag[], limit: number): string {
  return flags
    .map(([short, name, type, def, usage]) => {
      const value = type === 'string' ? `'${def}'` : def;
      const head = `    ${short ? `-${short}, ` : ''}--${name}=${value}:`;
      const body = wrapString(usage.split('\n').join(' '), limit - 10);
      return `${head}\n${body}`.replaceAll('\n', '\n\t') + '\n\n';
    })
    .join('');
}

// The command a path of words names (`create deploy web` → `create deployment`), following
// aliases as cobra's Find does; undefined for a first word that is no command of the reference.
function resolveCommand(words: string[]): string | undefined {
  if (!words.length || !Object.hasOwn(HELP.commands, words[0])) return undefined;
  let key = words[0];
  for (const word of words.slice(1)) {
    const child = HELP.commands[key].children?.find(([name]) => name === word || HELP.commands[`${key} ${name}`]?.aliases?.includes(word));
    if (!child) break;
    key = `${key} ${child[0]}`;
  }
  return key;
}

// `kubectl PATH --help` for a command of the reference (`drain`, `create secret generic`).
function commandHelp(key: string, t: HelpTerminal): string {
  const c = HELP.commands[key];
  const name = key.split(' ').at(-1)!;
  let usage = '\n\n';
  if (c.aliases?.length) usage += `Aliases:\n${[name, ...c.aliases].join(', ')}\n\n`;
  if (c.example) usage += `Examples:\n${trimRight(c.example)}\n\n`;
  const children = c.children?.filter(([child]) => child !== 'options') ?? [];
  if (children.length) usage += `Available Commands:\n${commandList(children)}\n\n`;
  const limit = wrapLimit(t);
  if (c.flags.length) usage += `Options:\n${trimRight(flagsUsages(c.flags, limit))}\n\n`;
  usage += `Usage:\n  ${c.use.includes('[options]') ? c.use : `${c.use} [options]`}\n\n`;
  if (c.children?.length) usage += `Use "kubectl ${key} <command> --help" for more information about a given command.\n`;
  usage += OPTIONS_HINT;
  return wrapString((c.long ?? c.short ?? '').trim() + usage, limit);
}

// The root's usage (templater.usage for kubectl itself): its command groups, then the hints.
function rootUsage(): string {
  const { groups, other, shorts } = HELP.root;
  const all = [...groups, ['Other Commands:', other] as [string, string[]]];
  // Every group is padded to the root's longest command name.
  const lists = all.map(([title, names]) => `${title}\n${commandList(names.map((n) => [n, shorts[n]]), Object.keys(shorts))}`);
  return `\n\n${lists.join('\n\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n${OPTIONS_HINT}`;
}

// `kubectl`, `kubectl --help`.
function rootHelp(t: HelpTerminal): string {
  return wrapString(HELP.root.long + rootUsage(), wrapLimit(t));
}

/**
 * `kubectl help [COMMAND…]`, cobra's help command: the help of the command the words name, or,
 * for a first word kubectl does not know, "Unknown help topic" and the root's usage on stderr.
 */
export function helpCommand(words: string[], t: HelpTerminal): { stdout: string; stderr: string } {
  if (!words.length) return { stdout: rootHelp(t), stderr: '' };
  const key = resolveCommand(words);
  if (key) return { stdout: commandHelp(key, t), stderr: '' };
  return { stdout: '', stderr: `Unknown help topic [${words.map((w) => `\`${w}\``).join(' ')}]\n${wrapString(rootUsage(), wrapLimit(t))}` };
}
