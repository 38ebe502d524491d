/** kubectl describe and its printers: a chunk of its own in the browser. */
import { describeCmd, DESCRIBE_FLAGS } from '../describe.ts';
import { registerVerbs } from '../verbs.ts';

/** Registers the verb with kubectl (idempotent). */
export function install(): void {
  registerVerbs({ describe: { flags: DESCRIBE_FLAGS, run: describeCmd, server: true } });
}
