/**
 * `kubectl get -o jsonpath=TEMPLATE`: client-go's JSONPath engine (./jsonpath/) wrapped the way
 * cli-runtime's JSONPathPrintFlags and JSONPathPrinter wrap it, so that output and error
 * messages are kubectl's.
 */

import { parseTemplate } from './jsonpath/parser.ts';
import type { ListNode } from './jsonpath/parser.ts';
import { Evaluator, GoPanic, concrete, printResults } from './jsonpath/eval.ts';
import type { Val } from './jsonpath/eval.ts';
import { goQuote, goSharpV } from './jsonpath/gofmt.ts';

export type { Val } from './jsonpath/eval.ts';
export { GoPanic, LIMITS, sprintVal, textOf } from './jsonpath/eval.ts';

/** Options of {@link jsonpath}. */
export interface JsonPathOptions {
  /**
   * `--allow-missing-template-keys`. Undefined means kubectl's default, true: a missing field
   * prints nothing. With false a missing field fails with "… is not found".
   */
  allowMissingKeys?: boolean;
}

/** Parses a template as client-go's Parse does; the Error's message is upstream's bare parser message. */
export function compileJsonPath(template: string): ListNode {
  return parseTemplate(template);
}

/** FindResults of a compiled template over decoded JSON: one list of values per action. */
export function findResults(root: ListNode, data: unknown, allowMissingKeys: boolean): Val[][] {
  return new Evaluator(root, allowMissingKeys).findResults(concrete(data));
}

/**
 * The text `kubectl get -o jsonpath=TEMPLATE` prints for `data` (the object kubectl hands the
 * printer: a single object, or `{kind: 'List', apiVersion: 'v1', items, metadata}`). There is no
 * trailing newline unless the template writes one.
 *
 * Throws an Error whose message is exactly what kubectl prints after its `error: ` prefix (the
 * prefix itself is NOT included):
 * - empty template: `template format specified but no template given`;
 * - bad template: `error parsing jsonpath TEMPLATE, <parser message>`;
 * - failed evaluation: `error executing jsonpath "TEMPLATE": Error executing template: <message>.
 *   Printing more information for debugging the template:` followed by the template and the
 *   object in Go's %#v form, ending in three newlines (kubectl adds none of its own then).
 * Where kubectl itself would panic (a `{range}` body indexing the nil of an empty range) a
 * {@link GoPanic} is thrown with Go's panic message instead.
 *
 * Map keys visited by `*` and `..` come out sorted; real kubectl visits them in Go's random map
 * order. Evaluation is bounded by {@link LIMITS} (an Error when exceeded), so no template hangs.
 */
export function jsonpath(template: string, data: unknown, options: JsonPathOptions = {}): string {
  if (template.length === 0) throw new Error('template format specified but no template given');
  let root: ListNode;
  try {
    root = parseTemplate(template);
  } catch (e) {
    throw new Error(`error parsing jsonpath ${template}, ${(e as Error).message}`);
  }
  let results: Val[][];
  try {
    results = findResults(root, data, options.allowMissingKeys ?? true);
  } catch (e) {
    if (e instanceof GoPanic) throw e;
    const debug =
      `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    throw new Error(`error executing jsonpath ${goQuote(template)}: ${debug}\n`);
  }
  return results.map(printResults).join('');
}
