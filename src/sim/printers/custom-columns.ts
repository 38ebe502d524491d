/**
 * `kubectl get -o custom-columns=SPEC` and `-o custom-columns-file=FILE`: kubectl's
 * CustomColumnsPrinter (staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go) over the
 * JSONPath engine, laid out by cli-runtime's tabwriter settings.
 */

import { compileJsonPath, findResults, sprintVal } from './jsonpath.ts';
import { goTabwriter } from './table.ts';
import type { ListNode } from './jsonpath/parser.ts';

/** One user-specified column: its header and the JSONPath template of its cells. */
export interface Column {
  header: string;
  fieldSpec: string;
}

/**
 * An error kubectl reports after it has already written part of the table (the header, earlier
 * rows): `stdout` holds that part, `message` what follows `error: `.
 */
export class CustomColumnsError extends Error {
  readonly stdout: string;

  constructor(message: string, stdout: string) {
    super(message);
    this.stdout = stdout;
  }
}

const jsonRegexp = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`. */
export function relaxedJsonPathExpression(path: string): string {
  if (path.length === 0) return path;
  const m = jsonRegexp.exec(path);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] !== undefined && m[1].length > 0 ? m[1] : m[2]}}`;
}

/** The columns of `-o custom-columns=NAME:.metadata.name,…` (NewCustomColumnsPrinterFromSpec). */
export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) };
  });
}

/** bufio.ScanLines: lines without their \n (and a \r before it); no empty line after a final \n. */
function scanLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** bufio.ScanWords: runs of non-space characters. */
function splitOnWhitespace(line: string): string[] {
  return line.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((w) => w !== '');
}

/** The columns of a custom-columns file: a line of headers, a line of field specs (NewCustomColumnsPrinterFromTemplate). */
export function parseCustomColumnsTemplate(text: string): Column[] {
  const lines = scanLines(text);
  const format = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (lines.length < 1) throw new Error(`invalid template, missing header line. ${format}`);
  const headers = splitOnWhitespace(lines[0]);
  if (lines.length < 2) throw new Error(`invalid template, missing spec line. ${format}`);
  const specs = splitOnWhitespace(lines[1]);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

/**
 * A custom-columns file turned into the equivalent `-o custom-columns=` spec. Lossy when a header
 * or path holds `,` or a header holds `:`, and the file form ignores --no-headers: prefer
 * {@link customColumnsFromFile}.
 */
export function parseCustomColumnsFile(text: string): string {
  return parseCustomColumnsTemplate(text).map((c) => `${c.header}:${c.fieldSpec}`).join(',');
}

/** printers.EscapeTerminal: ESC and CR made visible. */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** text/tabwriter as printers.GetNewTabWriter configures it (minwidth 6, padding 3). */
const tabwrite = (text: string): string => goTabwriter(text, 3, 6);

/** The cell text for one object and one column: values joined by commas, `<none>` when empty. */
function cell(root: ListNode, item: unknown): string {
  const values = findResults(root, item, true);
  const strs: string[] = [];
  if (values.length === 0 || values[0].length === 0) strs.push('<none>');
  for (const group of values) for (const v of group) strs.push(escapeTerminal(sprintVal(v)));
  return strs.join(',');
}

/**
 * CustomColumnsPrinter.PrintObj over the items of a list: a header line (unless noHeaders), then
 * one line per item, aligned. Throws {@link CustomColumnsError} with the text already written.
 */
export function printCustomColumns(columns: Column[], items: unknown[], options: { noHeaders?: boolean } = {}): string {
  let text = '';
  if (!options.noHeaders) text += columns.map((c) => c.header).join('\t') + '\n';
  const roots: ListNode[] = [];
  for (const c of columns) {
    try {
      roots.push(compileJsonPath(c.fieldSpec));
    } catch (e) {
      throw new CustomColumnsError((e as Error).message, tabwrite(text));
    }
  }
  for (const item of items) {
    const cells: string[] = [];
    for (const root of roots) {
      try {
        cells.push(cell(root, item));
      } catch (e) {
        throw new CustomColumnsError((e as Error).message, tabwrite(text));
      }
    }
    text += cells.join('\t') + '\n';
  }
  return tabwrite(text);
}

/**
 * `kubectl get -o custom-columns=SPEC` over the listed objects. Spec errors throw a plain Error;
 * errors while printing throw {@link CustomColumnsError}. Messages are what follows `error: `.
 */
export function customColumns(spec: string, items: unknown[], options: { noHeaders?: boolean } = {}): string {
  return printCustomColumns(parseCustomColumnsSpec(spec), items, options);
}

/** `kubectl get -o custom-columns-file=FILE` given the file's text; headers are always printed, as upstream. */
export function customColumnsFromFile(text: string, items: unknown[]): string {
  return printCustomColumns(parseCustomColumnsTemplate(text), items, { noHeaders: false });
}
