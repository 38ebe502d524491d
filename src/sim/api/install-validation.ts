/**
 * Turns on the API server's decoding and validation of writes (server.ts's useValidator). Kept
 * apart from the server so that the browser worker loads the schema only with what lets users
 * write objects: kubectl's verbs, and js-yaml for manifests edited on disk.
 */
import { useValidator } from './server.ts';
import { formatFieldError, strictDecode, validateObject } from './validation.ts';

/** Makes every later create and update decode strictly and validate as kube-apiserver does. */
export function installValidation(): void {
  useValidator({ decode: strictDecode, validate: (obj) => validateObject(obj).map(formatFieldError) });
}
