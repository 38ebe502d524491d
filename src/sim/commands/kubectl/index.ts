import type { CommandFn } from '../../types.ts';

/** Placeholder until the kubectl implementation lands; replaced by the kubectl module. */
export const kubectl: CommandFn = () => ({ stdout: '', stderr: 'kubectl: not implemented yet\n', exitCode: 1 });
