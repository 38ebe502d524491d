import type { CommandFn } from '../types.ts';

/**
 * Every command of the sandbox by name. The command families (families/*.ts) fill it: all at
 * once in Node (all.ts), chunk by chunk in the browser (lazy.ts), so this module imports no
 * command itself. Adding a tool is one line in its family. Shell builtins (cd, export, ssh,
 * sudo…) live in shell/builtins.ts because they change the shell.
 */
const COMMANDS: Record<string, CommandFn> = {};

/** Where `which` finds a command, when not /usr/bin/NAME. */
const PATHS: Record<string, string> = {};

/** The command registered under `name`, if any. */
export function lookupCommand(name: string): CommandFn | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
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

/** Names of all registered commands, sorted (for completion). */
export function commandNames(): string[] {
  return Object.keys(COMMANDS).sort();
}
