/** systemctl, service and journalctl: a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { journalctl } from '../systemd/journalctl.ts';
import { service, systemctl } from '../systemd/systemctl.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { systemctl, service, journalctl };
