/** Node tools (crictl, openssl, df, free, uptime, ps, pgrep, pidof, ss): a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { crictl } from '../node/crictl.ts';
import { openssl } from '../node/openssl.ts';
import { pgrep, pidof, ps } from '../node/ps.ts';
import { ss } from '../node/ss.ts';
import { df, free, uptime } from '../node/system.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { crictl, openssl, df, free, uptime, ps, pgrep, pidof, ss };
