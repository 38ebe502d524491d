#!/usr/bin/env node
/**
 * JS a built page loads before any interaction: its module scripts and their static imports,
 * plus inline scripts, in bytes and gzip bytes. Prints figures; no pass/fail.
 * Usage: npm run build && node bench/page-weight.mjs [/ja/node-maintenance/ …]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(process.cwd(), 'dist');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/ja/node-maintenance/', '/en/node-maintenance/'];

/** Static imports of an ES module (`import … from "x"`, `import "x"`), not `import()`. */
function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

for (const page of pages) {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const seen = new Set();
  let raw = 0;
  let gz = 0;
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file);
    raw += code.length;
    gz += gzipSync(code, { level: 9 }).length;
    for (const spec of staticImports(code.toString())) {
      if (spec.startsWith('.') || spec.startsWith('/')) visit(spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec));
    }
  };
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)) visit(join(dist, m[1]));
  let inline = 0;
  let inlineGz = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)) {
    inline += Buffer.byteLength(m[1]);
    inlineGz += gzipSync(m[1], { level: 9 }).length;
    for (const spec of staticImports(m[1])) if (spec.startsWith('/')) visit(join(dist, spec));
  }
  const fmt = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${page}: ${seen.size} module files ${fmt(raw)} (${fmt(gz)} gzip) + inline ${fmt(inline)} (${fmt(inlineGz)} gzip) = ${fmt(gz + inlineGz)} gzip before interaction`);
}
