/** The HTTP clients (curl, wget): a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { curl, wget } from '../net/http-tools.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { curl, wget };
