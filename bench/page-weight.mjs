#!/usr/bin/env node
/**
 * JS a built page loads before any interaction: its module scripts and their static imports,
 * plus inline scripts, in bytes and gzip bytes. Prints figures; no pass/fail (the budgets are
 * enforced by tests/unit/site/budgets.test.ts with the same code, src/lib/site-check/page-js.ts).
 * Usage: npm run build && node bench/page-weight.mjs [/ja/node-maintenance/ …] [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageScripts } from '../src/lib/site-check/page-js.ts';

const dist = join(process.cwd(), 'dist');
const args = process.argv.slice(2);
const json = args.includes('--json');
const given = args.filter((a) => !a.startsWith('--'));
const pages = given.length ? given : ['/ja/node-maintenance/', '/en/node-maintenance/'];

/** Figures of one page's JS before interaction. */
function pageWeight(page) {
  const file = page.endsWith('.html') ? join(dist, page) : join(dist, page, 'index.html');
  const parts = pageScripts(readFileSync(file, 'utf8'), dist);
  const sum = (kind, key) => parts.filter((p) => p.kind === kind).reduce((t, p) => t + p[key], 0);
  return { page, modules: parts.filter((p) => p.kind === 'module').length, raw: sum('module', 'bytes'), gz: sum('module', 'gzip'), inline: sum('inline', 'bytes'), inlineGz: sum('inline', 'gzip') };
}

const fmt = (n) => `${(n / 1024).toFixed(1)} KB`;
const results = pages.map(pageWeight);
if (json) console.log(JSON.stringify(results));
else
  for (const r of results) {
    console.log(`${r.page}: ${r.modules} module files ${fmt(r.raw)} (${fmt(r.gz)} gzip) + inline ${fmt(r.inline)} (${fmt(r.inlineGz)} gzip) = ${fmt(r.gz + r.inlineGz)} gzip before interaction`);
  }
