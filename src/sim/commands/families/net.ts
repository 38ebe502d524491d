/** Network clients and interface tools (curl, nslookup, ip…): a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { curl, dig, getent, nslookup, ping, wget } from '../net/index.ts';
import { ifconfig, route } from '../net/ifconfig.ts';
import { ip } from '../net/ip.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { curl, dig, getent, nslookup, ping, wget, ip, ifconfig, route };
