/** A verb's subcommands for its error hints: every name cobra finds one by, to the name its command path shows. */

/** The map of `names` (each to itself) and `aliases` (each to its name). */
export function subcommandNames(names: readonly string[], aliases: Record<string, string> = {}): ReadonlyMap<string, string> {
  return new Map([...names.map((n): [string, string] => [n, n]), ...Object.entries(aliases)]);
}
