/** labels.Parse for kubectl's `-l` (api/selector-parse.ts): a chunk of its own in the browser, for lines with a selector. */
import { parseSelector } from '../../../api/selector-parse.ts';
import { useLabelParser } from '../resources.ts';

/** Registers the label selector parser with kubectl (idempotent). */
export function install(): void {
  useLabelParser(parseSelector);
}
