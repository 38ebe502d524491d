/** kubectl: a command family of the registry (with its printers, the biggest one). */
import type { CommandFn } from '../../types.ts';
import { kubectl } from '../kubectl/index.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { kubectl };
