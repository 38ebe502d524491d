/** The interface and route tools (ip, ifconfig, route): a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { ifconfig, route } from '../net/ifconfig.ts';
import { ip } from '../net/ip.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { ip, ifconfig, route };
