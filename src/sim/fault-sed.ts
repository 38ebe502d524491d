/**
 * The sed that a scenario's `edit-file` faults run while the world is built. The sed family
 * registers it, so that sed stays out of the browser worker's core: the worker loads that family
 * before building a world whose scenario has such a fault (browser.ts `initChunks`).
 */

/** Runs a sed script over a file's text (GNU sed without -n). */
export type SedEdit = (script: string, text: string) => string;

let sed: SedEdit | undefined;

/** Registers sed (families/sed.ts, on load). */
export function useFaultSed(edit: SedEdit): void {
  sed = edit;
}

/** Runs an edit-file fault's sed script; throws if the sed family is not loaded. */
export function faultSed(script: string, text: string): string {
  if (!sed) throw new Error("kubesim: sed is not loaded for the scenario's edit-file fault");
  return sed(script, text);
}
