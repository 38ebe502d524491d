/** apt and the kubelet binary it installs: a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { apt, aptCache, aptGet, aptMark, kubeletCmd } from '../apt/apt.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = {
  apt, 'apt-get': aptGet, 'apt-cache': aptCache, 'apt-mark': aptMark, kubelet: kubeletCmd,
};
