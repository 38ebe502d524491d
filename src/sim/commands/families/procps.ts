/**
 * The tools that read the host's process table (processes.ts): procps' ps, pgrep, pidof and
 * uptime, and iproute2's ss for the sockets those processes hold. A family of their own, so a
 * crictl or openssl line does not download the process table.
 */
import type { CommandFn } from '../../types.ts';
import { pgrep, pidof, ps } from '../node/ps.ts';
import { ss } from '../node/ss.ts';
import { uptime } from '../node/uptime.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { ps, pgrep, pidof, uptime, ss };
