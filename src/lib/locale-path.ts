/** The locales of the site, the original first. */
export const LOCALES = ['ja', 'en'] as const;

/** A locale code of the site. */
export type Locale = (typeof LOCALES)[number];

/** The path of the same page in another locale: `/ja/storage/` → `/en/storage/`. */
export function counterpartPath(pathname: string, locale: string): string {
  const parts = pathname.split('/');
  if ((LOCALES as readonly string[]).includes(parts[1] ?? '')) {
    parts[1] = locale;
    return parts.join('/');
  }
  return `/${locale}/`;
}
