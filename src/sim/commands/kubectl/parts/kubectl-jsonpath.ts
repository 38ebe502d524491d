/** kubectl's JSONPath printers (-o jsonpath, custom-columns, --sort-by) and `kubectl wait`, which uses them: a chunk of their own in the browser. */
import { customColumns, customColumnsFromFile, CustomColumnsError } from '../../../printers/custom-columns.ts';
import { jsonpath } from '../../../printers/jsonpath.ts';
import { KlogExitError, sortByField } from '../../../printers/sort.ts';
import { useJsonPathPrinters } from '../formats.ts';
import { registerVerbs } from '../verbs.ts';
import { wait, WAIT_FLAGS } from '../wait.ts';

/** Registers the printers and `kubectl wait` with kubectl (idempotent). */
export function install(): void {
  registerVerbs({ wait: { flags: WAIT_FLAGS, run: wait, server: true } });
  useJsonPathPrinters({
    jsonpath,
    customColumns,
    customColumnsFromFile,
    customColumnsStdout: (e) => (e instanceof CustomColumnsError ? e.stdout : undefined),
    sortByField,
    isKlogExit: (e) => e instanceof KlogExitError,
  });
}
