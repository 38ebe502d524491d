/** The name-resolving tools (nslookup, dig, getent, ping), named after Debian's package of the first two: a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { dig, getent, nslookup, ping } from '../net/dns-tools.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { dig, getent, nslookup, ping };
