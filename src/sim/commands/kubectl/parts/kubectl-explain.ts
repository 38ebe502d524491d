/**
 * `kubectl explain` with the API's descriptions of every field the simulator knows (about 60 KB
 * of text from the upstream OpenAPI spec): a chunk of its own in the browser, so that no other
 * verb carries the text.
 */
import { explain, EXPLAIN_FLAGS } from '../explain.ts';
import { registerVerbs } from '../verbs.ts';

/** Registers explain with kubectl (idempotent). */
export function install(): void {
  registerVerbs({ explain: { flags: EXPLAIN_FLAGS, run: explain, server: true } });
}
