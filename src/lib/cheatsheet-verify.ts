/**
 * Keeps the sheets honest: every command on a sheet must appear verbatim in the section it links
 * to, in both languages, so that a chapter edit which drops or changes a command shows up as a
 * failing check until the sheet follows.
 */
import type { ChapterSheet, SheetEntry } from './cheatsheet-data.ts';
import { outline } from './mdx-outline.ts';

/** Reads the MDX source of a page (`upgrades`, `networking` = networking/index) in a locale, or undefined if there is none. */
export type PageReader = (locale: 'ja' | 'en', page: string) => string | undefined;

const PROMPT_LANGS = /^(console|shellsession)$/;

/** The lines a command can be matched against in a code block: the line as written, and without a trailing `# comment` or the `$ ` prompt. */
function lineForms(line: string, lang: string): string[] {
  let forms = [line.trim()];
  if (PROMPT_LANGS.test(lang)) forms = forms.flatMap((l) => (l.startsWith('$ ') ? [l, l.slice(2).trim()] : [l]));
  return forms.flatMap((l) => {
    const bare = l.replace(/\s+#\s.*$/, '');
    return bare === l ? [l] : [l, bare];
  });
}

/** True when the command's lines are whole consecutive lines of the block (indentation aside). */
function inBlock(command: string[], block: string, lang: string): boolean {
  const lines = block.split('\n').map((l) => lineForms(l, lang));
  for (let start = 0; start + command.length <= lines.length; start++) {
    if (command.every((c, i) => lines[start + i].includes(c))) return true;
  }
  return false;
}

/** The code blocks and the inline code spans of one section (the heading's own text up to the next heading of the same or a higher level). */
export function sectionCode(source: string, sectionId: string): { blocks: { lang: string; body: string }[]; inline: string[] } | undefined {
  const items = outline(source);
  const start = items.findIndex((it) => it.type === 'heading' && it.id === sectionId);
  if (start < 0) return undefined;
  const head = items[start];
  if (head.type !== 'heading') return undefined;
  let end = items.findIndex((it, i) => i > start && it.type === 'heading' && it.depth <= head.depth);
  if (end < 0) end = items.length;
  const inSection = items.slice(start + 1, end);
  const blocks = inSection.flatMap((it) => (it.type === 'code' ? [{ lang: it.lang, body: it.body }] : []));
  // Inline code: prose lines of the section, with the fenced blocks' lines left out.
  const lines = source.split('\n');
  const firstLine = head.line;
  const lastLine = end < items.length ? items[end].line - 1 : lines.length;
  const fenced = new Set<number>();
  for (const it of inSection) if (it.type === 'code') for (let l = it.line; l <= it.line + it.body.split('\n').length + 1; l++) fenced.add(l);
  const inline: string[] = [];
  for (let l = firstLine + 1; l <= lastLine; l++) {
    if (fenced.has(l)) continue;
    for (const m of (lines[l - 1] ?? '').matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) inline.push(m[2].trim());
  }
  return { blocks, inline };
}

/** Why an entry's command is not where it says it is, one message per language; empty when it is. */
export function checkEntry(entry: SheetEntry, read: PageReader): string[] {
  const problems: string[] = [];
  const where = `${entry.page}#${entry.section}: \`${entry.command.split('\n')[0]}${entry.command.includes('\n') ? ' …' : ''}\``;
  const command = entry.command.split('\n').map((l) => l.trim());
  for (const locale of ['ja', 'en'] as const) {
    const source = read(locale, entry.page);
    if (source === undefined) {
      problems.push(`${where}: no ${locale} page "${entry.page}"`);
      continue;
    }
    const code = sectionCode(source, entry.section);
    if (!code) {
      problems.push(`${where}: the ${locale} page has no heading with id "${entry.section}"`);
      continue;
    }
    const found =
      code.blocks.some((b) => inBlock(command, b.body, b.lang)) || (command.length === 1 && code.inline.includes(command[0]));
    if (!found) problems.push(`${where}: not found verbatim in a code block of the ${locale} section`);
  }
  return problems;
}

/** Every problem of a sheet: commands missing from their sections, in either language. */
export function verifySheet(sheet: ChapterSheet, read: PageReader): string[] {
  return sheet.groups.flatMap((g) => g.entries.flatMap((e) => checkEntry(e, read)));
}
