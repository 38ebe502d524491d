import type { CommandFn } from '../types.ts';
import { COMMAND_FAMILY } from './command-map.ts';

/**
 * Every command of the sandbox by name. The command families (families/*.ts) fill it: all at
 * once in Node (all.ts), chunk by chunk in the browser (lazy.ts), so this module imports no
 * command itself. Adding a tool is one line in its family. Shell builtins (cd, export, ssh,
 * sudo…) live in shell/builtins.ts because they change the shell. A command whose family is not
 * loaded yet still exists for `which`, `type` and completion (command-map.ts knows every name).
 */
const COMMANDS: Record<string, CommandFn> = {};

/** Where `which` finds a command, when not /usr/bin/NAME. */
const PATHS: Record<string, string> = {};

/**
 * Stands in for a command whose family is not loaded. The browser worker loads a line's families
 * before running it (line-scan.ts), so this runs only if that scan missed one: say so plainly.
 */
const notLoaded: CommandFn = (ctx) => ({ stdout: '', stderr: `kubesim: ${ctx.argv[0]}: command not loaded\n`, exitCode: 126 });

/** The command registered under `name` (or a stand-in while its family is not loaded), if any. */
export function lookupCommand(name: string): CommandFn | undefined {
  if (Object.hasOwn(COMMANDS, name)) return COMMANDS[name];
  return COMMAND_FAMILY.has(name) ? notLoaded : undefined;
}

/** Whether `name`'s function is registered (not just known). */
export function isCommandLoaded(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

/** Registers (or replaces) a command at run time, e.g. from a test or a chapter-specific tool. */
export function registerCommand(name: string, fn: CommandFn, path?: string): void {
  COMMANDS[name] = fn;
  if (path) PATHS[name] = path;
}

/** Registers a whole command family (names to functions). */
export function registerCommands(family: Record<string, CommandFn>): void {
  for (const [name, fn] of Object.entries(family)) COMMANDS[name] = fn;
}

/** The absolute path `which NAME` prints. */
export function commandPath(name: string): string {
  return PATHS[name] ?? `/usr/bin/${name}`;
}

/** Names of all commands, loaded or not, sorted (for completion). */
export function commandNames(): string[] {
  return [...new Set([...COMMAND_FAMILY.keys(), ...Object.keys(COMMANDS)])].sort();
}

/** Names of the registered commands, sorted (tests). */
export function loadedCommandNames(): string[] {
  return Object.keys(COMMANDS).sort();
}
