/** diff (GNU diffutils): a command family of its own, loaded only by a line that names it. */
import type { CommandFn } from '../../types.ts';
import { diff } from '../coreutils/diff.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { diff };
