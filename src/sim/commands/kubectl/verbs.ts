/**
 * kubectl's verbs by name. get, version, cluster-info, api-resources and top are always here; the
 * others come in chunks (parts/kubectl-describe.ts, parts/kubectl-verbs.ts) that register on load. The browser
 * worker loads a part before a line that names one of its verbs (line-scan.ts), Node at once.
 */
import type { Kctx } from './context.ts';
import type { FlagSpec } from './flags.ts';

/** One kubectl verb: its flags and what it does. */
export interface Verb {
  flags: FlagSpec[];
  run(k: Kctx): void;
  /** Whether the verb talks to the API server (false: version and config handle it themselves). */
  server: boolean;
}

/** The kubectl chunk that holds each verb not in kubectl's core (static: read before loading). */
export const VERB_PARTS: Record<string, 'kubectl-describe' | 'kubectl-verbs'> = {
  describe: 'kubectl-describe',
  ...Object.fromEntries(
    ['apply', 'create', 'run', 'expose', 'delete', 'scale', 'set', 'label', 'annotate', 'logs', 'exec', 'explain', 'cordon', 'uncordon', 'drain', 'taint', 'rollout', 'replace', 'patch', 'edit', 'config', 'wait'].map(
      (v) => [v, 'kubectl-verbs' as const],
    ),
  ),
};

const VERBS: Record<string, Verb> = {};

/** Registers verbs (kubectl's core, then each part as it loads). */
export function registerVerbs(verbs: Record<string, Verb>): void {
  Object.assign(VERBS, verbs);
}

/** The verb registered under `name`, if any. */
export function lookupVerb(name: string): Verb | undefined {
  return Object.hasOwn(VERBS, name) ? VERBS[name] : undefined;
}

/** Names of the registered verbs (tests compare them with VERB_PARTS). */
export function verbNames(): string[] {
  return Object.keys(VERBS).sort();
}
