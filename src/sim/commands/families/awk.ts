/** awk (GNU awk's subset the sandbox has): a family of its own, the largest of the text tools and the rarest in the chapters. */
import type { CommandFn } from '../../types.ts';
import { awk } from '../coreutils/awk.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { awk };
