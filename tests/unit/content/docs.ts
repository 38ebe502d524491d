import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The docs collection's folder. */
export const DOCS = join(process.cwd(), 'content/docs');

/** Every page of a locale, as a path below the locale (`storage/volumes.mdx`), sorted. */
export function pagesOf(locale: string): string[] {
  const root = join(DOCS, locale);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.mdx?$/.test(name)) out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

/** A page's source. */
export const readPage = (locale: string, page: string): string => readFileSync(join(DOCS, locale, page), 'utf8');
