/** kubectl's YAML printer (-o yaml): a chunk of its own in the browser. */
import { toYaml } from '../../../printers/yaml.ts';
import { useYamlPrinter } from '../formats.ts';

/** Registers the printer with kubectl (idempotent). */
export function install(): void {
  useYamlPrinter(toYaml);
}
