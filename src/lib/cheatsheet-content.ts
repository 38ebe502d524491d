/** The site's cheat-sheets, read at build time through Vite (so edits to the YAML rebuild the pages in dev). */
import { byChapterOrder, parseSheet, type ChapterSheet } from './cheatsheet-data.ts';

const files = import.meta.glob<string>('/content/cheatsheets/*.yaml', { query: '?raw', import: 'default', eager: true });

/** Every chapter's sheet, in the notes' order. */
export const sheets: ChapterSheet[] = byChapterOrder(
  Object.entries(files).map(([path, source]) => parseSheet(source, path.slice(path.lastIndexOf('/') + 1))),
);
