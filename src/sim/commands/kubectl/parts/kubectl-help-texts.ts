/**
 * kubectl's help pages (`kubectl`, `--help`, `-h`, `kubectl help …`): a chunk of their own in the
 * browser, the largest of kubectl's, loaded only for a line that asks for help.
 */
import { helpCommand } from '../help.ts';
import { registerHelp } from '../verbs.ts';

/** Registers the help pages with kubectl (idempotent). */
export function install(): void {
  registerHelp({ help: helpCommand });
}
