/**
 * The cheat-sheet data model: one YAML file per chapter under content/cheatsheets/, whose entries
 * are commands copied verbatim from the chapter, each with a Japanese and an English explanation
 * and the page and section it comes from. This module turns a file's text into checked data.
 */
import yaml from 'js-yaml';

/** A text in both languages of the site. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** One row of a sheet: a command and a one-line explanation, linked back to its section. */
export interface SheetEntry {
  /** The command exactly as the chapter writes it (several lines when the chapter continues it with `\`). */
  command: string;
  ja: string;
  en: string;
  /** Slug of the page the command is on (`upgrades`, `networking/dns`; `networking` is networking/index). */
  page: string;
  /** Explicit heading id of the section (shared by both languages). */
  section: string;
}

/** A task heading and its entries, in the order a reader does them. */
export interface SheetGroup {
  id: string;
  title: Bilingual;
  entries: SheetEntry[];
}

/** The cheat-sheet of one chapter. */
export interface ChapterSheet {
  /** Slug of the chapter, also the sheet's URL segment (`/ja/cheatsheet/<chapter>/`). */
  chapter: string;
  /** Position of the chapter in the notes (1 = node maintenance), for the whole-site sheet. */
  order: number;
  title: Bilingual;
  groups: SheetGroup[];
}

const ID = /^[a-z][a-z0-9-]*$/;
const SLUG = /^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/;

/** Thrown when a sheet file does not have the expected shape; the message names the file and the field. */
export class SheetFormatError extends Error {}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SheetFormatError(`${where}: expected a non-empty string`);
  return value;
}

function bilingual(value: unknown, where: string): Bilingual {
  const v = (value ?? {}) as Record<string, unknown>;
  return { ja: text(v.ja, `${where}.ja`), en: text(v.en, `${where}.en`) };
}

function matching(value: unknown, pattern: RegExp, where: string): string {
  const s = text(value, where);
  if (!pattern.test(s)) throw new SheetFormatError(`${where}: "${s}" does not match ${pattern}`);
  return s;
}

/**
 * Parses one sheet file. `page` may be given on the file (`chapter` is the default), on a group
 * or on an entry; every entry comes out with its page and section resolved.
 */
export function parseSheet(source: string, file: string): ChapterSheet {
  const doc = (yaml.load(source) ?? {}) as Record<string, unknown>;
  const chapter = matching(doc.chapter, ID, `${file}: chapter`);
  const title = bilingual(doc.title, `${file}: title`);
  if (typeof doc.order !== 'number') throw new SheetFormatError(`${file}: order: expected a number`);
  const order = doc.order;
  const filePage = doc.page === undefined ? chapter : matching(doc.page, SLUG, `${file}: page`);
  if (!Array.isArray(doc.groups)) throw new SheetFormatError(`${file}: groups: expected a list`);
  const groupIds = new Set<string>();
  const groups = doc.groups.map((raw, g): SheetGroup => {
    const group = (raw ?? {}) as Record<string, unknown>;
    const where = `${file}: groups[${g}]`;
    const id = matching(group.id, ID, `${where}.id`);
    if (groupIds.has(id)) throw new SheetFormatError(`${where}.id: "${id}" is used twice`);
    groupIds.add(id);
    const groupPage = group.page === undefined ? filePage : matching(group.page, SLUG, `${where}.page`);
    if (!Array.isArray(group.entries) || group.entries.length === 0) throw new SheetFormatError(`${where}.entries: expected a non-empty list`);
    const entries = group.entries.map((rawEntry, e): SheetEntry => {
      const entry = (rawEntry ?? {}) as Record<string, unknown>;
      const at = `${where}.entries[${e}]`;
      return {
        // A YAML block scalar ends with a newline the chapter's line does not have.
        command: text(entry.command, `${at}.command`).replace(/\n+$/, ''),
        ja: text(entry.ja, `${at}.ja`),
        en: text(entry.en, `${at}.en`),
        page: entry.page === undefined ? groupPage : matching(entry.page, SLUG, `${at}.page`),
        section: matching(entry.section, ID, `${at}.section`),
      };
    });
    return { id, title: bilingual(group.title, `${where}.title`), entries };
  });
  return { chapter, order, title, groups };
}

/** The URL of an entry's section: `/ja/upgrades/#procedure`. */
export function sectionUrl(locale: 'ja' | 'en', entry: Pick<SheetEntry, 'page' | 'section'>): string {
  return `/${locale}/${entry.page}/#${entry.section}`;
}

/** Sheets in the notes' chapter order. */
export function byChapterOrder(sheets: ChapterSheet[]): ChapterSheet[] {
  return [...sheets].sort((a, b) => a.order - b.order);
}
