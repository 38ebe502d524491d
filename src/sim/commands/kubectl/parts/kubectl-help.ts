/**
 * kubectl's help texts (`kubectl`, `--help`, `-h`, `help`) and the verbs it suggests for a
 * mistyped one: a chunk of their own in the browser, loaded only for a line that asks for help or
 * names no verb kubectl knows.
 */
import { rootHelp, suggestVerbs, verbHelp } from '../help.ts';
import { registerHelp } from '../verbs.ts';

/** Registers the help texts with kubectl (idempotent). */
export function install(): void {
  registerHelp({ root: rootHelp, verb: verbHelp, suggest: suggestVerbs });
}
