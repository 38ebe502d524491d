/**
 * Where a built script comes from, told by its string literals: minifiers rename variables but
 * keep strings, so a literal that occurs in Starlight's sources (with the Astro and Expressive
 * Code code Starlight ships) and in none of ours marks Starlight's code, and one that occurs
 * only in our sources marks ours. Used to measure Starlight's own share of a page's JS and to
 * prove the simulator (src/sim) is not in a page's static graph.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A literal tells where code comes from when it is unlikely to occur by chance in two code bases:
 * at least 8 characters with punctuation or a space (`kube-notes:locale`, `button[data-open-modal]`)
 * or a plain word of at least 12 (`requestIdleCallback`); `rejected` or `click` tell nothing.
 */
const telling = (s: string) => /[a-zA-Z]/.test(s) && ((s.length >= 8 && /[^a-zA-Z0-9]/.test(s)) || s.length >= 12);
const SOURCE_FILE = /\.(?:astro|ts|mts|js|mjs)$/;

/** Who wrote a built script: Starlight (with its Astro and Expressive Code parts), us, or no telling. */
export type Origin = 'starlight' | 'ours' | 'unknown';

/** String literals of a piece of code, without interpolations or escapes, long enough to be telling. */
export function stringLiterals(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(["'`])((?:(?!\1)[^\\\n$])+)\1/g)) if (telling(m[2])) out.add(m[2]);
  return [...out];
}

/** Names that survive minification (globals, properties, custom elements: `StarlightThemeProvider`, `starlight-toc`). */
function longNames(code: string): string[] {
  return [...new Set(code.match(/[A-Za-z_$][\w$-]{9,}/g) ?? [])];
}

function readTree(dir: string, skip: (path: string) => boolean = () => false): string {
  if (!existsSync(dir)) return '';
  const chunks: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (skip(path)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE_FILE.test(name) && !name.endsWith('.d.ts')) chunks.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return chunks.join('\n');
}

/** Attributes built scripts to Starlight, to our code, or to the simulator. */
export class ScriptOrigins {
  private readonly starlight: string;
  private readonly ours: string;
  private readonly sim: string;
  private readonly cache = new Map<string, { origin: Origin; evidence: string }>();

  /** Reads the sources under `root` (the project): node_modules' Starlight, Astro prefetch and Expressive Code; our src/ and ec.config.mjs. */
  constructor(root = process.cwd()) {
    const nm = join(root, 'node_modules');
    this.starlight = [
      readTree(join(nm, '@astrojs/starlight'), (p) => p.includes('__tests__') || p.endsWith('translations')),
      readTree(join(nm, 'astro/dist/prefetch')),
      readTree(join(nm, 'astro/dist/runtime/client')),
      ...['core', 'plugin-frames', 'plugin-text-markers', 'plugin-shiki'].map((p) => readTree(join(nm, '@expressive-code', p, 'dist'))),
    ].join('\n');
    const src = join(root, 'src');
    this.sim = readTree(join(src, 'sim'));
    // src/lib/site-check is this checking code (it names Starlight's globals): never shipped to a page.
    this.ours = [readTree(src, (p) => p === join(src, 'sim') || p === join(src, 'lib', 'site-check')), existsSync(join(root, 'ec.config.mjs')) ? readFileSync(join(root, 'ec.config.mjs'), 'utf8') : ''].join('\n');
  }

  /** Starlight's when it has a literal of Starlight's and none only ours has; ours when it has one only ours (or the simulator) has. */
  originOf(code: string): { origin: Origin; evidence: string } {
    const cached = this.cache.get(code);
    if (cached) return cached;
    let result: { origin: Origin; evidence: string } = { origin: 'unknown', evidence: '' };
    let starlightEvidence = '';
    for (const literal of stringLiterals(code)) {
      const inStarlight = this.starlight.includes(literal);
      if (!inStarlight && (this.ours.includes(literal) || this.sim.includes(literal))) {
        result = { origin: 'ours', evidence: literal };
        break;
      }
      if (inStarlight && !starlightEvidence) starlightEvidence = literal;
    }
    // Small scripts may hold no telling string (`StarlightThemeProvider.updatePickers()`): then
    // a long name only Starlight's sources have tells.
    if (result.origin === 'unknown' && !starlightEvidence) starlightEvidence = longNames(code).find((n) => this.starlight.includes(n) && !this.ours.includes(n)) ?? '';
    if (result.origin === 'unknown' && starlightEvidence) result = { origin: 'starlight', evidence: starlightEvidence };
    this.cache.set(code, result);
    return result;
  }

  /** A literal of this code that only the simulator's sources (src/sim) have, if any. */
  simulatorLiteral(code: string): string | undefined {
    return stringLiterals(code).find((l) => this.sim.includes(l) && !this.ours.includes(l) && !this.starlight.includes(l));
  }
}
