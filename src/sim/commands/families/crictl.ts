/** crictl, with its command table and help texts (a family of its own: the table is 7 KB gzip). */
import type { CommandFn } from '../../types.ts';
import { crictl } from '../node/crictl.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { crictl };
