/**
 * What github.com/urfave/cli/v2 (v2.27, as cri-tools v1.34 vendors it) does with a command line
 * before the tool's own code runs: Go's flag package parses each level's flags, an unknown one
 * gets "Incorrect Usage:" and the command's help, and `-h`, `help` or no command print help from
 * its templates (help.go, template.go, flag.go). The app and its commands are data
 * (crictl-commands.json); this module knows nothing of crictl.
 */
import { goTabwriter } from '../../printers/table.ts';

/** A flag as the tool declares it (cli.BoolFlag, cli.StringFlag…). */
export interface CliFlag {
  type: string;
  name: string;
  aliases?: string[];
  usage?: string;
  /** The default as Go prints it (`2s`, `/etc/crictl.yaml`, `-1`, `["a"]` for a slice). */
  value?: unknown;
  envVars?: string[];
  defaultText?: string;
  hidden?: boolean;
  /** urfave's own help and version flags print no default. */
  disableDefaultText?: boolean;
}

/** A command (cli.Command). */
export interface CliCommand {
  name: string;
  aliases?: string[];
  usage?: string;
  usageText?: string;
  argsUsage?: string;
  description?: string;
  flags?: CliFlag[];
  subcommands?: CliCommand[];
  hidden?: boolean;
  useShortOptionHandling?: boolean;
}

/** The app (cli.App): its name, usage, version, global flags and commands. */
export interface CliApp {
  name: string;
  usage: string;
  version: string;
  flags: CliFlag[];
  commands: CliCommand[];
}

/** urfave's built-in flags and help command (flag.go, help.go). */
export const HELP_FLAG: CliFlag = { type: 'bool', name: 'help', aliases: ['h'], usage: 'show help', disableDefaultText: true };
const VERSION_FLAG: CliFlag = { type: 'bool', name: 'version', aliases: ['v'], usage: 'print the version', disableDefaultText: true };
const HELP_COMMAND: CliCommand = { name: 'help', aliases: ['h'], usage: 'Shows a list of commands or help for one command', argsUsage: '[command]' };

const namesOf = (f: CliFlag | CliCommand): string[] => [f.name, ...(f.aliases ?? [])];
const goQuote = (s: string): string => JSON.stringify(s);

/** The default a flag's help shows (each flag type's GetDefaultText). */
function defaultText(f: CliFlag): string {
  if (f.defaultText) return f.defaultText;
  switch (f.type) {
    case 'bool':
      return String(f.value ?? false);
    case 'string':
    case 'path':
    case 'generic':
      return f.value ? goQuote(String(f.value)) : '';
    case 'duration':
      return String(f.value ?? '0s');
    case 'stringSlice':
    case 'intSlice':
    case 'int64Slice':
      return Array.isArray(f.value) ? f.value.filter((v) => String(v) !== '').map((v) => goQuote(String(v))).join(', ') : '';
    default:
      return String(f.value ?? 0);
  }
}

/** stringifyFlag: `--name value, -n value<TAB>usage (default: x) [$ENV]`. */
export function flagString(f: CliFlag): string {
  let usage = f.usage ?? '';
  let placeholder = '';
  // A `word` in backquotes names the value (unquoteUsage).
  const q = /`([^`]*)`/.exec(usage);
  if (q) {
    placeholder = q[1];
    usage = usage.slice(0, q.index) + q[1] + usage.slice(q.index + q[0].length);
  }
  if (f.type !== 'bool' && placeholder === '') placeholder = 'value';
  const def = f.type === 'bool' && f.disableDefaultText ? '' : defaultText(f);
  const withDefault = (usage + (def ? ` (default: ${def})` : '')).trim();
  let names = namesOf(f).map((n) => (n.length === 1 ? '-' : '--') + n + (placeholder ? ` ${placeholder}` : '')).join(', ');
  if (/Slice$/.test(f.type)) names += ` [ ${names} ]`;
  const env = f.envVars?.length ? ` [$${f.envVars.join(', $')}]` : '';
  return `${names}\t${withDefault}${env}`;
}

/** wrap with wrapAt 10000: nothing wraps, but a multi-line text's later lines are indented. */
function wrap(text: string, offset: number): string {
  const pad = ' '.repeat(offset);
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line)).join('\n');
}

function flagsBlock(flags: CliFlag[]): string {
  return flags.filter((f) => !f.hidden).map((f) => `\n   ${wrap(flagString(f), 6)}`).join('');
}

function commandsBlock(commands: CliCommand[]): string {
  const visible = commands.filter((c) => !c.hidden);
  const cv = Math.max(0, ...visible.map((c) => namesOf(c).join(', ').length)) + 5;
  return visible.map((c) => {
    const s = namesOf(c).join(', ');
    return `\n   ${s}${' '.repeat(Math.max(0, cv - (s.length + 3)))}${wrap(c.usage ?? '', cv)}`;
  }).join('');
}

const helpName = (fullName: string, usage: string | undefined): string => `${wrap(fullName, 3)}${usage ? ` - ${wrap(usage, fullName.length + 6)}` : ''}`;

/** The app's own flags and the version flag urfave adds when the app has a version (help is parseLevel's and the help's). */
export function appFlags(app: CliApp): CliFlag[] {
  return app.version ? [...app.flags, VERSION_FLAG] : app.flags;
}

/** The app's help (AppHelpTemplate), with the help command and the help and version flags urfave adds. */
export function appHelp(app: CliApp): string {
  const flags = [...app.flags, HELP_FLAG, ...(app.version ? [VERSION_FLAG] : [])];
  const commands = [...app.commands, HELP_COMMAND];
  let out = `NAME:\n   ${helpName(app.name, app.usage)}\n\nUSAGE:\n   ${app.name} [global options] command [command options]`;
  if (app.version) out += `\n\nVERSION:\n   ${app.version}`;
  out += `\n\nCOMMANDS:${commandsBlock(commands)}`;
  out += `\n\nGLOBAL OPTIONS:${flagsBlock(flags)}\n`;
  return goTabwriter(out, 2, 1);
}

/**
 * A command's help. `asParent` is the template urfave picks once the command has run its setup,
 * which gives it a help subcommand: SubcommandHelpTemplate (the help after "Incorrect Usage:").
 * Otherwise CommandHelpTemplate (`-h`, `help CMD`); a command with subcommands always gets the former.
 */
export function commandHelp(app: CliApp, command: CliCommand, asParent = false): string {
  const full = `${app.name} ${command.name}`;
  const flags = [...(command.flags ?? []), HELP_FLAG];
  const subs = command.subcommands?.length ? [...command.subcommands, HELP_COMMAND] : asParent ? [HELP_COMMAND] : [];
  let out = `NAME:\n   ${helpName(full, command.usage)}\n\nUSAGE:\n   `;
  if (command.usageText) out += wrap(command.usageText, 3);
  else if (subs.length) out += `${full} ${flags.some((f) => !f.hidden) ? 'command [command options]' : ''}${command.argsUsage ? ` ${command.argsUsage}` : ''}`;
  else out += `${full}${flags.some((f) => !f.hidden) ? ' [command options]' : ''}${command.argsUsage ? ` ${command.argsUsage}` : ''}`;
  if (command.description) out += `\n\nDESCRIPTION:\n   ${wrap(command.description, 3)}`;
  if (subs.length) out += `\n\nCOMMANDS:${commandsBlock(subs)}`;
  out += `\n\nOPTIONS:${flagsBlock(flags)}\n`;
  return goTabwriter(out, 2, 1);
}

/** What one level of the command line parsed to, or Go's flag error. */
export interface ParsedLevel {
  flags: Map<string, string>;
  /** The words after the flags (a command name first, at the app's level). */
  rest: string[];
  error?: string;
}

/** A flag by any of its names. */
const lookup = (flags: CliFlag[], name: string): CliFlag | undefined => flags.find((f) => namesOf(f).includes(name));

/** strconv.ParseBool. */
const goBool = (s: string): boolean | undefined => (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s) ? false : undefined);

/** Whether a value parses as the flag's type (strconv / time.ParseDuration; Go's flag says "parse error"). */
function parses(f: CliFlag, v: string): boolean {
  if (/^u?int(64)?$/.test(f.type)) return /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|[1-9][0-9]*|0[bB][01]+)$/.test(v.replace(/_/g, ''));
  if (f.type === 'float64') return v.trim() !== '' && !Number.isNaN(Number(v));
  if (f.type === 'duration') return v === '0' || /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/.test(v);
  return true;
}

/**
 * Go's flag.FlagSet.Parse over one level's flags (each under its every name, with urfave's help flag),
 * up to the first word that is not a flag. With short-option handling, `-aq` is `-a -q`.
 */
export function parseLevel(words: string[], declared: CliFlag[], shortOptions = false): ParsedLevel {
  const argv = [...words];
  const flags = [...declared, HELP_FLAG];
  const out: ParsedLevel = { flags: new Map(), rest: [] };
  const set = (f: CliFlag, v: string) => {
    for (const n of namesOf(f)) out.flags.set(n, v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.length < 2 || a[0] !== '-') {
      out.rest = argv.slice(i);
      return out;
    }
    const dashes = a[1] === '-' ? 2 : 1;
    if (dashes === 2 && a.length === 2) {
      out.rest = argv.slice(i + 1);
      return out;
    }
    const body = a.slice(dashes);
    if (body === '' || body[0] === '-' || body[0] === '=') return { ...out, error: `bad flag syntax: ${a}` };
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const f = lookup(flags, name);
    if (!f) {
      // parseIter: `-aq` becomes `-a -q` when every letter is a flag (of any type: `-an 3` is `-a -n 3`).
      if (shortOptions && dashes === 1 && eq < 0 && name.length > 1 && [...name].every((ch) => lookup(flags, ch))) {
        argv.splice(i, 1, ...[...name].map((ch) => `-${ch}`));
        i--;
        continue;
      }
      return { ...out, error: `flag provided but not defined: -${name}` };
    }
    if (f.type === 'bool') {
      const v = eq >= 0 ? goBool(body.slice(eq + 1)) : true;
      if (v === undefined) return { ...out, error: `invalid boolean value ${goQuote(body.slice(eq + 1))} for -${name}: parse error` };
      set(f, String(v));
      continue;
    }
    let v: string;
    if (eq >= 0) v = body.slice(eq + 1);
    else if (i + 1 < argv.length) v = argv[++i];
    else return { ...out, error: `flag needs an argument: -${name}` };
    if (!parses(f, v)) return { ...out, error: `invalid value ${goQuote(v)} for flag -${name}: parse error` };
    // A slice flag collects every value it is given.
    set(f, /Slice$/.test(f.type) && out.flags.has(f.name) ? `${out.flags.get(f.name)},${v}` : v);
  }
  return out;
}
