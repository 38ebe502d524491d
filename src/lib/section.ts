import type { Locale } from './locale-path.ts';

const STORAGE_KEY = 'kube-notes:locale';
/** Pixels below the top of the viewport that still count as "the section being read" (under the sticky header). */
const READING_LINE = 120;

/**
 * The id of the section the reader is in: the last heading whose top has scrolled above the
 * reading line, or the URL's fragment when the page is at its top.
 */
export function currentSectionId(doc: Document): string {
  const headings = doc.querySelectorAll<HTMLElement>('.sl-markdown-content :is(h2, h3, h4)[id]');
  let id = '';
  for (const heading of headings) {
    if (heading.getBoundingClientRect().top <= READING_LINE) id = heading.id;
    else break;
  }
  return id || decodeURIComponent(doc.location.hash.slice(1));
}

/** Remembers the reader's language for the landing page. */
export function rememberLocale(locale: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled (private mode); the choice then lasts for this page only.
  }
}

/** The language the reader chose before, if any. */
export function rememberedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'ja' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}
