/** Node tools (openssl, df, free): a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { openssl } from '../node/openssl.ts';
import { df, free } from '../node/system.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { openssl, df, free };
