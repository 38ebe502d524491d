/**
 * Dead-link check over the built site: every same-origin URL a page refers to must be a file in
 * dist/, and every fragment must name an element on its target page. Other origins are listed,
 * never fetched (the machine and CI have no network).
 */
import { readFileSync } from 'node:fs';
import { DIST, resolvePath, type BuiltPage } from './dist-files.ts';
import { pageRefs, type HtmlRef, type PageRefs } from './html-refs.ts';

/** Schemes that name no document to check. */
const SKIPPED_SCHEMES = /^(?:mailto|tel|javascript|data|blob|about):/i;

/** What checking one page found. */
export interface PageLinkReport {
  problems: string[];
  external: string[];
  checked: number;
}

/** Checks links of many pages, reading each target page's ids once. */
export class LinkChecker {
  private readonly refsByFile = new Map<string, PageRefs>();
  private readonly origin: string;
  private readonly dist: string;

  /** `site` is the configured site URL: absolute URLs on its origin are checked like relative ones. */
  constructor(site: string, dist = DIST) {
    this.origin = new URL(site).origin;
    this.dist = dist;
  }

  /** The URLs and ids of one built HTML file (cached). */
  refsOf(file: string): PageRefs {
    let refs = this.refsByFile.get(file);
    if (!refs) {
      refs = pageRefs(readFileSync(file, 'utf8'));
      this.refsByFile.set(file, refs);
    }
    return refs;
  }

  /** Every problem with the links of one page, each naming the link and what is wrong; `skip` leaves out refs the caller has a reason not to check. */
  check(page: BuiltPage, skip: (ref: HtmlRef, page: BuiltPage) => boolean = () => false): PageLinkReport {
    const refs = this.refsOf(page.file).refs.filter((ref) => !skip(ref, page));
    const problems: string[] = [];
    const external: string[] = [];
    const base = new URL(page.url, this.origin);
    for (const ref of refs) {
      if (ref.url === '' || SKIPPED_SCHEMES.test(ref.url)) continue;
      let target: URL;
      try {
        target = new URL(ref.url, base);
      } catch {
        problems.push(`line ${ref.line}: <${ref.tag} ${ref.attr}="${ref.url}"> → not a URL`);
        continue;
      }
      if (target.origin !== this.origin) {
        if (/^https?:$/.test(target.protocol)) external.push(target.href);
        continue;
      }
      const where = `line ${ref.line}: <${ref.tag} ${ref.attr}> ${ref.url}`;
      const resolved = resolvePath(target.pathname, this.dist);
      if ('error' in resolved) {
        problems.push(`${where} → ${resolved.error}`);
        continue;
      }
      const fragment = target.hash.slice(1);
      if (!fragment || !resolved.file.endsWith('.html')) continue;
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        problems.push(`${where} → malformed fragment`);
        continue;
      }
      // HTML scrolls to the top for #top even when no element has that id.
      if (id.toLowerCase() === 'top') continue;
      if (!this.refsOf(resolved.file).ids.has(id)) problems.push(`${where} → no element with id "${id}" on ${target.pathname}`);
    }
    return { problems, external, checked: refs.length };
  }
}

/** The `site` option of astro.config.mjs (the origin canonical and alternate links use). */
export function configuredSite(configFile = 'astro.config.mjs'): string {
  const m = /\bsite:\s*['"]([^'"]+)['"]/.exec(readFileSync(configFile, 'utf8'));
  if (!m) throw new Error(`no site: in ${configFile}`);
  return m[1];
}
