/** kubectl's JSONPath printers (-o jsonpath, custom-columns, --sort-by): a chunk of their own in the browser. */
import { customColumns, customColumnsFromFile, CustomColumnsError } from '../../../printers/custom-columns.ts';
import { jsonpath } from '../../../printers/jsonpath.ts';
import { KlogExitError, sortByField } from '../../../printers/sort.ts';
import { useJsonPathPrinters } from '../formats.ts';

/** Registers the printers with kubectl (idempotent). */
export function install(): void {
  useJsonPathPrinters({
    jsonpath,
    customColumns,
    customColumnsFromFile,
    customColumnsStdout: (e) => (e instanceof CustomColumnsError ? e.stdout : undefined),
    sortByField,
    isKlogExit: (e) => e instanceof KlogExitError,
  });
}
