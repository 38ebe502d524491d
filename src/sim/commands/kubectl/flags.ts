/**
 * A pflag-like parser for kubectl's flags: `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, `-n=value`, grouped short booleans (`-it`), `--` ending flags. Errors carry
 * pflag's wording.
 */

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'stringArray';
  /** For string flags that may be given without a value (`--dry-run` means `--dry-run=client`). */
  noOptDefault?: string;
}

/** Parsed command line. */
export interface ParsedArgs {
  /** Positional arguments before `--`. */
  args: string[];
  /** Arguments after `--`. */
  dashArgs: string[];
  /** Whether `--` was present. */
  sawDash: boolean;
  flags: Map<string, string | string[] | boolean>;
}

/** Flags every kubectl command accepts (kubectl options). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
];

/** Splits argv into the verb and the rest, skipping global flags placed before the verb. */
export function findVerb(args: string[]): { verb?: string; rest: string[] } | string {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a !== '-') {
      rest.push(a);
      const name = a.startsWith('--') ? a.slice(2).split('=')[0] : a.slice(1, 2);
      const spec = GLOBAL_FLAGS.find((f) => f.name === name || f.short === name);
      if (!spec) return `unknown flag: ${a.startsWith('--') ? `--${name}` : `-${name}`}`;
      if (spec.type !== 'bool' && !a.includes('=') && (a.startsWith('--') || a.length === 2)) rest.push(args[++i] ?? '');
      continue;
    }
    return { verb: a, rest: [...rest, ...args.slice(i + 1)] };
  }
  return { rest };
}

/** Parses argv (without the command words) against the specs; returns pflag's message on error. */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedArgs | string {
  const all = [...GLOBAL_FLAGS, ...specs];
  const out: ParsedArgs = { args: [], dashArgs: [], sawDash: false, flags: new Map() };
  const set = (spec: FlagSpec, value: string | boolean) => {
    if (spec.type === 'stringArray') {
      const prev = (out.flags.get(spec.name) as string[] | undefined) ?? [];
      out.flags.set(spec.name, [...prev, String(value)]);
    } else out.flags.set(spec.name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.sawDash = true;
      out.dashArgs = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) return `unknown flag: --${name}`;
      if (spec.type === 'bool') {
        const v = eq < 0 ? 'true' : a.slice(eq + 1);
        if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(v))
          return `invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`;
        set(spec, ['true', '1', 't', 'TRUE', 'True'].includes(v));
      } else if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else return `flag needs an argument: --${name}`;
      if (spec.type === 'int' && !/^-?\d+$/.test(String(out.flags.get(spec.name))))
        return `invalid argument "${out.flags.get(spec.name)}" for "--${name}" flag: strconv.ParseInt: parsing "${out.flags.get(spec.name)}": invalid syntax`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const spec = all.find((s) => s.short === c);
        if (!spec) return `unknown shorthand flag: '${c}' in ${a}`;
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2) === 'true');
            break;
          }
          set(spec, true);
          j++;
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          if (spec.noOptDefault !== undefined) value = spec.noOptDefault;
          else if (i + 1 < argv.length) value = argv[++i];
          else return `flag needs an argument: '${c}' in -${c}`;
        }
        set(spec, value);
        if (spec.type === 'int' && !/^-?\d+$/.test(value))
          return `invalid argument "${value}" for "-${c}, --${spec.name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
        break;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

/** A string flag's value, or a default. */
export function str(p: ParsedArgs, name: string, def = ''): string {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : def;
}

/** A bool flag's value. */
export function bool(p: ParsedArgs, name: string): boolean {
  return p.flags.get(name) === true;
}

/** A repeated flag's values. */
export function arr(p: ParsedArgs, name: string): string[] {
  const v = p.flags.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Whether a flag was given at all. */
export function has(p: ParsedArgs, name: string): boolean {
  return p.flags.has(name);
}
