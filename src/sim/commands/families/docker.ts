/** docker: a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { docker } from '../docker/docker.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { docker };
