/**
 * kubectl: a command family of the registry (get, version and the table printers). Its rarer
 * verbs and printers are parts loaded from here, so that the bundler knows this chunk is loaded
 * before them and keeps the modules they share with it here instead of in chunks of their own.
 */
import type { CommandFn } from '../../types.ts';
import { kubectl } from '../kubectl/index.ts';
import type { KubectlPart } from '../kubectl/verbs.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { kubectl };

/** kubectl's parts (kubectl/parts/*.ts), each a chunk of its own in the browser. */
export const PARTS: Record<KubectlPart, () => Promise<{ install(): void }>> = {
  'kubectl-describe': () => import('../kubectl/parts/kubectl-describe.ts'),
  'kubectl-events': () => import('../kubectl/parts/kubectl-events.ts'),
  'kubectl-ops': () => import('../kubectl/parts/kubectl-ops.ts'),
  'kubectl-verbs': () => import('../kubectl/parts/kubectl-verbs.ts'),
  'kubectl-help': () => import('../kubectl/parts/kubectl-help.ts'),
  'kubectl-help-texts': () => import('../kubectl/parts/kubectl-help-texts.ts'),
  'kubectl-jsonpath': () => import('../kubectl/parts/kubectl-jsonpath.ts'),
  'kubectl-gotemplate': () => import('../kubectl/parts/kubectl-gotemplate.ts'),
  'kubectl-yaml': () => import('../kubectl/parts/kubectl-yaml.ts'),
  'kubectl-explain': () => import('../kubectl/parts/kubectl-explain.ts'),
  'kubectl-selectors': () => import('../kubectl/parts/kubectl-selectors.ts'),
};
