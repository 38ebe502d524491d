/** kubectl's error output (cmdutil.CheckErr and friends) and the messages shared by verbs. */
import type { ApiError } from '../../api/server.ts';
import { unservedLine } from '../../shell/interpreter.ts';

/** Text kubectl prints for a server error (StandardErrorMessage / MultilineError for Invalid). */
export function formatApiError(e: ApiError, source?: { verb: string; file: string }): string {
  if (e.reason === 'Invalid' && e.details) {
    const prefix = `The ${e.details.kind} "${e.details.name}" is invalid: `;
    if (e.details.causes.length === 1) return `${prefix}${e.details.causes[0]}\n`;
    return `${prefix}\n${e.details.causes.map((c) => `* ${c}\n`).join('')}`;
  }
  const msg = source ? `error when ${source.verb} "${source.file}": ${e.message}` : e.message;
  return `Error from server (${e.reason}): ${msg}\n`;
}

/** The hint after a usage error. */
export function seeHelp(verb: string): string {
  return `See 'kubectl ${verb} --help' for usage.\n`;
}

/** "error: the server doesn't have a resource type "x"", or the sandbox's line for a real type it does not serve. */
export function noResourceType(arg: string): string {
  return unservedLine(arg) ?? `error: the server doesn't have a resource type "${arg}"\n`;
}

/** What kubectl prints when the API server does not answer. */
export function connectionRefused(server: string): string {
  return `The connection to the server ${server} was refused - did you specify the right host or port?\n`;
}

/** The resource builder's error when a verb gets neither TYPE NAME nor -f. */
export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";
