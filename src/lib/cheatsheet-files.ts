/** Reads the cheat-sheet files and the chapter sources from disk (for tests and scripts; the site build uses import.meta.glob). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { byChapterOrder, parseSheet, type ChapterSheet } from './cheatsheet-data.ts';
import type { PageReader } from './cheatsheet-verify.ts';

/** Every sheet under `<root>/content/cheatsheets`, in chapter order. */
export function loadSheets(root: string = process.cwd()): ChapterSheet[] {
  const dir = join(root, 'content/cheatsheets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  return byChapterOrder(files.map((f) => parseSheet(readFileSync(join(dir, f), 'utf8'), f)));
}

/** A PageReader over `<root>/content/docs/<locale>/`: `networking` is networking/index.mdx. */
export function docsReader(root: string = process.cwd()): PageReader {
  return (locale, page) => {
    const base = join(root, 'content/docs', locale);
    for (const candidate of [`${page}.mdx`, `${page}.md`, `${page}/index.mdx`, `${page}/index.md`]) {
      const path = join(base, candidate);
      if (existsSync(path)) return readFileSync(path, 'utf8');
    }
    return undefined;
  };
}
