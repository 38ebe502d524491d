/**
 * kubectl's verbs by name. get and top are always here; the
 * others come in chunks (parts/kubectl-describe.ts, kubectl-ops.ts, kubectl-verbs.ts…) that register on load. The browser
 * worker loads a part before a line that names one of its verbs (line-scan.ts), Node at once.
 */
import type { ApiError } from '../../api/server.ts';
import type { Obj } from '../../api/store.ts';
import type { KindColumns } from '../../printers/columns.ts';
import type { Kctx } from './context.ts';
import type { FlagSpec } from './flags.ts';
import type { HelpTerminal } from './help.ts';

/** One kubectl verb: its flags and what it does. */
export interface Verb {
  flags: FlagSpec[];
  run(k: Kctx): void;
  /** Whether the verb talks to the API server (false: version and config handle it themselves). */
  server: boolean;
  /** Its subcommands by every name and alias (subcommands.ts), for the command path in a flag error's hint. */
  subcommands?: ReadonlyMap<string, string>;
}

/** Real kubectl verbs the sandbox does not implement (interactive or network ones). */
export const UNSUPPORTED: ReadonlySet<string> = new Set(['alpha', 'api-versions', 'attach', 'auth', 'autoscale', 'certificate', 'cp', 'debug', 'diff', 'kustomize', 'options', 'plugin', 'port-forward', 'proxy']);

/** The verbs of kubectl's core chunk (registered by index.ts; the others are in VERB_PARTS). */
export const CORE_VERBS: ReadonlySet<string> = new Set(['get', 'top']);

/** A part of kubectl loaded on demand, a chunk named like its module in parts/ (a type only: the worker core has no bytes to spare). */
export type KubectlPart = 'kubectl-describe' | 'kubectl-events' | 'kubectl-ops' | 'kubectl-verbs' | 'kubectl-help' | 'kubectl-help-texts' | 'kubectl-jsonpath' | 'kubectl-gotemplate' | 'kubectl-yaml' | 'kubectl-explain' | 'kubectl-selectors';

/** The kubectl chunk that holds each verb not in kubectl's core (static: read before loading). */
export const VERB_PARTS: Record<string, KubectlPart> = {
  describe: 'kubectl-describe',
  explain: 'kubectl-explain',
  completion: 'kubectl-help',
  events: 'kubectl-events',
  // wait's --for=jsonpath uses the JSONPath printer: it comes with it.
  wait: 'kubectl-jsonpath',
  ...Object.fromEntries(
    ['delete', 'scale', 'logs', 'exec', 'cordon', 'uncordon', 'drain', 'taint', 'rollout', 'cluster-info', 'api-resources', 'version'].map((v) => [v, 'kubectl-ops' as const]),
  ),
  ...Object.fromEntries(
    ['apply', 'create', 'run', 'expose', 'set', 'label', 'annotate', 'replace', 'patch', 'edit', 'config'].map((v) => [v, 'kubectl-verbs' as const]),
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

/**
 * kubectl's help, from two chunks: the suggestions for a mistyped verb (kubectl-help, small) and
 * the help pages (kubectl-help-texts, kubectl v1.34's reference), each loaded when a line needs it.
 */
export interface HelpTexts {
  /** The help of the command that words name (`['create', 'deploy', 'web']` → create deployment's), or of the root for none. */
  help?(words: string[], t: HelpTerminal): { stdout: string; stderr: string };
  /** cobra's "Did you mean this?" candidates for a mistyped verb. */
  suggest?(word: string): string[];
}

const help: HelpTexts = {};

/** Registers what a help chunk brings (or, in Node, both at once). */
export function registerHelp(texts: HelpTexts): void {
  Object.assign(help, texts);
}

/** What of kubectl's help is loaded. */
export function helpTexts(): HelpTexts {
  return help;
}

/** `kubectl get --raw PATH` (with the ops part, which has /version's version.Info as well). */
export type RawGet = (k: Kctx, path: string) => void;

let rawGet: RawGet | undefined;

/** Registers `get --raw` (it comes with the ops part: kubectl's core chunk has no bytes to spare). */
export function registerRawGet(fn: RawGet): void {
  rawGet = fn;
}

/** A kind the API server computes on each read instead of storing (ComponentStatus). */
export interface ComputedKind {
  list(k: Kctx): Obj[];
  /** The object or the server's error for a name it does not know. */
  get(k: Kctx, name: string): { obj?: Obj; error?: ApiError };
  columns: KindColumns;
  /** The deprecation warning the server sends with every answer. */
  warning?: string;
}

const computed = new Map<string, ComputedKind>();

/** Registers a computed kind (with the ops part: kubectl's core only knows its name). */
export function registerComputedKind(kind: string, def: ComputedKind): void {
  computed.set(kind, def);
}

/** The computed kind, if `kind` is one and its part is loaded. */
export function computedKind(kind: string): ComputedKind | undefined {
  return computed.get(kind);
}

/** `get --raw`, if its part is loaded. */
export function rawGetHandler(): RawGet | undefined {
  return rawGet;
}

let eventWriter: ((k: Kctx) => void) | undefined;

/** Registers what writes the events kubectl's core does not record as they happen (the kubelet's, about static pods). */
export function registerEventWriter(write: (k: Kctx) => void): void {
  eventWriter = write;
}

/** Brings the events up to date before kubectl reads them (get events, describe). */
export function writeEvents(k: Kctx): void {
  eventWriter?.(k);
}
