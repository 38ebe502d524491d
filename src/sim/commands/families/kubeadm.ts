/** kubeadm: a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { kubeadm } from '../kubeadm/kubeadm.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { kubeadm };
