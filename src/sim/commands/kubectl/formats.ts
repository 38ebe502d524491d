/**
 * The output formats and `--sort-by` that kubectl's printers chunks provide: yaml, jsonpath,
 * custom-columns and sort-by (which share the JSONPath engine) and go-template. They register
 * here once loaded (parts/*.ts), so that `kubectl get pods` never downloads them; the browser
 * worker loads them before a line that mentions them (line-scan.ts), Node at once (all.ts).
 */
import type { SortByOptions } from '../../printers/sort.ts';

/** The JSONPath-based printers (printers/jsonpath.ts, custom-columns.ts, sort.ts). */
export interface JsonPathPrinters {
  jsonpath(template: string, data: unknown, options: { allowMissingKeys: boolean }): string;
  customColumns(spec: string, items: unknown[], options: { noHeaders?: boolean }): string;
  customColumnsFromFile(text: string, items: unknown[]): string;
  /** The stdout a custom-columns error leaves behind, when `e` is one. */
  customColumnsStdout(e: unknown): string | undefined;
  sortByField(items: unknown[], field: string, options: SortByOptions): unknown[];
  /** Whether `e` is klog's exit (printed as is, not as `error: …`). */
  isKlogExit(e: unknown): boolean;
}

/** The go-template printer (printers/go-template.ts). */
export type GoTemplatePrinter = (text: string, data: unknown, options: { allowMissingKeys: boolean }) => { out: string; err?: string };

/** The YAML printer (printers/yaml.ts). */
export type YamlPrinter = (value: unknown) => string;

let yamlPrinter: YamlPrinter | undefined;
let jsonPathPrinters: JsonPathPrinters | undefined;
let goTemplatePrinter: GoTemplatePrinter | undefined;

/** Registers the YAML printer (parts/kubectl-yaml.ts). */
export function useYamlPrinter(printer: YamlPrinter): void {
  yamlPrinter = printer;
}

/** Registers the JSONPath printers (parts/kubectl-jsonpath.ts). */
export function useJsonPathPrinters(printers: JsonPathPrinters): void {
  jsonPathPrinters = printers;
}

/** Registers the go-template printer (parts/kubectl-gotemplate.ts). */
export function useGoTemplatePrinter(printer: GoTemplatePrinter): void {
  goTemplatePrinter = printer;
}

// Only reached when a line scan missed a format: the message says so instead of printing wrong output.
const missing = (what: string) => new Error(`kubesim: the ${what} printer is not loaded`);

/** The JSONPath printers; throws when their chunk is not loaded. */
export function jsonPathFormats(): JsonPathPrinters {
  if (!jsonPathPrinters) throw missing('jsonpath');
  return jsonPathPrinters;
}

/** The YAML printer; throws when its chunk is not loaded. */
export function yamlFormat(): YamlPrinter {
  if (!yamlPrinter) throw missing('yaml');
  return yamlPrinter;
}

/** The go-template printer; throws when its chunk is not loaded. */
export function goTemplateFormat(): GoTemplatePrinter {
  if (!goTemplatePrinter) throw missing('go-template');
  return goTemplatePrinter;
}

/** The JSONPath printers if loaded (for error paths, which must not throw again). */
export function loadedJsonPathFormats(): JsonPathPrinters | undefined {
  return jsonPathPrinters;
}
