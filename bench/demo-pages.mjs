/**
 * The JS each demo page of a locale downloads: with its terminals ready (page, worker core,
 * scenarios and what they need first) and after every command the page shows has run once
 * (src/lib/site-check/demo-load.ts). Figures only; used by bench/all.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLoad, pageUrl, terminalScenarios } from '../src/lib/site-check/demo-load.ts';
import { pageScripts, totalGzip } from '../src/lib/site-check/page-js.ts';
import { pageCommands } from '../tests/unit/content/commands.ts';
import { pagesOf, readPage } from '../tests/unit/content/docs.ts';

/** Each demo page of `locale`: its URL, terminals, command count and the two loads. */
export async function demoPages(dist, chunks, locale) {
  const out = [];
  for (const source of pagesOf(locale)) {
    const url = pageUrl(locale, source);
    let html;
    try {
      html = readFileSync(join(dist, url, 'index.html'), 'utf8');
    } catch {
      continue;
    }
    const terminals = terminalScenarios(html);
    if (terminals.length === 0) continue;
    const before = totalGzip(pageScripts(html, dist));
    const commands = pageCommands(readPage(locale, source)).map((c) => c.command);
    out.push({
      url,
      terminals,
      commands: commands.length,
      ready: await demoLoad(chunks, before, terminals, []),
      all: await demoLoad(chunks, before, terminals, commands),
    });
  }
  return out;
}
