/**
 * The JavaScript a built page loads before any interaction: its module scripts with their static
 * imports (not `import()`), and its inline scripts, each gzipped alone as a server sends it.
 * Shared by bench/page-weight.mjs (figures) and tests/unit/site/budgets.test.ts (budgets).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One script of a page: a module file (`/_astro/x.js`) or an inline script (`inline #n`). */
export interface ScriptPart {
  name: string;
  kind: 'module' | 'inline';
  code: string;
  bytes: number;
  gzip: number;
}

/** Gzip bytes of a text or file content, at the level static hosts precompress with. */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Static imports of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`), not `import()`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/** Every script a page runs before interaction, in document order (modules after their importer). */
export function pageScripts(html: string, dist: string): ScriptPart[] {
  const parts: ScriptPart[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const content = readFileSync(file);
    const code = content.toString();
    parts.push({ name: '/' + file.slice(dist.length + 1).split('\\').join('/'), kind: 'module', code, bytes: content.length, gzip: gzipBytes(content) });
    for (const spec of staticImports(code)) {
      if (spec.startsWith('.') || spec.startsWith('/')) visit(spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec));
    }
  };
  let n = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attrs, body] = m;
    const src = /\bsrc="([^"]+)"/.exec(attrs);
    if (src) {
      if (!/^(?:[a-z]+:)?\/\//i.test(src[1])) visit(join(dist, src[1].split(/[?#]/)[0]));
      continue;
    }
    // Data blocks (JSON) are not run.
    if (/\btype="(?!module"|text\/javascript")[^"]*"/.test(attrs)) continue;
    n++;
    parts.push({ name: `inline #${n}`, kind: 'inline', code: body, bytes: Buffer.byteLength(body), gzip: gzipBytes(body) });
    for (const spec of staticImports(body)) if (spec.startsWith('/')) visit(join(dist, spec));
  }
  return parts;
}

/** Total gzip bytes of some scripts. */
export function totalGzip(parts: readonly ScriptPart[]): number {
  return parts.reduce((t, p) => t + p.gzip, 0);
}
