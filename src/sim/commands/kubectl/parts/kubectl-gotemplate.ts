/** kubectl's go-template printer (-o go-template, template…): a chunk of its own in the browser. */
import { goTemplate } from '../../../printers/go-template.ts';
import { useGoTemplatePrinter } from '../formats.ts';

/** Registers the printer with kubectl (idempotent). */
export function install(): void {
  useGoTemplatePrinter(goTemplate);
}
