// Dead links in the built site: one test per page, so a failure names the page and its links.
// Reads dist/ (npm test builds before Vitest runs).
import { describe, it, expect, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtHtmlPages, requireDist, type BuiltPage } from '../../../src/lib/site-check/dist-files.ts';
import type { HtmlRef } from '../../../src/lib/site-check/html-refs.ts';
import { LinkChecker, configuredSite } from '../../../src/lib/site-check/link-check.ts';

requireDist();
const pages = builtHtmlPages();
const checker = new LinkChecker(configuredSite());
const external = new Map<string, Set<string>>();

/**
 * Starlight's 404 route is built to /404.html but its <head> names it /404/ (canonical and
 * hreflang alternates, from the route's id): Starlight's markup, not ours, and never followed
 * (a host serves 404.html for any missing URL and search engines do not index it).
 */
const starlight404Head = (ref: HtmlRef, page: BuiltPage) => page.url === '/404.html' && ref.tag === 'link' && /\/404\/$/.test(ref.url);

describe('links in the built site', () => {
  it('covers both languages, the parallel view, the cheat-sheets, the 404 page and the landing page', () => {
    const urls = pages.map((p) => p.url);
    for (const expected of ['/', '/404.html', '/ja/', '/en/', '/ja/parallel/', '/en/parallel/', '/ja/cheatsheet/', '/en/cheatsheet/']) {
      expect(urls).toContain(expected);
    }
  });

  for (const page of pages) {
    it(`${page.url}`, () => {
      const report = checker.check(page, starlight404Head);
      for (const url of report.external) {
        if (!external.has(url)) external.set(url, new Set());
        external.get(url)!.add(page.url);
      }
      expect(report.checked, `${page.url}: no links at all`).toBeGreaterThan(0);
      expect(report.problems, `${page.url}:\n  ${report.problems.join('\n  ')}`).toEqual([]);
    });
  }

  afterAll(() => {
    // Listed, not fetched: CI has no network. One line per URL with the pages that link to it.
    const reports = join(process.cwd(), 'reports');
    mkdirSync(reports, { recursive: true });
    const lines = [...external].sort(([a], [b]) => a.localeCompare(b)).map(([url, from]) => `${url}\t${[...from].sort().join(' ')}`);
    writeFileSync(join(reports, 'external-links.txt'), lines.join('\n') + '\n');
    console.log(`links: ${pages.length} pages checked; ${external.size} external URLs listed (not fetched) in reports/external-links.txt`);
  });
});
