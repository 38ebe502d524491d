/**
 * glibc's getopt_long, shared by the tools that parse their options with it (coreutils, procps,
 * journalctl): short clusters (`-xeu kubelet`), `--name[=value]` with unique abbreviations,
 * optional arguments, operands anywhere until `--`, and glibc's own refusals word for word.
 */

/** Options parsed the getopt way: flags, option values (last wins, all kept), the order given, operands. */
export interface Options {
  flags: Set<string>;
  values: Map<string, string[]>;
  /** Every option in the order given; `value` is undefined for a flag or an optional argument left out. */
  list: { key: string; value?: string }[];
  args: string[];
  error?: string;
}

type Arg = 'none' | 'required' | 'optional';

/** What `key` takes: its own `:`/`::` suffix, else the short string's spec for that letter. */
function argOf(spec: string, short: string): { key: string; arg: Arg } {
  const m = /^(.*?)(::?)?$/s.exec(spec)!;
  const key = m[1];
  if (m[2]) return { key, arg: m[2] === '::' ? 'optional' : 'required' };
  const at = key.length === 1 ? short.indexOf(key) : -1;
  if (at < 0) return { key, arg: 'none' };
  return { key, arg: short.startsWith('::', at + 1) ? 'optional' : short[at + 1] === ':' ? 'required' : 'none' };
}

/**
 * Parses `argv` (argv[0] is the tool) as getopt_long does. `short` is getopt's string ("inA:b::":
 * a colon marks an argument, two an optional one); `long` maps each long name to its key, a
 * letter of `short` or a name of its own with `:` or `::` after it when it takes an argument.
 * `peek` lets an option whose argument is optional take the next word when it says so, as
 * journalctl's `-n` and `-b` do.
 */
export function getopt(argv: string[], tool: string, short: string, long: Record<string, string> = {}, peek?: (key: string, next: string) => boolean): Options {
  const o: Options = { flags: new Set(), values: new Map(), list: [], args: [] };
  const set = (k: string, v?: string): void => {
    o.list.push({ key: k, value: v });
    if (v === undefined) o.flags.add(k);
    else o.values.set(k, [...(o.values.get(k) ?? []), v]);
  };
  const refuse = (message: string): Options => ({ ...o, error: `${tool}: ${message}\n` });
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      o.args.push(...argv.slice(i + 1));
      break;
    }
    const optional = (key: string): string | undefined => (i + 1 < argv.length && peek?.(key, argv[i + 1]) ? argv[++i] : undefined);
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      // An abbreviation is ambiguous only when its candidates differ in what they do (glibc's rule).
      const candidates = Object.hasOwn(long, name) ? [name] : Object.keys(long).filter((l) => l.startsWith(name));
      if (candidates.length === 0) return refuse(`unrecognized option '${a}'`);
      const specs = candidates.map((c) => argOf(long[c], short));
      if (specs.some((s) => s.key !== specs[0].key || s.arg !== specs[0].arg))
        return refuse(`option '${eq < 0 ? a : a.slice(0, eq)}' is ambiguous; possibilities:${candidates.map((c) => ` '--${c}'`).join('')}`);
      const { key, arg } = specs[0];
      const full = `--${candidates[0]}`;
      if (arg === 'none') {
        if (eq >= 0) return refuse(`option '${full}' doesn't allow an argument`);
        set(key);
      } else if (eq >= 0) set(key, a.slice(eq + 1));
      else if (arg === 'optional') set(key, optional(key));
      else if (i + 1 < argv.length) set(key, argv[++i]);
      else return refuse(`option '${full}' requires an argument`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const k = a[j];
        if (!short.includes(k) || k === ':') return refuse(`invalid option -- '${k}'`);
        const { arg } = argOf(k, short);
        if (arg === 'none') {
          set(k);
          continue;
        }
        const attached = a.slice(j + 1);
        if (attached) set(k, attached);
        else if (arg === 'optional') set(k, optional(k));
        else if (i + 1 < argv.length) set(k, argv[++i]);
        else return refuse(`option requires an argument -- '${k}'`);
        break;
      }
      continue;
    }
    o.args.push(a);
  }
  return o;
}

/** The last value given for an option. */
export const last = (o: Options, k: string): string | undefined => o.values.get(k)?.at(-1);
