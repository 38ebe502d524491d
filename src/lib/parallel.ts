/** A page that exists in both languages, with its slug below the locale (undefined for the locale's home). */
export interface ParallelPair<T> {
  slug: string | undefined;
  ja: T;
  en: T;
}

/** Pairs the Japanese and English entries of the docs collection by their path below the locale. */
export function parallelPairs<T extends { id: string }>(docs: T[]): ParallelPair<T>[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const pairs: ParallelPair<T>[] = [];
  for (const doc of docs) {
    const [locale, ...rest] = doc.id.split('/');
    if (locale !== 'ja') continue;
    const slug = rest.join('/') || undefined;
    const en = byId.get(slug ? `en/${slug}` : 'en');
    if (en) pairs.push({ slug, ja: doc, en });
  }
  return pairs.sort((a, b) => (a.slug ?? '').localeCompare(b.slug ?? ''));
}

/** The parallel view's path for a reading page's path (`/ja/storage/` → `/ja/parallel/storage/`), or the reverse. */
export function toggleParallelPath(pathname: string): string {
  const [, locale, ...rest] = pathname.split('/');
  if (rest[0] === 'parallel') return `/${[locale, ...rest.slice(1)].join('/')}`;
  return `/${[locale, 'parallel', ...rest].join('/')}`;
}
