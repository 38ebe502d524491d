/**
 * crictl's help and usage errors, as urfave/cli v2.27 prints them from cri-tools' command table:
 * AppHelpTemplate, CommandHelpTemplate, SubcommandHelpTemplate (after "Incorrect Usage:", once the
 * command has its help subcommand), stringifyFlag's columns, and Go's flag package's errors.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { flagString } from '../../../../src/sim/commands/node/urfave-cli.ts';

const sim = createSimulator();
const run = (line: string) => sim.run(line);

/** The lines of one section of a help text (after `TITLE:` up to the blank line). */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(`${title}:`);
  if (at < 0) return [];
  const end = lines.indexOf('', at);
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

/** The column where each line's second field starts (two or more spaces before it). */
const columns = (lines: string[]) => lines.map((l) => /^ {3}\S.*?\s{2,}(?=\S)/.exec(l)?.[0].length);

describe('crictl help', () => {
  it('crictl, --help, -h, help and h print the app help, with the help command and flags urfave adds last', () => {
    const help = run('crictl');
    expect(help.exitCode).toBe(0);
    expect(help.stdout.startsWith('NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nVERSION:\n   v1.34.0\n\nCOMMANDS:\n')).toBe(true);
    for (const line of ['crictl --help', 'crictl -h', 'crictl help', 'crictl h']) expect(run(line).stdout, line).toBe(help.stdout);
    const commands = section(help.stdout, 'COMMANDS');
    expect(commands[0]).toBe('   attach                 Attach to a running container');
    expect(commands).toContain('   images, image, img     List images');
    expect(commands.at(-1)).toBe('   help, h                Shows a list of commands or help for one command');
    const names = commands.map((l) => l.trim().split(/\s{2,}/)[0].split(',')[0]).slice(0, -1);
    expect(names).toEqual([...names].sort());
    const options = section(help.stdout, 'GLOBAL OPTIONS');
    expect(options.slice(-2)).toEqual(['   --help, -h                                 show help', '   --version, -v                              print the version']);
    expect(options[0]).toContain('(default: "/etc/crictl.yaml") [$CRI_CONFIG_FILE]');
    expect(new Set(columns(options)).size).toBe(1);
  });

  it('ps -h and help ps print the command help: sorted flags, defaults as Go prints them, --help last', () => {
    const help = run('crictl ps -h');
    expect(help).toMatchObject({ stderr: '', exitCode: 0 });
    expect(run('crictl help ps').stdout).toBe(help.stdout);
    expect(help.stdout.startsWith('NAME:\n   crictl ps - List containers\n\nUSAGE:\n   crictl ps [command options]\n\nOPTIONS:\n')).toBe(true);
    const options = section(help.stdout, 'OPTIONS');
    expect(options[0]).toBe('   --all, -a                        Show all containers (default: false)');
    expect(options).toContain('   --label value [ --label value ]  Filter by key=value label');
    expect(options).toContain('   --output value, -o value         Output format, One of: json|yaml|table (default: "table")');
    expect(options.at(-1)).toBe('   --help, -h                       show help');
    expect(run('crictl help logs').stdout).toContain('USAGE:\n   crictl logs [command options] CONTAINER-ID\n');
  });

  it('a command with subcommands lists them, with help', () => {
    const help = run('crictl create --help').stdout;
    expect(help).toContain('USAGE:\n   crictl create command [command options] POD container-config.[json|yaml] pod-config.[json|yaml]\n');
    expect(section(help, 'COMMANDS')).toEqual(['   jsonschema, js  Display the JSON schema for the pod or container config', '   help, h         Shows a list of commands or help for one command']);
    expect(help).toContain('   --creds USERNAME[:PASSWORD]       Use USERNAME[:PASSWORD] for accessing the registry\n');
  });

  it('an unknown flag is an Incorrect Usage: the error, the help with its help subcommand, and logrus fatal', () => {
    const r = run('crictl ps --nmae kube-apiserver');
    expect(r.exitCode).toBe(1);
    expect(r.stdout.startsWith('Incorrect Usage: flag provided but not defined: -nmae\n\nNAME:\n   crictl ps - List containers\n\nUSAGE:\n   crictl ps command [command options]\n\nCOMMANDS:\n   help, h  Shows a list of commands or help for one command\n\nOPTIONS:\n')).toBe(true);
    expect(r.stderr).toMatch(/^time="[^"]+" level=fatal msg="flag provided but not defined: -nmae"\n$/);
  });

  it("Go's flag errors: a missing value, a value that does not parse, bad syntax; the global flags too", () => {
    expect(run('crictl logs --tail').stdout).toMatch(/^Incorrect Usage: flag needs an argument: -tail\n\n/);
    expect(run('crictl ps --last=x').stderr).toContain('msg="invalid value \\"x\\" for flag -last: parse error"');
    expect(run('crictl ps --all=maybe').stderr).toContain('msg="invalid boolean value \\"maybe\\" for -all: parse error"');
    expect(run('crictl ps ---all').stdout).toMatch(/^Incorrect Usage: bad flag syntax: ---all\n/);
    const global = run('crictl --runtime-endpoint');
    expect(global.stdout).toMatch(/^Incorrect Usage: flag needs an argument: -runtime-endpoint\n\nNAME:\n   crictl - client for CRI\n/);
    expect(global.exitCode).toBe(1);
  });

  it('combined short flags split when each letter is a flag; otherwise they are one unknown flag', () => {
    expect(run('crictl ps -aq').stdout).toBe(run('crictl ps -a -q').stdout);
    expect(run('crictl ps -an 2').stdout.trim().split('\n')).toHaveLength(3);
    expect(run('crictl ps -az').stdout).toMatch(/^Incorrect Usage: flag provided but not defined: -az\n/);
  });

  it('flags end at the first operand, as Go parses them: a later --tail is an argument, and logs then shows its help', () => {
    const id = run('crictl ps -q --name kube-proxy').stdout.trim().split('\n')[0];
    const after = run(`crictl logs ${id} --tail 1`);
    expect(after).toMatchObject({ stderr: '', exitCode: 0 });
    expect(after.stdout).toMatch(/^NAME:\n   crictl logs - Fetch the logs of a container\n\nUSAGE:\n   crictl logs command \[command options\] CONTAINER-ID\n/);
    const before = run(`crictl logs --tail 1 ${id}`);
    expect((before.stdout + before.stderr).trim().split('\n')).toHaveLength(1);
    // kube-proxy's klog lines are on standard error: --stream stdout has none of them.
    expect(run(`crictl logs --stream stdout ${id}`)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(`crictl logs --stream stderr ${id}`).stderr).toBe(run(`crictl logs ${id}`).stderr);
    expect(run(`crictl logs --stream both ${id}`).stderr).toContain('msg="invalid stream \\"both\\", must be \\"stdout\\" or \\"stderr\\""');
    expect(run(`crictl logs --tail 1 --stream stdout ${id}`).stderr).toContain('msg="--tail and --stream are mutually exclusive"');
  });

  it('--version, and a topic or command crictl does not have', () => {
    expect(run('crictl --version')).toMatchObject({ stdout: 'crictl version v1.34.0\n', exitCode: 0 });
    expect(run('crictl help nope')).toMatchObject({ stdout: '', stderr: "No help topic for 'nope'\n", exitCode: 3 });
    expect(run('crictl nope')).toMatchObject({ stderr: "No help topic for 'nope'\n", exitCode: 3 });
  });
});

describe('urfave stringifyFlag', () => {
  it('names with their placeholder, the default in Go syntax, slices repeated, env vars last', () => {
    expect(flagString({ type: 'bool', name: 'debug', aliases: ['D'], usage: 'Enable debug mode' })).toBe('--debug, -D\tEnable debug mode (default: false)');
    expect(flagString({ type: 'string', name: 'auth', usage: 'Use `AUTH_STRING` for the registry' })).toBe('--auth AUTH_STRING\tUse AUTH_STRING for the registry');
    expect(flagString({ type: 'duration', name: 'timeout', aliases: ['t'], usage: 'Timeout', value: '2s' })).toBe('--timeout value, -t value\tTimeout (default: 2s)');
    expect(flagString({ type: 'int64', name: 'tail', usage: 'Lines', value: -1 })).toBe('--tail value\tLines (default: -1)');
    expect(flagString({ type: 'stringSlice', name: 'set', usage: 'Set option' })).toBe('--set value [ --set value ]\tSet option');
    expect(flagString({ type: 'string', name: 'config', usage: 'Config', value: '/etc/crictl.yaml', envVars: ['A', 'B'] })).toBe('--config value\tConfig (default: "/etc/crictl.yaml") [$A, $B]');
  });
});
